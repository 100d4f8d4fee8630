package io.cdottrials.gitlab.client;

import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A plain application using the library the way a GitLab-side JVM would: nothing but
 * auto-configuration, plus a {@link FillListener} a test can arm.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ClientTestApplication {

	@Bean
	PausingFillListener pausingFillListener() {
		return new PausingFillListener();
	}

	/**
	 * Pauses the fill of one namespace between CDot's answer and the write-back, until
	 * released.
	 */
	static final class PausingFillListener implements FillListener {

		private volatile long namespaceId;

		private volatile CountDownLatch reached = new CountDownLatch(1);

		private volatile CountDownLatch release = new CountDownLatch(1);

		void pause(long namespaceId) {
			this.reached = new CountDownLatch(1);
			this.release = new CountDownLatch(1);
			this.namespaceId = namespaceId;
		}

		boolean awaitPaused() throws InterruptedException {
			return this.reached.await(10, TimeUnit.SECONDS);
		}

		void release() {
			this.namespaceId = 0;
			this.release.countDown();
		}

		@Override
		public void fetched(Set<Long> namespaceIds) {
			if (namespaceIds.contains(this.namespaceId)) {
				this.reached.countDown();
				try {
					this.release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

	}

}

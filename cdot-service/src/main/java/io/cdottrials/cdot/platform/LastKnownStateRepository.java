package io.cdottrials.cdot.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.togglz.core.Feature;
import org.togglz.core.repository.FeatureState;
import org.togglz.core.repository.StateRepository;

/**
 * Keeps the last state each flag was read with and answers it while the store cannot be
 * read (a database outage): a flag must not turn an outage into a 500 of its own, nor
 * flip back to its default half way through. A flag never read yet answers its default.
 * While the store fails it is tried again at most once per {@link #RETRY_INTERVAL}, so
 * that a read does not wait out the connection timeout on every request of the outage.
 * The outage is logged once when it starts and once when it ends, not per read.
 */
class LastKnownStateRepository implements StateRepository {

	private static final Logger logger = LoggerFactory.getLogger(LastKnownStateRepository.class);

	private final StateRepository delegate;

	private final Map<String, FeatureState> lastKnown = new ConcurrentHashMap<>();

	private static final long RETRY_INTERVAL = TimeUnit.SECONDS.toNanos(1);

	private final AtomicBoolean failing = new AtomicBoolean();

	private volatile long nextAttempt;

	LastKnownStateRepository(StateRepository delegate) {
		this.delegate = delegate;
	}

	@Override
	public @Nullable FeatureState getFeatureState(Feature feature) {
		if (this.failing.get() && System.nanoTime() - this.nextAttempt < 0) {
			return lastKnown(feature);
		}
		FeatureState state;
		try {
			state = this.delegate.getFeatureState(feature);
		}
		catch (RuntimeException ex) {
			this.nextAttempt = System.nanoTime() + RETRY_INTERVAL;
			if (this.failing.compareAndSet(false, true)) {
				logger.warn("Feature flags cannot be read ({}); serving their last known states until they can",
						ex.getMessage());
			}
			return lastKnown(feature);
		}
		if (this.failing.compareAndSet(true, false)) {
			logger.info("Feature flags can be read again");
		}
		remember(feature, state);
		return state;
	}

	@Override
	public void setFeatureState(FeatureState featureState) {
		this.delegate.setFeatureState(featureState);
		remember(featureState.getFeature(), featureState);
	}

	private @Nullable FeatureState lastKnown(Feature feature) {
		FeatureState known = this.lastKnown.get(feature.name());
		return (known != null) ? known.copy() : null;
	}

	private void remember(Feature feature, @Nullable FeatureState state) {
		if (state != null) {
			this.lastKnown.put(feature.name(), state.copy());
		}
		else {
			this.lastKnown.remove(feature.name());
		}
	}

}

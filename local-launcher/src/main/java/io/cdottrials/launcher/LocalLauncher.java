package io.cdottrials.launcher;

/**
 * The README's run command: starts {@link LocalProduct} on ports 8080 and 8081 (or
 * {@code -Dcdot.port} / {@code -Dgitlab.port}) and prints what to try.
 */
public final class LocalLauncher {

	private LocalLauncher() {
	}

	public static void main(String[] args) throws Exception {
		LocalProduct product = LocalProduct.start(RepositoryLayout.locate(), Integer.getInteger("cdot.port", 8080),
				Integer.getInteger("gitlab.port", 8081));
		Runtime.getRuntime().addShutdownHook(new Thread(product::close, "local-product-shutdown"));
		System.out.println(Banner.text(product.cdotPort(), product.gitlabPort()));
		product.waitFor();
	}

}

package io.cdottrials.cdot.catalog.internal.source;

/**
 * Reads the whole catalog, every page of it, before anything is written: a sync applies a
 * complete catalog or nothing.
 */
public interface CatalogSource {

	/**
	 * The source's name as recorded on a sync run.
	 * @return {@code zuora} or {@code file}
	 */
	String name();

	/**
	 * Reads the whole catalog.
	 * @return every product, rate plan, charge and tier, with the validation findings
	 * @throws CatalogSourceException when the catalog cannot be read completely
	 */
	FetchedCatalog fetch();

}

package io.cdottrials.cdot.catalog.internal.sync.store;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * What one catalog version changed against the previous one, as stored in
 * {@code catalog_version.diff} and shown by the admin API.
 *
 * @param added records new in the catalog, or back after a removal ({@code restored})
 * @param changed records whose fields changed, each field with its value before and after
 * @param removed records gone from the source, now marked removed
 */
public record CatalogDiff(@JsonProperty("added") List<Entry> added, @JsonProperty("changed") List<Modification> changed,
		@JsonProperty("removed") List<Entry> removed) {

	public static final String EMPTY_JSON = "{\"added\":[],\"changed\":[],\"removed\":[]}";

	/**
	 * A record added or removed.
	 *
	 * @param type {@code product}, {@code rate_plan} or {@code charge}
	 * @param zuoraId its Zuora id
	 * @param name its name
	 * @param restored whether it came back after having been removed
	 */
	record Entry(@JsonProperty("type") String type, @JsonProperty("zuora_id") String zuoraId,
			@JsonProperty("name") String name,
			@JsonProperty("restored") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean restored) {
	}

	/**
	 * A record whose fields changed.
	 *
	 * @param type {@code product}, {@code rate_plan} or {@code charge}
	 * @param zuoraId its Zuora id
	 * @param name its name (the new one, when the name changed)
	 * @param fields changed fields by name (custom fields by their Zuora name)
	 */
	record Modification(@JsonProperty("type") String type, @JsonProperty("zuora_id") String zuoraId,
			@JsonProperty("name") String name, @JsonProperty("fields") Map<String, FieldChange> fields) {
	}

	/**
	 * One field's values before and after.
	 *
	 * @param from the value before
	 * @param to the value after
	 */
	record FieldChange(@JsonProperty("from") JsonNode from, @JsonProperty("to") JsonNode to) {
	}

}

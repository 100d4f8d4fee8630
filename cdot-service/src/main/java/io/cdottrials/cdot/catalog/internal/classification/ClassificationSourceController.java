package io.cdottrials.cdot.catalog.internal.classification;

import io.cdottrials.cdot.catalog.ClassificationSource;
import io.cdottrials.web.ApiException;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators flip which source answers a classification, for every replica.
 */
@RestController
class ClassificationSourceController {

	private final ClassificationFlags flags;

	ClassificationSourceController(ClassificationFlags flags) {
		this.flags = flags;
	}

	@PutMapping("/api/v1/admin/catalog/classifications/{name}/source")
	SourceResponse choose(@PathVariable String name, @RequestBody SourceRequest request) {
		if (!ClassificationDefinitions.names().contains(name)) {
			throw ApiException.notFound("Unknown classification '" + name + "'");
		}
		ClassificationSource source = (request.source() != null)
				? ClassificationSource.fromWireName(request.source()).orElse(null) : null;
		if (source == null) {
			throw ApiException.badRequest("source must be 'legacy' or 'metadata'");
		}
		this.flags.choose(name, source);
		return new SourceResponse(name, source.wireName(), true);
	}

	record SourceRequest(@Nullable String source) {
	}

	record SourceResponse(String classification, String source, boolean success) {
	}

}

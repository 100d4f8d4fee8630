package io.cdottrials.cdot.trials;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cdottrials.cdot.platform.AuditActor;
import io.cdottrials.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Growth extends the running trials of a cohort: a list of namespaces or an experiment's
 * variant.
 */
@RestController
@Tag(name = "Admin")
class TrialExtensionController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

	private static final int MAX_NAMESPACES = 10_000;

	private final TrialExtensions extensions;

	TrialExtensionController(TrialExtensions extensions) {
		this.extensions = extensions;
	}

	@PostMapping("/api/v1/admin/trials/extensions")
	@Operation(summary = "Extend the running trials of a cohort by N days, once per Idempotency-Key",
			description = "Body {\"days\": 14, \"namespace_ids\": [1, 2]} or {\"days\": 14, \"experiment\": \"k\", "
					+ "\"variant\": \"v\"}. 201 with the extended namespaces; the same key again answers 200 with "
					+ "the first answer. Name yourself in X-Audit-Actor.")
	ResponseEntity<TrialExtensions.Extension> extend(
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String key,
			@RequestBody(required = false) @Nullable ExtensionBody body,
			@RequestHeader(name = AuditActor.HEADER, required = false) @Nullable String actorHeader,
			@Nullable Principal principal) {
		String actor = AuditActor.of(actorHeader, principal);
		if (key == null || !KEY.matcher(key).matches()) {
			throw ApiException.badRequest(IDEMPOTENCY_KEY
					+ " header is required: 1 to 100 letters, digits, '_', '.', ':' or '-', new for each extension");
		}
		TrialExtensions.Extension extension = this.extensions.extend(key, cohort(body), actor);
		return ResponseEntity.status(extension.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(extension);
	}

	private static TrialExtensions.Cohort cohort(@Nullable ExtensionBody body) {
		if (body == null) {
			throw ApiException
				.badRequest("a body is required: days and namespace_ids, or days, experiment and variant");
		}
		List<String> errors = new ArrayList<>();
		if (body.days() == null || body.days() < 1 || body.days() > 366) {
			errors.add("days must be between 1 and 366");
		}
		List<Long> ids = (body.namespaceIds() != null) ? body.namespaceIds() : List.of();
		boolean byVariant = body.experiment() != null || body.variant() != null;
		if (ids.isEmpty() == !byVariant) {
			errors.add("give either namespace_ids or experiment and variant");
		}
		if (byVariant && (body.experiment() == null || body.variant() == null || body.experiment().length() > 64
				|| body.variant().length() > 64)) {
			errors.add("experiment and variant go together, each at most 64 characters");
		}
		if (ids.size() > MAX_NAMESPACES) {
			errors.add("namespace_ids lists at most " + MAX_NAMESPACES + " namespaces");
		}
		if (ids.stream().anyMatch((id) -> id == null || id <= 0)) {
			errors.add("namespace_ids must be positive integers");
		}
		if (!errors.isEmpty()) {
			throw new ApiException(HttpStatus.BAD_REQUEST, errors);
		}
		return new TrialExtensions.Cohort(body.days(), ids.stream().distinct().sorted().toList(), body.experiment(),
				body.variant());
	}

	/**
	 * An extension as the admin sends it.
	 *
	 * @param days days to add
	 * @param namespaceIds namespaces whose running trial to extend
	 * @param experiment an experiment's key
	 * @param variant its variant whose running trials to extend
	 */
	record ExtensionBody(@JsonProperty("days") @Nullable Integer days,
			@JsonProperty("namespace_ids") @Nullable List<Long> namespaceIds,
			@JsonProperty("experiment") @Nullable String experiment,
			@JsonProperty("variant") @Nullable String variant) {
	}

}

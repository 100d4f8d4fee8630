package io.cdottrials.cdot.experiments;

import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cdottrials.cdot.platform.AuditActor;
import io.cdottrials.model.TrialFamily;
import io.cdottrials.model.TrialType;
import io.cdottrials.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Growth defines, changes and stops trial experiments at runtime. Every write is audited.
 */
@RestController
@Tag(name = "Admin")
class ExperimentController {

	static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

	private static final int MAX_VARIANTS = 10;

	private final Experiments experiments;

	ExperimentController(Experiments experiments) {
		this.experiments = experiments;
	}

	@GetMapping("/api/v1/admin/experiments")
	@Operation(summary = "Every experiment, running or not")
	List<Experiment> all() {
		return this.experiments.all();
	}

	@GetMapping("/api/v1/admin/experiments/{key}")
	@Operation(summary = "One experiment")
	Experiment one(@PathVariable String key) {
		return this.experiments.find(key).orElseThrow(() -> notFound(key));
	}

	@GetMapping("/api/v1/admin/experiments/{key}/audit")
	@Operation(summary = "Who changed the experiment, when, to what")
	List<AuditEntry> audit(@PathVariable String key) {
		one(key);
		return this.experiments.auditOf(key);
	}

	@PutMapping("/api/v1/admin/experiments/{key}")
	@Operation(summary = "Create or replace an experiment; stop one by moving ends_at to now",
			description = "Name yourself in the X-Audit-Actor header: it is recorded in the audit trail.")
	Experiment save(@PathVariable String key, @RequestBody(required = false) @Nullable ExperimentBody body,
			@RequestHeader(name = AuditActor.HEADER, required = false) @Nullable String actorHeader,
			@Nullable Principal principal) {
		String actor = AuditActor.of(actorHeader, principal);
		return this.experiments.save(validated(key, body), actor);
	}

	private static Experiment validated(String key, @Nullable ExperimentBody body) {
		List<String> errors = new ArrayList<>();
		if (!NAME.matcher(key).matches()) {
			errors.add("key must be 1 to 64 lower-case letters, digits, '_' or '-'");
		}
		if (body == null) {
			throw new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST,
					List.of("a body is required: trial_type or family, variants, rollout_percent, starts_at, ends_at"));
		}
		if ((body.trialType() == null) == (body.family() == null)) {
			errors.add("give exactly one of trial_type and family");
		}
		if (body.trialType() != null && TrialType.fromWireName(body.trialType()).isEmpty()) {
			errors.add("trial_type is not a trial type; known: "
					+ java.util.Arrays.stream(TrialType.values()).map(TrialType::wireName).toList());
		}
		if (body.family() != null
				&& java.util.Arrays.stream(TrialFamily.values()).noneMatch((f) -> f.wireName().equals(body.family()))) {
			errors.add("family is not a trial family; known: "
					+ java.util.Arrays.stream(TrialFamily.values()).map(TrialFamily::wireName).toList());
		}
		List<Variant> variants = variants(body.variants(), errors);
		if (body.rolloutPercent() == null || body.rolloutPercent() < 0 || body.rolloutPercent() > 100) {
			errors.add("rollout_percent must be between 0 and 100");
		}
		if (body.startsAt() == null || body.endsAt() == null) {
			errors.add("starts_at and ends_at are required");
		}
		else if (!body.startsAt().isBefore(body.endsAt())) {
			errors.add("starts_at must be before ends_at");
		}
		if (!errors.isEmpty()) {
			throw new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, errors);
		}
		return new Experiment(key, body.trialType(), body.family(), variants, body.rolloutPercent(), body.startsAt(),
				body.endsAt(), Instant.EPOCH, "");
	}

	private static List<Variant> variants(@Nullable List<VariantBody> given, List<String> errors) {
		if (given == null || given.isEmpty() || given.size() > MAX_VARIANTS) {
			errors.add("variants must list 1 to " + MAX_VARIANTS + " variants");
			return List.of();
		}
		List<Variant> variants = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (VariantBody variant : given) {
			if (variant == null || variant.name() == null || !NAME.matcher(variant.name()).matches()) {
				errors.add("every variant needs a name of 1 to 64 lower-case letters, digits, '_' or '-'");
				continue;
			}
			if (!names.add(variant.name())) {
				errors.add("variant names must be unique: " + variant.name() + " repeats");
			}
			if (variant.durationDays() == null || variant.durationDays() < 1 || variant.durationDays() > 366) {
				errors.add("variant " + variant.name() + ": duration_days must be between 1 and 366");
				continue;
			}
			List<String> skip = (variant.skipRules() != null) ? variant.skipRules() : List.of();
			if (skip.size() > 10 || skip.stream().anyMatch((rule) -> rule == null || !NAME.matcher(rule).matches())) {
				errors.add("variant " + variant.name() + ": skip_rules must be up to 10 rule names");
				continue;
			}
			variants.add(new Variant(variant.name(), variant.durationDays(), skip));
		}
		return variants;
	}

	private static ApiException notFound(String key) {
		return ApiException.notFound("no experiment '" + ((key.length() > 64) ? key.substring(0, 64) : key) + "'");
	}

	/**
	 * An experiment as the admin sends it.
	 *
	 * @param trialType the trial type it covers, or null
	 * @param family the trial family it covers, or null
	 * @param variants the variants
	 * @param rolloutPercent share of namespaces in it
	 * @param startsAt start of assignment
	 * @param endsAt end of assignment
	 */
	record ExperimentBody(@JsonProperty("trial_type") @Nullable String trialType,
			@JsonProperty("family") @Nullable String family,
			@JsonProperty("variants") @Nullable List<VariantBody> variants,
			@JsonProperty("rollout_percent") @Nullable Integer rolloutPercent,
			@JsonProperty("starts_at") @Nullable Instant startsAt, @JsonProperty("ends_at") @Nullable Instant endsAt) {
	}

	/**
	 * A variant as the admin sends it.
	 *
	 * @param name its name
	 * @param durationDays the trial duration
	 * @param skipRules apply-time rules it skips
	 */
	record VariantBody(@JsonProperty("name") @Nullable String name,
			@JsonProperty("duration_days") @Nullable Integer durationDays,
			@JsonProperty("skip_rules") @Nullable List<String> skipRules) {
	}

}

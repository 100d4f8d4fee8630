package io.cdottrials.cdot.trials;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongFunction;

import io.cdottrials.cdot.eligibility.Eligibility;
import io.cdottrials.web.ApiException;
import io.cdottrials.model.TrialType;
import io.cdottrials.model.TrialUser;

/**
 * The trial type a GitLab trial request asks for. {@code trial_type} wins when given, on
 * either path. Otherwise it is derived as GitLab's services do: {@code POST /trials}
 * ({@code ApplyTrialService}) is the ultimate trial for the namespace's paid tier, in the
 * flavour the {@code ultimate_trial_with_dap} flag offers; {@code POST
 * /trials/create_addon} is the add-on trial of {@code add_on_name}:
 * {@code duo_enterprise} ({@code ApplyDuoEnterpriseService}) is Duo Enterprise, none
 * ({@code ApplyDuoProService}) or {@code code_suggestions} / {@code duo_pro} is Duo Pro.
 */
final class GitlabTrialTypes {

	private GitlabTrialTypes() {
	}

	/** The two paths of GitLab's subscription portal client that create trials. */
	enum Path {

		/** {@code POST /trials}: the ultimate trials. */
		TRIALS,

		/** {@code POST /trials/create_addon}: the add-on trials. */
		CREATE_ADDON

	}

	/**
	 * How to find the trial type of a request, resolved under the namespace's lock.
	 * @param path the path the request came to
	 * @param user the request's {@code trial_user}
	 * @param eligibility knows the namespace's tier and the offered flavour
	 * @return the type of the namespace's trial
	 * @throws ApiException 400 for a {@code trial_type} or {@code add_on_name} no trial
	 * has
	 */
	static LongFunction<TrialType> of(Path path, TrialUser user, Eligibility eligibility) {
		String trialType = user.trialType();
		if (trialType != null && !trialType.isBlank()) {
			TrialType named = TrialType.fromWireName(trialType)
				.orElseThrow(() -> ApiException.badRequest("trial_user.trial_type '" + abbreviate(trialType)
						+ "' is not a trial type; known: " + Arrays.stream(TrialType.values()).toList()));
			return (namespaceId) -> named;
		}
		if (path == Path.TRIALS) {
			return eligibility::ultimateTrialFor;
		}
		TrialType addOn = addOnTrial(user.addOnName());
		return (namespaceId) -> addOn;
	}

	private static TrialType addOnTrial(String addOnName) {
		String name = (addOnName != null) ? addOnName.trim().toLowerCase(Locale.ROOT) : "";
		return switch (name) {
			case "", "code_suggestions", "duo_pro", "gitlab_duo_pro" -> TrialType.GITLAB_DUO_PRO;
			case "duo_enterprise", "gitlab_duo_enterprise" -> TrialType.GITLAB_DUO_ENTERPRISE;
			default -> throw ApiException.badRequest("trial_user.add_on_name '" + abbreviate(name)
					+ "' has no trial; known: code_suggestions (Duo Pro), duo_enterprise");
		};
	}

	private static String abbreviate(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "..." : text;
	}

}

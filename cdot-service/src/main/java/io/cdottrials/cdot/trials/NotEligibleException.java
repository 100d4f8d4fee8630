package io.cdottrials.cdot.trials;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.cdottrials.cdot.eligibility.Verdict;
import io.cdottrials.web.ApiException;
import io.cdottrials.model.TrialType;

import org.springframework.http.HttpStatus;

/**
 * The namespace may not start the trial: 422 naming every failing rule in
 * {@code failed_rules}, with {@code errors} in the words the caller shows.
 */
class NotEligibleException extends ApiException {

	private final long namespaceId;

	private final TrialType type;

	private final List<Verdict> failed;

	NotEligibleException(long namespaceId, TrialType type, List<Verdict> failed) {
		this(namespaceId, type, failed, (verdict) -> verdict.rule() + ": " + verdict.reason());
	}

	private NotEligibleException(long namespaceId, TrialType type, List<Verdict> failed,
			Function<Verdict, String> error) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, failed.stream().map(error).toList(), Map.of("failed_rules",
				failed.stream().map((verdict) -> Map.of("rule", verdict.rule(), "reason", verdict.reason())).toList(),
				"namespace_id", namespaceId, "trial_type", type.wireName()));
		this.namespaceId = namespaceId;
		this.type = type;
		this.failed = List.copyOf(failed);
	}

	/**
	 * The same refusal with {@code errors} a GitLab user reads: GitLab shows them as they
	 * come, so they are sentences without rule names.
	 * @return the refusal for GitLab's trial paths
	 */
	TrialType type() {
		return this.type;
	}

	List<Verdict> failed() {
		return this.failed;
	}

	NotEligibleException forGitlabUsers() {
		return new NotEligibleException(this.namespaceId, this.type, this.failed,
				(verdict) -> "This group cannot start the " + this.type + " trial: " + verdict.reason() + ".");
	}

}

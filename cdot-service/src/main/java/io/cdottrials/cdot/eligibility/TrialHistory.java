package io.cdottrials.cdot.eligibility;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The trial history eligibility reads, implemented by the trials module (which owns the
 * trials) so that eligibility does not depend on it.
 */
public interface TrialHistory {

	/**
	 * Every trial of the given namespaces, in one SQL statement whatever their number.
	 * @param namespaceIds the namespaces
	 * @return trials by namespace id; namespaces without trials are left out
	 */
	Map<Long, List<PastTrial>> trialsOf(Collection<Long> namespaceIds);

}

package io.cdottrials.cdot.subscriptions;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * The read side other modules use: what subscriptions give many namespaces at once.
 */
public interface NamespaceStates {

	/**
	 * The state of every given namespace on a day, in one SQL statement whatever the
	 * number of namespaces.
	 * @param namespaceIds the namespaces
	 * @param day the day to evaluate items on
	 * @return one state per distinct id; a namespace without items is free
	 */
	Map<Long, NamespaceState> states(Collection<Long> namespaceIds, LocalDate day);

}

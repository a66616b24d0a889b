package org.guichet.tickets;

import java.util.List;

/**
 * The nature of a ticket's solution: a workaround or a permanent fix recorded by the IT team, or
 * an article of the knowledge base the requester confirmed solved their problem
 * ({@link #SELF_SERVICE}, never chosen by the team: docs/LIFECYCLE.md "Resolved by self-service").
 */
public enum SolutionKind {

	WORKAROUND, PERMANENT, SELF_SERVICE;

	/** The kinds a member of the IT team records (forms, macros, the API's resolution): all but self-service. */
	public static List<SolutionKind> chosenByTeam() {
		return List.of(WORKAROUND, PERMANENT);
	}

}

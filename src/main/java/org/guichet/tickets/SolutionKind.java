package org.guichet.tickets;

public enum SolutionKind {

	WORKAROUND, PERMANENT

}

package org.guichet.tickets;

import java.util.Arrays;

/**
 * A link between two tickets as one of them reads it: "this ticket RELATION the other". Each link
 * kind reads one way from its source and the inverse way from its target ("duplicate of #12" on
 * #15, "duplicated by #15" on #12); {@link TicketLinkKind#RELATED_TO} reads alike both ways.
 */
public enum TicketRelation {

	FOLLOW_UP_OF(TicketLinkKind.FOLLOW_UP_OF, false),
	FOLLOWED_UP_BY(TicketLinkKind.FOLLOW_UP_OF, true),
	RELATED_TO(TicketLinkKind.RELATED_TO, false),
	DUPLICATE_OF(TicketLinkKind.DUPLICATE_OF, false),
	DUPLICATED_BY(TicketLinkKind.DUPLICATE_OF, true),
	CHILD_OF(TicketLinkKind.CHILD_OF, false),
	PARENT_OF(TicketLinkKind.CHILD_OF, true),
	MERGED_INTO(TicketLinkKind.MERGED_INTO, false),
	MERGED_FROM(TicketLinkKind.MERGED_INTO, true);

	private final TicketLinkKind kind;

	private final boolean inverse;

	TicketRelation(TicketLinkKind kind, boolean inverse) {
		this.kind = kind;
		this.inverse = inverse;
	}

	/** The kind of the stored link. */
	public TicketLinkKind kind() {
		return kind;
	}

	/**
	 * True when the reader's ticket is the stored link's target: "this ticket is the link's
	 * target", e.g. the parent in a {@link TicketLinkKind#CHILD_OF} link.
	 */
	public boolean inverse() {
		return inverse;
	}

	/** Whether agents make links of this relation by hand (follow-ups and merges come from their own actions). */
	public boolean madeByHand() {
		return kind.removable();
	}

	/** The relation a link of {@code kind} has as read from its target ({@code inverse}) or its source. */
	public static TicketRelation of(TicketLinkKind kind, boolean inverse) {
		boolean side = inverse && kind != TicketLinkKind.RELATED_TO;
		return Arrays.stream(values())
			.filter(r -> r.kind == kind && r.inverse == side)
			.findFirst()
			.orElseThrow();
	}

}

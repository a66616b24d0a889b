package org.guichet.tickets;

/**
 * What a link between two tickets means, read "source KIND target". Each kind names the history
 * field it records on the source ticket and, for its inverse, on the target ticket.
 */
public enum TicketLinkKind {

	/** The source was opened about the target, typically a closed ticket its requester wrote to again. */
	FOLLOW_UP_OF("followUpOf", "followedUpBy", false, false),
	/** The two tickets are about related matters; read alike from both sides. */
	RELATED_TO("relatedTo", "relatedTo", true, false),
	/** The source reports what the target already reports. */
	DUPLICATE_OF("duplicateOf", "duplicatedBy", true, true),
	/** The source is a part of the target, its parent; a ticket has at most one parent. */
	CHILD_OF("childOf", "parentOf", true, true),
	/** The source, a duplicate, was merged into the target and cancelled (see {@link TicketMerge}); never undone. */
	MERGED_INTO("mergedInto", "mergedFrom", false, false);

	private final String field;

	private final String inverseField;

	private final boolean removable;

	private final boolean acyclic;

	TicketLinkKind(String field, String inverseField, boolean removable, boolean acyclic) {
		this.field = field;
		this.inverseField = inverseField;
		this.removable = removable;
		this.acyclic = acyclic;
	}

	/** The history field recorded on the source ticket, whose new value is the target's number. */
	public String field() {
		return field;
	}

	/** The history field recorded on the target ticket, whose new value is the source's number. */
	public String inverseField() {
		return inverseField;
	}

	/**
	 * Whether agents may remove a link of this kind. A follow-up and a merge are facts of the
	 * tickets' lives, kept for good.
	 */
	public boolean removable() {
		return removable;
	}

	/** Whether the links of this kind may never form a cycle (#1 child of #2 child of #1). */
	public boolean acyclic() {
		return acyclic;
	}

}

package org.guichet.tickets;

/**
 * What a link between two tickets means, read "source KIND target". Each kind names the history
 * field it records on the source ticket and, for its inverse, on the target ticket.
 */
public enum TicketLinkKind {

	/** The source was opened about the target, typically a closed ticket its requester wrote to again. */
	FOLLOW_UP_OF("followUpOf", "followedUpBy");

	private final String field;

	private final String inverseField;

	TicketLinkKind(String field, String inverseField) {
		this.field = field;
		this.inverseField = inverseField;
	}

	/** The history field recorded on the source ticket, whose new value is the target's number. */
	public String field() {
		return field;
	}

	/** The history field recorded on the target ticket, whose new value is the source's number. */
	public String inverseField() {
		return inverseField;
	}

}

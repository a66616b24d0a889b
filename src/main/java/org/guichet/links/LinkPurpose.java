package org.guichet.links;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a signed link does, and the page that redeems it. The code is signed into the token and
 * stored with the link: a token for one purpose is refused by the pages of every other.
 */
public enum LinkPurpose {

	/** The requester accepts the solution of a resolved ticket; the subject is the ticket's id. */
	ACCEPT_SOLUTION("accept", "/links/ticket/"),

	/** The requester refuses the solution of a resolved ticket, which reopens it; the subject is the ticket's id. */
	REFUSE_SOLUTION("refuse", "/links/ticket/"),

	/**
	 * The requester says that the article offered when their ticket was received solved their
	 * problem: the ticket is resolved by self-service (module assist); the subject is the ticket's id.
	 */
	SELF_SERVICE_RESOLUTION("self-service", "/links/self-service/"),

	/** The requester rates the service of a closed ticket whose survey is open; the subject is the ticket's id. */
	RATE_SERVICE("rate", "/links/ticket/"),

	/**
	 * An approver (or the delegate of one away) approves the request an approval step asks them
	 * about; the subject is the step's id (module approvals).
	 */
	APPROVE_REQUEST("approve", "/links/approval/"),

	/** An approver (or the delegate of one away) refuses the request, with a reason; the subject is the step's id. */
	REFUSE_REQUEST("refuse-request", "/links/approval/");

	private final String code;

	private final String page;

	LinkPurpose(String code, String page) {
		this.code = code;
		this.page = page;
	}

	/** The short name signed into tokens and stored with links: lower-case letters and hyphens. */
	public String code() {
		return code;
	}

	/** The path, below the base URL, to which the token is appended; it starts and ends with {@code /}. */
	public String page() {
		return page;
	}

	/** The purpose with that code; empty for any other text. */
	public static Optional<LinkPurpose> ofCode(String code) {
		return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
	}

}

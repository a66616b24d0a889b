package org.guichet.assist;

/**
 * What the language model is asked to write, each turned on or off by the administrator
 * ({@code assist_llm_settings}); the name is the one stored in {@code assist_llm_exchange.feature}
 * and the last part of the panel's URL, lower case.
 */
public enum GenerativeFeature {

	/** A summary of the ticket for an agent: what the user wants, what was tried, what is open. */
	SUMMARY,

	/** A reply to the requester, drawing on the relevant articles and similar past tickets. */
	REPLY,

	/** The ticket's SLA explained in plain words, from its clocks' facts. */
	SLA,

	/** A knowledge-base article written from a resolved ticket, saved as a draft. */
	ARTICLE;

	/** The name in URLs and message keys, e.g. {@code summary}. */
	public String key() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}

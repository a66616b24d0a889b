package org.guichet.assist;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.guichet.search.SearchWords;
import org.jspecify.annotations.Nullable;

/**
 * The rule that decides whether an article is offered to a ticket's requester to resolve it
 * themselves (docs/ASSIST.md "Self-service resolution"), on what is already known: the
 * administrator's settings, the ticket's state and the articles the search found for it, best
 * first. It reads no database and no index.
 * <p>
 * The <b>confidence</b> of an article for a ticket is the share of the distinct search terms of
 * the ticket's title (the index's French and English analysis: accents folded, light stemming,
 * common words out; {@link SearchWords#terms}) that the article's title holds, 0 to 1: "Mot de
 * passe oublié" and "Réinitialiser un mot de passe oublié" share all three terms (100 %), "Printer
 * jammed on floor 2" and "Printer driver install" one of four (25 %). A title of fewer than
 * {@value #MIN_TERMS} terms says too little: its confidence is 0.
 */
final class SelfServiceMatching {

	/** The fewest distinct terms a ticket's title must have for an article to be offered. */
	static final int MIN_TERMS = 2;

	private SelfServiceMatching() {
	}

	/**
	 * An article the search found for the ticket, as the rule reads it.
	 *
	 * @param publicNow published and public to requesters now
	 * @param inReadersLanguage written in the requester's language
	 */
	record Candidate(long articleId, String title, boolean publicNow, boolean inReadersLanguage) {
	}

	/**
	 * The ticket as the rule reads it.
	 *
	 * @param lineage its category and the categories above it (empty when it has none)
	 * @param open new or assigned: nobody of the IT team took it yet, nor resolved, cancelled or closed it
	 * @param heldForApproval waiting for its approval
	 * @param filedByRequester registered by its requester themselves (not by an agent for them)
	 * @param majorIncident flagged as a major incident
	 */
	record TicketState(String title, List<Long> lineage, boolean open, boolean heldForApproval,
			boolean filedByRequester, boolean majorIncident) {
	}

	/** The article offered, with its confidence (0 to 1). */
	record Offer(long articleId, String title, double confidence) {
	}

	/**
	 * The article to offer: the first candidate, in the search's order, that is public, in the
	 * requester's language, and whose confidence reaches the threshold; none when the ticket may
	 * not be resolved by self-service (its category, or one above it, is not allowed; it is not
	 * open; it is held for approval; an agent filed it; it is a major incident).
	 *
	 * @param threshold the least confidence, above 0 to 1
	 * @param allowedCategories the categories where self-service is allowed (with their sub-categories); empty: off
	 * @param candidates the articles the search found for the ticket, best first
	 */
	static Optional<Offer> offer(double threshold, Set<Long> allowedCategories, TicketState ticket,
			List<Candidate> candidates) {
		if (!mayBeOffered(allowedCategories, ticket)) {
			return Optional.empty();
		}
		for (Candidate candidate : candidates) {
			if (!candidate.publicNow() || !candidate.inReadersLanguage()) {
				continue;
			}
			double confidence = confidence(ticket.title(), candidate.title());
			if (confidence >= threshold) {
				return Optional.of(new Offer(candidate.articleId(), candidate.title(), confidence));
			}
		}
		return Optional.empty();
	}

	/** Whether the ticket may be resolved by self-service at all, whatever article is found. */
	static boolean mayBeOffered(Set<Long> allowedCategories, TicketState ticket) {
		return ticket.open() && !ticket.heldForApproval() && ticket.filedByRequester() && !ticket.majorIncident()
				&& ticket.lineage().stream().anyMatch(allowedCategories::contains);
	}

	/**
	 * The share of the ticket title's distinct terms that the article's title holds, 0 to 1; 0
	 * for a ticket title of fewer than {@value #MIN_TERMS} terms.
	 */
	static double confidence(@Nullable String ticketTitle, @Nullable String articleTitle) {
		Set<String> asked = new LinkedHashSet<>(SearchWords.terms(ticketTitle == null ? "" : ticketTitle));
		if (asked.size() < MIN_TERMS) {
			return 0;
		}
		Set<String> answered = new HashSet<>(SearchWords.terms(articleTitle == null ? "" : articleTitle));
		long found = asked.stream().filter(answered::contains).count();
		return (double) found / asked.size();
	}

}

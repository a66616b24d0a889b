package org.guichet.knowledge;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.guichet.text.Titles;
import org.guichet.tickets.Priority;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketType;

/**
 * The article a resolved ticket suggests: its title (on one line, {@link Titles#oneLine}), its
 * problem (the description) and its solution, in the author's language. An incident of priority
 * high, very high or major proposes a post-incident report, with its sections (summary, impact,
 * timeline, root cause, workaround, permanent fix, actions) to complete; any other ticket a
 * solution. Nothing is saved: the author reads, completes and saves it.
 */
public final class TicketDraft {

	/** The priorities whose incidents call for a post-incident report. */
	static final Set<Priority> SERIOUS = EnumSet.of(Priority.HIGH, Priority.VERY_HIGH, Priority.MAJOR);

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private TicketDraft() {
	}

	/** The kind a ticket proposes: a post-incident report for a serious incident, else a solution. */
	public static ArticleKind proposedKind(Ticket ticket) {
		return ticket.getType() == TicketType.INCIDENT && SERIOUS.contains(ticket.getPriority())
				? ArticleKind.POST_INCIDENT : ArticleKind.SOLUTION;
	}

	/**
	 * The draft's content: internal, in the ticket's category, without tags nor review date.
	 *
	 * @param zone the desk's time zone, for the timeline's times
	 */
	public static ArticleContent of(Ticket ticket, ArticleLanguage language, ZoneId zone) {
		ArticleKind kind = proposedKind(ticket);
		Headings h = language == ArticleLanguage.FR ? Headings.FR : Headings.EN;
		String solution = ticket.getSolution() == null ? "" : ticket.getSolution().strip();
		String description = ticket.getDescription().strip();
		String body;
		if (kind == ArticleKind.POST_INCIDENT) {
			String opened = MINUTE.format(ticket.getCreatedAt().atZone(zone));
			String resolved = ticket.getResolvedAt() == null ? "" : MINUTE.format(ticket.getResolvedAt().atZone(zone));
			boolean workaround = ticket.getSolutionKind() == SolutionKind.WORKAROUND;
			body = String.join("\n\n", List.of(
					"## " + h.summary, description,
					"## " + h.impact, h.toComplete,
					"## " + h.timeline, "- " + opened + " — " + h.opened + " (" + ticket.getNumber() + ")"
							+ (resolved.isEmpty() ? "" : "\n- " + resolved + " — " + h.resolved),
					"## " + h.rootCause, h.toComplete,
					"## " + h.workaround, workaround && !solution.isEmpty() ? solution : h.toComplete,
					"## " + h.permanentFix, !workaround && !solution.isEmpty() ? solution : h.toComplete,
					"## " + h.actions, "- " + h.toComplete));
		}
		else {
			body = "## " + h.problem + "\n\n" + description + "\n\n## " + h.solution + "\n\n"
					+ (solution.isEmpty() ? h.toComplete : solution);
		}
		String title = Titles.oneLine(ticket.getTitle());
		Long category = ticket.getCategory() == null ? null : ticket.getCategory().getId();
		return new ArticleContent(title.length() > Article.TITLE_MAX ? title.substring(0, Article.TITLE_MAX) : title,
				body.length() > Article.BODY_MAX ? body.substring(0, Article.BODY_MAX) : body, kind,
				ArticleAudience.INTERNAL, category, List.of(), null);
	}

	private record Headings(String problem, String solution, String summary, String impact, String timeline,
			String rootCause, String workaround, String permanentFix, String actions, String toComplete, String opened,
			String resolved) {

		static final Headings EN = new Headings("Problem", "Solution", "Summary", "Impact", "Timeline", "Root cause",
				"Workaround", "Permanent fix", "Actions", "_To complete._", "ticket registered", "resolved");

		static final Headings FR = new Headings("Problème", "Solution", "Résumé", "Impact", "Chronologie",
				"Cause première", "Contournement", "Correction définitive", "Actions", "_À compléter._",
				"ticket enregistré", "résolu");

	}

}

package org.guichet.assist;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The prompts sent to the language model, built from plain facts (never from entities), each
 * text cut to a bound so that a prompt stays under about 40,000 characters whatever the ticket:
 * the description and the solution to {@value #TEXT_MAX} characters, each message to
 * {@value #MESSAGE_MAX}, the newest {@value #MESSAGES_MAX} messages, each source to
 * {@value #SOURCE_MAX}. Personal data is masked by the caller before the texts come here.
 */
public final class GenerativePrompts {

	static final int TEXT_MAX = 4_000;

	static final int MESSAGE_MAX = 1_500;

	static final int MESSAGES_MAX = 15;

	static final int SOURCE_MAX = 800;

	/**
	 * A prompt: the instructions (the "system" message) and the material (the "user" message).
	 */
	public record Prompt(String system, String user) {

		/** Both messages as an administrator reads them, each under its role. */
		public String asSent() {
			return "[system]\n" + system + "\n\n[user]\n" + user;
		}
	}

	/**
	 * A message of the ticket's conversation.
	 *
	 * @param fromRequester written on the requester's side, else by the IT team
	 * @param internal an internal note of the team
	 */
	public record Message(String author, boolean fromRequester, boolean internal, Instant at, String body) {
	}

	/**
	 * What a prompt tells of a ticket, already masked.
	 *
	 * @param category its category's path, or null
	 * @param solution the solution recorded at resolution, or null
	 * @param messages its conversation, oldest first
	 */
	public record TicketFacts(String number, String title, String description, String status,
			@Nullable String category, String requester, @Nullable String solution, List<Message> messages) {
	}

	/**
	 * A source a reply may draw on.
	 *
	 * @param tag how the model cites it, e.g. {@code A1}, {@code T2}
	 * @param title its title, masked
	 * @param text its text or solution, masked
	 */
	public record Source(String tag, String title, String text) {
	}

	private static final String PLACEHOLDERS = "Texts may hold placeholders such as [PERSON 1], [EMAIL 1] or "
			+ "[PHONE 1] standing for personal data: write them exactly as they are, never guess what they hide.";

	private GenerativePrompts() {
	}

	/** The summary for an agent: what the user wants, what was tried, what is still open. */
	public static Prompt summary(TicketFacts ticket, Locale language) {
		String system = "You help the agents of an IT service desk. Summarise the ticket below for an agent, in "
				+ languageName(language) + ", in three short parts titled \"What the user wants\", "
				+ "\"What was tried\" and \"What is still open\" (titles translated), a few bullet points each. "
				+ "Use only facts from the ticket; when it does not say, write so. " + PLACEHOLDERS;
		return new Prompt(system, ticket(ticket, true));
	}

	/**
	 * A reply to the requester drawing on the sources given, citing them by tag in square brackets.
	 * Internal notes are part of the material (the agent reads the draft before sending), the
	 * instructions forbid quoting them.
	 */
	public static Prompt reply(TicketFacts ticket, List<Source> sources, Locale language) {
		StringBuilder material = new StringBuilder(ticket(ticket, true));
		material.append("\n\nSources:\n");
		if (sources.isEmpty()) {
			material.append("(none)\n");
		}
		for (Source source : sources) {
			material.append("[").append(source.tag()).append("] ").append(source.title()).append("\n")
				.append(cut(source.text(), SOURCE_MAX)).append("\n\n");
		}
		String system = "You help the agents of an IT service desk. Write the agent's next reply to the requester "
				+ "of the ticket below, in " + languageName(language) + ", polite and short, as plain text with "
				+ "Markdown at most. Draw on the sources where they help and cite each one you use by its tag in "
				+ "square brackets, e.g. [A1] or [T2]; never invent a source, a link or a fact. Do not quote the "
				+ "team's internal notes to the requester. Do not sign. " + PLACEHOLDERS;
		return new Prompt(system, material.toString());
	}

	/**
	 * The SLA explained in plain words from its facts, already written out (deadlines in the desk's
	 * zone, durations in business time).
	 */
	public static Prompt sla(TicketFacts ticket, String slaFacts, Locale language) {
		String system = "You help the agents of an IT service desk. Explain in plain words, in "
				+ languageName(language) + ", in at most six sentences, where this ticket stands with its service "
				+ "level agreement: the time to take it in charge (TTO) and the time to resolve it (TTR), what is "
				+ "met, missed or at risk, what is paused and why that matters, and what the agent should do next. "
				+ "Use only the facts given. " + PLACEHOLDERS;
		String user = "Ticket " + ticket.number() + ": " + ticket.title() + "\nStatus: " + ticket.status()
				+ "\n\nSLA facts:\n" + slaFacts;
		return new Prompt(system, user);
	}

	/**
	 * A knowledge-base article from a resolved ticket, its first line {@code Title: …}, then Markdown
	 * with the headings given. Internal notes are left out: an article may be read by requesters.
	 */
	public static Prompt article(TicketFacts ticket, List<String> headings, Locale language) {
		String system = "You help the agents of an IT service desk write their knowledge base. From the resolved "
				+ "ticket below, write a reusable article in " + languageName(language) + ": its first line is "
				+ "\"Title: \" and a short title naming the problem, then Markdown with the sections "
				+ String.join(", ", headings.stream().map(h -> "\"## " + h + "\"").toList())
				+ ". General steps anyone can follow; no names, no e-mail addresses, no phone numbers, no ticket "
				+ "numbers. Use only facts from the ticket. " + PLACEHOLDERS;
		return new Prompt(system, ticket(ticket, false));
	}

	/** The ticket as the material of a prompt, the internal notes included or not. */
	static String ticket(TicketFacts ticket, boolean withInternalNotes) {
		StringBuilder out = new StringBuilder();
		out.append("Ticket ").append(ticket.number()).append(": ").append(ticket.title()).append("\n");
		out.append("Status: ").append(ticket.status()).append("\n");
		if (ticket.category() != null) {
			out.append("Category: ").append(ticket.category()).append("\n");
		}
		out.append("Requester: ").append(ticket.requester()).append("\n\n");
		out.append("Description:\n").append(cut(ticket.description(), TEXT_MAX)).append("\n");
		List<Message> messages = ticket.messages()
			.stream()
			.filter(m -> withInternalNotes || !m.internal())
			.toList();
		if (messages.size() > MESSAGES_MAX) {
			out.append("\n(").append(messages.size() - MESSAGES_MAX).append(" older messages left out)\n");
			messages = messages.subList(messages.size() - MESSAGES_MAX, messages.size());
		}
		for (Message m : messages) {
			out.append("\n--- ")
				.append(m.internal() ? "Internal note of the team by " : m.fromRequester() ? "Requester's message by "
						: "Reply of the team by ")
				.append(m.author())
				.append(", ")
				.append(m.at())
				.append("\n")
				.append(cut(m.body(), MESSAGE_MAX))
				.append("\n");
		}
		if (ticket.solution() != null) {
			out.append("\nSolution recorded:\n").append(cut(ticket.solution(), TEXT_MAX)).append("\n");
		}
		return out.toString();
	}

	static String languageName(Locale language) {
		return language.getDisplayLanguage(Locale.ENGLISH).isEmpty() ? "English"
				: language.getDisplayLanguage(Locale.ENGLISH);
	}

	static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max) + " […]";
	}

}

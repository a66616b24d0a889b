package org.guichet.mail;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One mail, before it is written in its recipient's language: most are about one ticket; a few
 * (the agents' digest, the password reset) are about none and may carry lists ({@link Section}).
 *
 * @param kind what the mail says
 * @param ticketId the ticket's number, put in the subject as {@code [#1042]} and in the threading
 *        table; null for a mail about no ticket: no reference in the subject, no threading headers,
 *        no "open the ticket" action
 * @param ticketTitle the ticket's title as it is now; empty for a mail about no ticket
 * @param ticketPath the path of the ticket's page for this recipient (e.g. {@code /tickets/1042}),
 *        made absolute with {@code guichet.base-url}; empty for a mail about no ticket
 * @param messageKey for {@link MailKind#AGENT_NOTICE} and {@link MailKind#STATUS_CHANGED}: the
 *        key of a bundle message telling what happened, whose arguments are {@code arguments}
 * @param arguments the arguments of {@code messageKey}
 * @param links further actions by name ({@code accept}, {@code refuse}, {@code approve},
 *        {@code refuse-request}, {@code to-approve}, {@code survey}, {@code self-service}, {@code reset}, {@code desk}), each a path or an absolute URL; a resolved mail without {@code accept}/{@code refuse} links to the
 *        ticket's page, a closed mail without {@code survey} has no survey link
 * @param reply for {@link MailKind#PUBLIC_REPLY}: the reply itself, shown in the mail; for
 *        {@link MailKind#RESOLVED}: the solution to accept or refuse (its author empty); for
 *        {@link MailKind#APPROVAL_REQUEST}: the request's answers (its author empty); null for any
 *        other kind
 * @param sections lists shown after the text, in their order (the digest's); empty for most mails
 */
public record MailNotice(MailKind kind, @Nullable Long ticketId, String ticketTitle, String ticketPath,
		@Nullable String messageKey, List<String> arguments, Map<String, String> links, @Nullable Reply reply,
		List<Section> sections) {

	public MailNotice {
		arguments = List.copyOf(arguments);
		links = Map.copyOf(links);
		sections = List.copyOf(sections);
	}

	/** A notice about one ticket, without lists. */
	public MailNotice(MailKind kind, long ticketId, String ticketTitle, String ticketPath,
			@Nullable String messageKey, List<String> arguments, Map<String, String> links, @Nullable Reply reply) {
		this(kind, Long.valueOf(ticketId), ticketTitle, ticketPath, messageKey, arguments, links, reply, List.of());
	}

	/** A notice without a reply in it. */
	public MailNotice(MailKind kind, long ticketId, String ticketTitle, String ticketPath,
			@Nullable String messageKey, List<String> arguments, Map<String, String> links) {
		this(kind, ticketId, ticketTitle, ticketPath, messageKey, arguments, links, null);
	}

	/**
	 * A public reply of the IT team as its mail shows it; never an internal note.
	 *
	 * @param author the full name of who wrote it
	 * @param markdown the reply as written (Markdown); the mail shows it sanitised, and as it is in
	 *        the text part
	 * @param attachments the names of the public files attached with it, in the order attached
	 *        (the mail lists them, it does not carry them)
	 */
	public record Reply(String author, String markdown, List<String> attachments) {

		public Reply {
			attachments = List.copyOf(attachments);
		}

	}

	/** The mail of a public reply, which shows the reply. */
	public static MailNotice replied(long ticketId, String ticketTitle, String ticketPath, Reply reply) {
		return new MailNotice(MailKind.PUBLIC_REPLY, ticketId, ticketTitle, ticketPath, null, List.of(), Map.of(),
				reply);
	}

	/** A mail of a kind that says nothing more than the ticket's number, title and page. */
	public static MailNotice of(MailKind kind, long ticketId, String ticketTitle, String ticketPath) {
		return new MailNotice(kind, ticketId, ticketTitle, ticketPath, null, List.of(), Map.of());
	}

	/**
	 * A resolved ticket's mail, with its solution (Markdown; none when null or blank) and the links
	 * that accept and refuse it.
	 */
	public static MailNotice resolved(long ticketId, String ticketTitle, String ticketPath, String acceptLink,
			String refuseLink, @Nullable String solution) {
		return new MailNotice(MailKind.RESOLVED, ticketId, ticketTitle, ticketPath, null, List.of(),
				Map.of("accept", acceptLink, "refuse", refuseLink),
				solution == null || solution.isBlank() ? null : new Reply("", solution, List.of()));
	}

	/**
	 * The mail acknowledging a ticket that offers an article which may solve it: the article under
	 * the title {@code mail.self-service.title}, and the action {@code self-service} that resolves
	 * the ticket with it.
	 *
	 * @param articlePath the article's page, a path or an absolute URL
	 * @param solvedLink the signed link that resolves the ticket with the article
	 */
	public static MailNotice received(long ticketId, String ticketTitle, String ticketPath, String articleTitle,
			String articlePath, String solvedLink) {
		return new MailNotice(MailKind.RECEIVED, ticketId, ticketTitle, ticketPath, null, List.of(),
				Map.of("self-service", solvedLink), null,
				List.of(new Section("mail.self-service.title", List.of(new Item(articleTitle, articlePath)))));
	}

	/**
	 * An approver's mail: a request waits for their approval.
	 *
	 * @param toApprovePath the path of the approver's "To approve" page, the mail's page in place of the ticket's
	 * @param messageKey a key of a bundle message saying who asks and which step ({@link
	 *        org.guichet.mail.templates.MailPlaceholders#WHAT}), whose arguments are {@code arguments}
	 * @param approveLink the signed link that approves, a path or an absolute URL
	 * @param refuseLink the signed link that refuses
	 * @param answers the request's answers (Markdown, the ticket's description); none when blank
	 */
	public static MailNotice approvalRequested(long ticketId, String ticketTitle, String toApprovePath,
			String messageKey, List<String> arguments, String approveLink, String refuseLink, String answers) {
		return new MailNotice(MailKind.APPROVAL_REQUEST, ticketId, ticketTitle, toApprovePath, messageKey, arguments,
				Map.of("approve", approveLink, "refuse-request", refuseLink, "to-approve", toApprovePath),
				answers.isBlank() ? null : new Reply("", answers, List.of()));
	}

	/** A mail telling what a bundle message says (an agent's notification, a status change). */
	public static MailNotice told(MailKind kind, long ticketId, String ticketTitle, String ticketPath, String messageKey,
			List<String> arguments) {
		return new MailNotice(kind, ticketId, ticketTitle, ticketPath, messageKey, arguments, Map.of());
	}

	/**
	 * A mail about no ticket: its text has only the recipient's name to fill in.
	 *
	 * @param links its actions (e.g. {@code reset}, {@code desk})
	 * @param sections its lists, shown after the text
	 */
	public static MailNotice general(MailKind kind, Map<String, String> links, List<Section> sections) {
		return new MailNotice(kind, null, "", "", null, List.of(), links, null, sections);
	}

	/** Whether the mail is about one ticket. */
	public boolean aboutTicket() {
		return ticketId != null;
	}

	/**
	 * A list of the mail, under its title.
	 *
	 * @param titleKey a key of the mail bundle, whose argument {0} is the number of items
	 * @param items the lines, each a link
	 */
	public record Section(String titleKey, List<Item> items) {

		public Section {
			items = List.copyOf(items);
		}

	}

	/**
	 * A line of a list: its words and where it leads.
	 *
	 * @param path a path (made absolute with {@code guichet.base-url}) or an absolute URL
	 */
	public record Item(String text, String path) {
	}

}

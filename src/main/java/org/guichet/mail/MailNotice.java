package org.guichet.mail;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One mail about one ticket, before it is written in its recipient's language.
 *
 * @param kind what the mail says
 * @param ticketId the ticket's number, put in the subject as {@code [#1042]} and in the threading table
 * @param ticketTitle the ticket's title as it is now
 * @param ticketPath the path of the ticket's page for this recipient (e.g. {@code /tickets/1042}),
 *        made absolute with {@code guichet.base-url}
 * @param messageKey for {@link MailKind#AGENT_NOTICE} and {@link MailKind#STATUS_CHANGED}: the
 *        key of a bundle message telling what happened, whose arguments are {@code arguments}
 * @param arguments the arguments of {@code messageKey}
 * @param links further actions by name ({@code accept}, {@code refuse}, {@code survey}), each a
 *        path or an absolute URL; a resolved mail without {@code accept}/{@code refuse} links to the
 *        ticket's page, a closed mail without {@code survey} has no survey link
 * @param reply for {@link MailKind#PUBLIC_REPLY}: the reply itself, shown in the mail; null for
 *        any other kind
 */
public record MailNotice(MailKind kind, long ticketId, String ticketTitle, String ticketPath,
		@Nullable String messageKey, List<String> arguments, Map<String, String> links, @Nullable Reply reply) {

	public MailNotice {
		arguments = List.copyOf(arguments);
		links = Map.copyOf(links);
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

	/** A resolved ticket's mail, with the links that accept and refuse its solution. */
	public static MailNotice resolved(long ticketId, String ticketTitle, String ticketPath, String acceptLink,
			String refuseLink) {
		return new MailNotice(MailKind.RESOLVED, ticketId, ticketTitle, ticketPath, null, List.of(),
				Map.of("accept", acceptLink, "refuse", refuseLink));
	}

	/** A mail telling what a bundle message says (an agent's notification, a status change). */
	public static MailNotice told(MailKind kind, long ticketId, String ticketTitle, String ticketPath, String messageKey,
			List<String> arguments) {
		return new MailNotice(kind, ticketId, ticketTitle, ticketPath, messageKey, arguments, Map.of());
	}

}

package org.guichet.mail.templates;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guichet.mail.MailKind;
import org.guichet.mail.MailNotice;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The example a preview shows a kind's texts with: ticket #1042, a title, a reply with a file,
 * what happened, in the language of the preview (bundle {@code mail.templates.sample.*}).
 */
@Component
public class MailTemplateSamples {

	/** The example ticket's number. */
	public static final long TICKET = 1042;

	private final MessageSource messages;

	MailTemplateSamples(MessageSource messages) {
		this.messages = messages;
	}

	/** The example recipient's name in this language. */
	public String recipient(Locale locale) {
		return message("name", locale);
	}

	/** An example notice of this kind, in this language, with every value its placeholders take. */
	public MailNotice notice(MailKind kind, Locale locale) {
		String title = message("title", locale);
		String path = "/portal/tickets/" + TICKET;
		if (kind == MailKind.DIGEST) {
			return MailNotice.general(kind, Map.of("desk", "/agent"), List.of(new MailNotice.Section(
					"mail.digest.breached", List.of(new MailNotice.Item("#" + TICKET + " " + title, "/agent/tickets/" + TICKET)))));
		}
		if (kind == MailKind.PASSWORD_RESET) {
			return MailNotice.general(kind, Map.of("reset", "/password/reset?token=example"), List.of());
		}
		if (kind == MailKind.APPROVAL_REQUEST) {
			return MailNotice.approvalRequested(TICKET, title, "/approvals", "mail.approval.what",
					List.of(message("author", locale), "1", "2"), "/links/approval/approve.example",
					"/links/approval/refuse-request.example", message("answers", locale));
		}
		MailNotice.Reply reply = kind == MailKind.PUBLIC_REPLY ? new MailNotice.Reply(message("author", locale),
				message("reply", locale), List.of(message("file", locale)))
				: kind == MailKind.RESOLVED ? new MailNotice.Reply("", message("solution", locale), List.of()) : null;
		Map<String, String> links = kind == MailKind.RESOLVED
				? Map.of("accept", "/links/ticket/accept.example", "refuse", "/links/ticket/refuse.example")
				: kind == MailKind.CLOSED ? Map.of("survey", "/links/ticket/rate.example") : Map.of();
		return new MailNotice(kind, TICKET, title, path, "mail.templates.sample.what",
				List.of("#" + TICKET, title), links, reply);
	}

	private String message(String name, Locale locale) {
		return messages.getMessage("mail.templates.sample." + name, null, locale);
	}

}

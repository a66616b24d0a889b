package org.guichet.mail.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guichet.mail.MailKind;
import org.guichet.mail.MailNotice;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Writes a notice in a language: the texts come from the mail bundle ({@code i18n/mail}), the
 * HTML from the template {@code mail/notice.html}, and the text alternative from the same texts,
 * so that both parts always say the same.
 */
@Component
class MailRenderer {

	/** The actions a notice may carry, in the order the mail shows them. */
	private static final List<String> ACTIONS = List.of("accept", "refuse", "survey");

	private final MessageSource messages;

	private final ITemplateEngine templates;

	private final MailSettings settings;

	MailRenderer(MessageSource messages, ITemplateEngine templates, MailSettings settings) {
		this.messages = messages;
		this.templates = templates;
		this.settings = settings;
	}

	/** A link of the mail: what it says and where it goes (an absolute URL). */
	record Action(String label, String url) {
	}

	/**
	 * @param recipientName the name the mail greets
	 */
	RenderedMail render(MailNotice notice, String recipientName, Locale locale) {
		String reference = "#" + notice.ticketId();
		String key = "mail." + notice.kind().key();
		String told = notice.messageKey() == null ? ""
				: messages.getMessage(notice.messageKey(), notice.arguments().toArray(), locale);
		Object[] arguments = { reference, notice.ticketTitle(), told };
		String subject = "[" + reference + "] " + messages.getMessage(key + ".subject", arguments, locale);
		String greeting = messages.getMessage("mail.greeting", new Object[] { recipientName }, locale);
		String lead = messages.getMessage(key + ".lead", arguments, locale);
		List<Action> actions = actions(notice, reference, locale);
		List<String> footer = new ArrayList<>();
		if (notice.kind().automatic()) {
			footer.add(messages.getMessage("mail.footer.automatic", null, locale));
		}
		footer.add(messages.getMessage("mail.footer.preferences", new Object[] { settings.baseUrl() + "/profile" },
				locale));

		Context context = new Context(locale);
		context.setVariable("language", locale.toLanguageTag());
		context.setVariable("subject", subject);
		context.setVariable("greeting", greeting);
		context.setVariable("lead", lead);
		context.setVariable("actions", actions);
		context.setVariable("footer", footer);
		String html = templates.process("mail/notice", context);

		StringBuilder text = new StringBuilder().append(greeting).append("\n\n").append(lead).append("\n\n");
		for (Action action : actions) {
			text.append(action.label()).append(": ").append(action.url()).append('\n');
		}
		text.append("\n-- \n");
		footer.forEach(line -> text.append(line).append('\n'));
		return new RenderedMail(subject, html, text.toString());
	}

	private List<Action> actions(MailNotice notice, String reference, Locale locale) {
		List<Action> actions = new ArrayList<>();
		Map<String, String> links = notice.links();
		for (String name : ACTIONS) {
			String link = links.get(name);
			if (link != null) {
				actions.add(new Action(messages.getMessage("mail.action." + name, null, locale), absolute(link)));
			}
		}
		if (notice.kind() != MailKind.RESOLVED || actions.isEmpty()) {
			actions.add(new Action(messages.getMessage("mail.action.open", new Object[] { reference }, locale),
					absolute(notice.ticketPath())));
		}
		return actions;
	}

	private String absolute(String link) {
		return link.startsWith("/") ? settings.baseUrl() + link : link;
	}

}

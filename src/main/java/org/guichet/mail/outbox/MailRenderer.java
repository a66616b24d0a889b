package org.guichet.mail.outbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guichet.mail.MailKind;
import org.guichet.mail.MailNotice;
import org.guichet.mail.templates.MailPlaceholders;
import org.guichet.mail.templates.MailTemplate;
import org.guichet.mail.templates.MailTemplates;
import org.guichet.text.ImageSource;
import org.guichet.text.RichText;
import org.guichet.text.Titles;
import org.guichet.text.Typography;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Writes a notice in a language: its subject and text from {@link MailTemplates} (the
 * administrators' or the mail bundle's), the greeting, actions and footer from the bundle
 * ({@code i18n/mail}), the HTML from the template {@code mail/notice.html}. The text is Markdown:
 * the HTML part has it rendered and sanitised by the text module, the text part has it as
 * written, with the same values, so both parts always say the same. Every value (title, names,
 * what happened) is put in as words: escaped for Markdown, then for HTML by the sanitiser; a
 * public reply's own text is sanitised Markdown too, and its files are listed by name.
 */
@Component
public class MailRenderer {

	/** The actions a notice may carry, in the order the mail shows them. */
	private static final List<String> ACTIONS = List.of("accept", "refuse", "approve", "refuse-request", "to-approve",
			"self-service", "survey", "reset", "desk");

	private final MessageSource messages;

	private final ITemplateEngine templates;

	private final MailSettings settings;

	private final MailTemplates texts;

	private final RichText richText;

	MailRenderer(MessageSource messages, ITemplateEngine templates, MailSettings settings, MailTemplates texts,
			RichText richText) {
		this.messages = messages;
		this.templates = templates;
		this.settings = settings;
		this.texts = texts;
		this.richText = richText;
	}

	/** A link of the mail: what it says and where it goes (an absolute URL). */
	record Action(String label, String url) {
	}

	/** A list of the mail under its title, each line a link. */
	record RenderedSection(String title, List<Action> items) {
	}

	/**
	 * Writes a notice with the texts its kind has now in this language.
	 *
	 * @param recipientName the name the mail greets
	 */
	RenderedMail render(MailNotice notice, String recipientName, Locale locale) {
		return render(notice, recipientName, locale, texts.current(notice.kind(), locale));
	}

	/**
	 * Writes a notice with the given texts (e.g. texts being edited, for their preview).
	 *
	 * @param recipientName the name the mail greets
	 * @param texts the subject and Markdown text, with the placeholders of {@link MailPlaceholders}
	 */
	public RenderedMail render(MailNotice notice, String recipientName, Locale locale, MailTemplate texts) {
		String reference = "#" + notice.ticketId();
		String told = notice.messageKey() == null ? ""
				: messages.getMessage(notice.messageKey(), notice.arguments().toArray(), locale);
		Map<String, String> values = new HashMap<>();
		values.put(MailPlaceholders.NAME, recipientName);
		values.put(MailPlaceholders.TICKET, reference);
		values.put(MailPlaceholders.TITLE, notice.ticketTitle());
		values.put(MailPlaceholders.WHAT, told);
		MailNotice.Reply reply = notice.reply();
		if (reply != null) {
			values.put(MailPlaceholders.AUTHOR, reply.author());
		}
		Map<String, String> words = new HashMap<>();
		values.forEach((name, value) -> words.put(name, MailPlaceholders.markdownWords(value)));

		String subject = (notice.aboutTicket() ? "[" + reference + "] " : "") + Titles.oneLine(MailPlaceholders.fill(texts.subject(), values));
		String greeting = messages.getMessage("mail.greeting", new Object[] { recipientName }, locale);
		String leadText = MailPlaceholders.fill(texts.body(), values).strip();
		String leadHtml = richText.html(MailPlaceholders.fill(texts.body(), words), ImageSource.NONE);
		List<Action> actions = actions(notice, reference, locale);
		List<RenderedSection> sections = notice.sections().stream()
			.map(section -> new RenderedSection(
					messages.getMessage(section.titleKey(), new Object[] { section.items().size() }, locale),
					section.items().stream().map(item -> new Action(item.text(), absolute(item.path()))).toList()))
			.toList();
		List<String> footer = new ArrayList<>();
		if (notice.kind().automatic()) {
			footer.add(messages.getMessage("mail.footer.automatic", null, locale));
		}
		if (notice.kind() != MailKind.PASSWORD_RESET) {
			footer.add(messages.getMessage("mail.footer.preferences", new Object[] { settings.baseUrl() + "/profile" },
					locale));
		}

		Context context = new Context(locale);
		context.setVariable("language", locale.toLanguageTag());
		context.setVariable("subject", subject);
		context.setVariable("greeting", greeting);
		context.setVariable("leadHtml", leadHtml);
		context.setVariable("sections", sections);
		context.setVariable("actions", actions);
		context.setVariable("footer", footer);
		StringBuilder text = new StringBuilder().append(greeting).append("\n\n").append(leadText).append("\n\n");
		if (reply != null) {
			String wrote = messages.getMessage(switch (notice.kind()) {
				case RESOLVED -> "mail.resolved.solution";
				case APPROVAL_REQUEST -> "mail.approval.answers";
				default -> "mail.reply.wrote";
			},
					new Object[] { reply.author() }, locale);
			String files = messages.getMessage("mail.reply.attachments", null, locale);
			context.setVariable("replyWrote", wrote);
			context.setVariable("replyHtml", richText.html(reply.markdown(), ImageSource.NONE));
			context.setVariable("replyFiles", files);
			context.setVariable("replyAttachments", reply.attachments());
			text.append(wrote).append("\n\n").append(reply.markdown().strip()).append("\n\n");
			if (!reply.attachments().isEmpty()) {
				text.append(files).append('\n');
				reply.attachments().forEach(name -> text.append("- ").append(name).append('\n'));
				text.append('\n');
			}
		}
		for (RenderedSection section : sections) {
			text.append(section.title()).append('\n');
			section.items()
				.forEach(item -> text.append("- ").append(Typography.labelled(item.label(), item.url(), locale)).append('\n'));
			text.append('\n');
		}
		String html = templates.process("mail/notice", context);
		for (Action action : actions) {
			text.append(messages.getMessage("mail.action.text", new Object[] { action.label(), action.url() }, locale))
				.append('\n');
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
		// an approver need not see the ticket: their mail leads to their "To approve" page instead
		if (notice.aboutTicket() && notice.kind() != MailKind.APPROVAL_REQUEST
				&& (notice.kind() != MailKind.RESOLVED || actions.isEmpty())) {
			actions.add(new Action(messages.getMessage("mail.action.open", new Object[] { reference }, locale),
					absolute(notice.ticketPath())));
		}
		return actions;
	}

	private String absolute(String link) {
		return link.startsWith("/") ? settings.baseUrl() + link : link;
	}

}

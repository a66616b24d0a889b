package org.guichet.mail.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.guichet.mail.MailKind;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Mails to a bare address rather than to a user, inside the mail module: the ingestion's polite
 * answer to a sender it refuses ({@link MailKind#SENDER_REFUSED}). Queued in the outbox in the
 * caller's transaction like every mail, in French and English at once (the desk's default language
 * first): nothing says which the sender reads.
 */
@Component
@Transactional
public class AddressMails {

	private final OutboxWriter outbox;

	private final MessageSource messages;

	private final ITemplateEngine templates;

	private final MailSettings settings;

	private final Locale defaultLocale;

	private final Clock clock;

	AddressMails(OutboxWriter outbox, MessageSource messages, ITemplateEngine templates, MailSettings settings,
			@Value("${guichet.default-language:fr}") String defaultLanguage, Clock clock) {
		this.outbox = outbox;
		this.messages = messages;
		this.templates = templates;
		this.settings = settings;
		this.defaultLocale = Locale.forLanguageTag(defaultLanguage);
		this.clock = clock;
	}

	/** One language's part of the mail. */
	public record Part(String lang, String lead, String footer) {
	}

	/**
	 * Queues the answer to a refused sender, threaded under their mail.
	 *
	 * @param address the sender's address
	 * @param subject the subject of their mail, quoted in the answer
	 * @param inReplyTo the Message-ID of their mail, without angle brackets, or null
	 * @return the answer's {@code Message-ID}, with its angle brackets
	 */
	public String queueRefusal(String address, String subject, @Nullable String inReplyTo) {
		List<Locale> languages = Locale.ENGLISH.getLanguage().equals(defaultLocale.getLanguage())
				? List.of(Locale.ENGLISH, Locale.FRENCH) : List.of(Locale.FRENCH, Locale.ENGLISH);
		List<Part> parts = new ArrayList<>();
		List<String> subjects = new ArrayList<>();
		StringBuilder text = new StringBuilder();
		for (Locale locale : languages) {
			String lead = messages.getMessage("mail.refused.lead", new Object[] { subject }, locale);
			String footer = messages.getMessage("mail.refused.footer", null, locale);
			parts.add(new Part(locale.getLanguage(), lead, footer));
			subjects.add(messages.getMessage("mail.refused.subject", null, locale));
			text.append(lead).append("\n\n").append(footer).append("\n\n");
		}
		String mailSubject = String.join(" / ", subjects);
		Context context = new Context(languages.get(0));
		context.setVariable("subject", mailSubject);
		context.setVariable("parts", parts);
		String html = templates.process("mail/refused", context);
		String messageId = "<" + UUID.randomUUID() + "@" + settings.idDomain() + ">";
		String parent = inReplyTo == null ? null : "<" + inReplyTo + ">";
		outbox.write(new OutboxMail(messageId, null, null, address.strip(),
				languages.get(0).getLanguage() + ", " + languages.get(1).getLanguage(), MailKind.SENDER_REFUSED,
				mailSubject, parent, parent, clock.instant()), html, text.toString().strip() + "\n");
		return messageId;
	}

}

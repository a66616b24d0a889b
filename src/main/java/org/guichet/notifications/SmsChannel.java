package org.guichet.notifications;

import java.util.List;
import java.util.Locale;

import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.sms.SmsOutbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The SMS channel of the notifications: an in-app notification about a ticket goes by SMS too, to
 * the people who chose it and have a phone number, saying the same thing in their language, with
 * the ticket's link ({@link SmsOutbox}, in the transaction of the change).
 */
@Component
class SmsChannel {

	private final SmsOutbox sms;

	private final UserRepository users;

	private final MessageSource messages;

	private final Locale deskLocale;

	SmsChannel(SmsOutbox sms, UserRepository users, MessageSource messages,
			@Value("${guichet.default-language:fr}") String defaultLanguage) {
		this.sms = sms;
		this.users = users;
		this.messages = messages;
		this.deskLocale = Locale.forLanguageTag(defaultLanguage);
	}

	/** Whether SMS may be offered: the SMS channel is on. */
	boolean enabled() {
		return sms.enabled();
	}

	/**
	 * Sends by SMS what an in-app notification about a ticket says; nothing for a person without a
	 * valid phone number.
	 *
	 * @param messageKey a key of the notifications bundle, whose arguments are {@code arguments}
	 */
	void told(long recipientId, long ticketId, String messageKey, List<String> arguments) {
		User recipient = users.findById(recipientId).orElse(null);
		if (recipient == null) {
			return;
		}
		Locale locale = recipient.locale() == null ? deskLocale : recipient.locale();
		String text = messages.getMessage(messageKey, arguments.toArray(), locale);
		String path = (recipient.getRole().isAgent() ? "/agent/tickets/" : "/portal/tickets/") + ticketId;
		sms.queue(recipientId, ticketId, text, path);
	}

}

package org.guichet.mail.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The mailboxes' status texts as the administrator reads them, in French and English. */
class MailboxMessagesTests {

	private final ResourceBundleMessageSource messages = messages();

	@Test
	void thePortIsOneBlockOfDigitsInEveryLanguage() {
		for (Locale locale : new Locale[] { Locale.FRENCH, Locale.ENGLISH }) {
			assertThat(text("mailbox.server", locale, "IMAP", "127.0.0.1", 3243, "TLS", "INBOX", 10))
				.contains("127.0.0.1:3243 ");
			assertThat(text("mailbox.failure.REFUSED", locale, "127.0.0.1", 3999, "INBOX", "support", "NONE"))
				.contains(" 3999");
		}
	}

	@Test
	void theCountOfFailedReadingsAgreesWithItsNumber() {
		assertThat(text("mailbox.status.detail", Locale.FRENCH, "LOGIN failed", 1)).contains("(1 relève échouée de suite");
		assertThat(text("mailbox.status.detail", Locale.FRENCH, "LOGIN failed", 3))
			.contains("(3 relèves échouées de suite");
		assertThat(text("mailbox.status.detail", Locale.ENGLISH, "LOGIN failed", 1)).contains("(1 failed reading in");
		assertThat(text("mailbox.status.detail", Locale.ENGLISH, "LOGIN failed", 3)).contains("(3 failed readings in");
	}

	private String text(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("i18n/mailboxes");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}

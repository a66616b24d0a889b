package org.guichet.mail.outbox;

import java.time.Duration;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code guichet.mail.*} settings of mail out (docs/CONFIGURATION.md#mail); the SMTP server is
 * Spring Boot's {@code spring.mail.*}.
 *
 * @param from the sender of every mail, an address with an optional name
 *        ({@code Guichet <support@example.org>})
 * @param replyTo where answers go (the support mailbox that Guichet reads, so that they come back to
 *        the ticket); empty: no {@code Reply-To}, answers go to {@code from}
 * @param baseUrl the address of Guichet as its users reach it, without a trailing slash: the links
 *        of the mails start with it
 * @param messageIdDomain the right-hand side of the {@code Message-ID}s Guichet makes; empty: the
 *        domain of {@code from}
 * @param sendInterval how often the sender job looks for mails to send
 * @param batchSize how many mails one round sends over one SMTP connection
 * @param maxAttempts after how many failed attempts a mail is given up (shown to administrators)
 * @param firstRetry the wait after the first failure; it doubles at each failure, up to {@code maxRetry}
 * @param maxRetry the longest wait between two attempts
 * @param claimTimeout how long a node may take to hand a round to SMTP: a mail claimed longer ago
 *        was interrupted (the node stopped) and is not sent again by itself; keep it well above the
 *        SMTP timeouts times the batch size
 * @param sendThreads how many threads send at once, each claiming its own batches over its own
 *        SMTP connection (1 to 16; 2 by default, faster than 1 on H2 and PostgreSQL alike)
 */
@ConfigurationProperties("guichet.mail")
public record MailSettings(@DefaultValue("Guichet <guichet@localhost>") String from, @DefaultValue("") String replyTo,
		@DefaultValue("http://localhost:8080") String baseUrl, @DefaultValue("") String messageIdDomain,
		@DefaultValue("5s") Duration sendInterval, @DefaultValue("100") int batchSize,
		@DefaultValue("10") int maxAttempts, @DefaultValue("30s") Duration firstRetry,
		@DefaultValue("1h") Duration maxRetry, @DefaultValue("30m") Duration claimTimeout,
		@DefaultValue("2") int sendThreads) {

	public MailSettings {
		fromAddress(from);
		if (!replyTo.isBlank()) {
			parse("guichet.mail.reply-to", replyTo);
		}
		baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		if (batchSize < 1 || maxAttempts < 1) {
			throw new IllegalArgumentException("guichet.mail.batch-size and guichet.mail.max-attempts must be 1 or more");
		}
		if (sendThreads < 1 || sendThreads > 16) {
			throw new IllegalArgumentException("guichet.mail.send-threads must be between 1 and 16, not " + sendThreads);
		}
		if (firstRetry.isNegative() || maxRetry.compareTo(firstRetry) < 0) {
			throw new IllegalArgumentException("guichet.mail.first-retry must be zero or more and at most guichet.mail.max-retry");
		}
	}

	/** The sender of every mail Guichet sends. */
	public InternetAddress fromAddress() {
		return fromAddress(from);
	}

	/** Where answers go, or null when the mails have no {@code Reply-To}. */
	@Nullable
	public InternetAddress replyToAddress() {
		return replyTo.isBlank() ? null : parse("guichet.mail.reply-to", replyTo);
	}

	/** The domain of the Message-IDs: {@code messageIdDomain}, or the domain of the sender. */
	String idDomain() {
		if (!messageIdDomain.isBlank()) {
			return messageIdDomain.trim();
		}
		String address = fromAddress().getAddress();
		return address.substring(address.indexOf('@') + 1);
	}

	private static InternetAddress fromAddress(String from) {
		InternetAddress address = parse("guichet.mail.from", from);
		if (address.getAddress().indexOf('@') < 1) {
			throw new IllegalArgumentException("guichet.mail.from must be an address with a domain, not " + from);
		}
		return address;
	}

	private static InternetAddress parse(String property, String value) {
		try {
			return new InternetAddress(value, true);
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException(property + " must be a mail address such as"
					+ " \"Guichet <support@example.org>\", not " + value + ": " + ex.getMessage(), ex);
		}
	}

}

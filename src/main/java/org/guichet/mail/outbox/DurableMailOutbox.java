package org.guichet.mail.outbox;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.mail.MailNotice;
import org.guichet.mail.MailOutbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes each mail into the outbox ({@link OutboxWriter}), and its Message-ID into the ticket's thread
 * (a mail about no ticket has no thread), in the caller's transaction.
 */
@Service
@Transactional
class DurableMailOutbox implements MailOutbox {

	private final OutboxWriter outbox;

	private final JdbcMailThreads threads;

	private final UserRepository users;

	private final MailRenderer renderer;

	private final MailSettings settings;

	private final Locale defaultLocale;

	private final Clock clock;

	DurableMailOutbox(OutboxWriter outbox, JdbcMailThreads threads, UserRepository users,
			MailRenderer renderer, MailSettings settings,
			@Value("${guichet.default-language:fr}") String defaultLanguage, Clock clock) {
		this.outbox = outbox;
		this.threads = threads;
		this.users = users;
		this.renderer = renderer;
		this.settings = settings;
		this.defaultLocale = Locale.forLanguageTag(defaultLanguage);
		this.clock = clock;
	}

	@Override
	public Optional<String> queue(long recipientId, MailNotice notice) {
		User user = users.findById(recipientId).orElseThrow();
		String address = user.getEmail();
		if (!user.isActive() || address == null || address.isBlank()) {
			return Optional.empty();
		}
		Locale locale = user.locale() == null ? defaultLocale : user.locale();
		RenderedMail content = renderer.render(notice, user.getFullName(), locale);
		String messageId = "<" + UUID.randomUUID() + "@" + settings.idDomain() + ">";
		Long ticketId = notice.ticketId();
		List<String> chain = ticketId == null ? List.of() : threads.chain(ticketId);
		String inReplyTo = chain.isEmpty() ? null : chain.get(chain.size() - 1);
		String references = chain.isEmpty() ? null : String.join(" ", chain);
		outbox.write(new OutboxMail(messageId, ticketId, recipientId, address.trim(), locale.toLanguageTag(),
				notice.kind(), content.subject(), inReplyTo, references, clock.instant()), content.html(), content.text());
		if (ticketId != null) {
			threads.recordSent(messageId, ticketId);
		}
		return Optional.of(messageId);
	}

}

package org.guichet.mail.mailbox;

import java.util.Locale;

import org.guichet.mail.mailbox.MailboxJson.Failure;
import org.guichet.mail.mailbox.MailboxJson.Skipped;
import org.guichet.mail.mailbox.MailboxJson.Status;
import org.guichet.mail.mailbox.MailboxJson.TestResult;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** What the page and the API show of a mailbox's reading and of a connection test, in the reader's language. */
@Component
class MailboxViews {

	private final MessageRetries retries;

	private final IdleWatchers watchers;

	private final MessageSource messages;

	MailboxViews(MessageRetries retries, IdleWatchers watchers, MessageSource messages) {
		this.retries = retries;
		this.watchers = watchers;
		this.messages = messages;
	}

	Status status(StoredMailbox mailbox, Locale locale) {
		FailureKind kind = mailbox.lastErrorKind();
		return new Status(mailbox.lastPollAt(), mailbox.lastSuccessAt(),
				kind == null ? null : failure(kind, String.valueOf(mailbox.lastError()), mailbox, locale),
				mailbox.failures(), mailbox.ingestedCount(), watchers.state(mailbox.id()),
				retries.skipped(mailbox.id()).stream()
					.map(failed -> new Skipped(failed.key(), failed.subject(), failed.attempts(), failed.error()))
					.toList());
	}

	TestResult test(ConnectionTest.Result result, org.guichet.mail.MailboxDefinition tried, Locale locale) {
		if (result.ok()) {
			String found = messages.getMessage("mailbox.test.ok", new Object[] { tried.protocol().name(), tried.host(),
					tried.folder(), result.messages(), result.unseen(),
					messages.getMessage(result.idle() ? "mailbox.test.idle.yes" : "mailbox.test.idle.no", null, locale) },
					locale);
			return new TestResult(true, found, null, result.messages(), result.unseen(), result.idle());
		}
		Failure failure = failure(java.util.Objects.requireNonNull(result.failure()), String.valueOf(result.detail()),
				tried, locale);
		return new TestResult(false, failure.message(), failure, 0, 0, false);
	}

	private Failure failure(FailureKind kind, String detail, StoredMailbox mailbox, Locale locale) {
		return failure(kind, detail, mailbox.definition(), locale);
	}

	private Failure failure(FailureKind kind, @Nullable String detail, org.guichet.mail.MailboxDefinition d,
			Locale locale) {
		String message = messages.getMessage("mailbox.failure." + kind.name(),
				new Object[] { d.host(), d.port(), d.folder(), d.username(), d.security().name() },
				locale);
		return new Failure(kind, message, String.valueOf(detail));
	}

}

package org.guichet.mail.mailbox;

import java.time.Instant;
import java.util.List;

import org.guichet.mail.MailboxDefinition;
import org.guichet.mail.MailboxDefinition.AfterIngest;
import org.guichet.mail.MailboxDefinition.Protocol;
import org.guichet.mail.MailboxDefinition.Security;
import org.guichet.mail.ingest.UnknownSenders;
import org.guichet.tickets.TicketType;
import org.jspecify.annotations.Nullable;

/** The mailboxes' JSON under {@code /api/v1/mailboxes}. */
final class MailboxJson {

	private MailboxJson() {
	}

	/**
	 * A mailbox as a client writes it: every member, as reading it gives them.
	 *
	 * @param password write-only: null, absent or empty on a change keeps the stored one
	 * @param moveTo the folder a mail is moved to ({@code afterIngest} MOVE); null or absent: none
	 * @param categoryId the tickets' category; null or absent: none
	 * @param version on a change, the version it was made on, unless {@code If-Match} names it;
	 *        ignored on a creation
	 */
	record Body(String name, String address, Protocol protocol, String host, int port, Security security,
			String username, @Nullable String password, String folder, AfterIngest afterIngest,
			@Nullable String moveTo, int pollSeconds, boolean idle, boolean enabled, long groupId, TicketType type,
			@Nullable Long categoryId, UnknownSenders unknownSenders, List<String> allowed, List<String> blocked,
			long attachmentLimit, @Nullable Long version) {

		MailboxDefinition definition() {
			return new MailboxDefinition(name, address, protocol, host, port, security, username, password, folder,
					afterIngest, moveTo, pollSeconds, idle, enabled, groupId, type, categoryId, unknownSenders, allowed,
					blocked, attachmentLimit);
		}

	}

	/**
	 * A mailbox as it is read back: never its password.
	 *
	 * @param version raised by each change of its settings, its ETag
	 */
	record View(long id, String name, String address, Protocol protocol, String host, int port, Security security,
			String username, String folder, AfterIngest afterIngest, @Nullable String moveTo, int pollSeconds,
			boolean idle, boolean enabled, long groupId, TicketType type, @Nullable Long categoryId,
			UnknownSenders unknownSenders, List<String> allowed, List<String> blocked, long attachmentLimit,
			Status status, long version) {

		static View of(StoredMailbox mailbox, Status status) {
			MailboxDefinition d = mailbox.definition();
			return new View(mailbox.id(), d.name(), d.address(), d.protocol(), d.host(), d.port(), d.security(),
					d.username(), d.folder(), d.afterIngest(), d.moveTo(), d.pollSeconds(), d.idle(), d.enabled(),
					d.groupId(), d.type(), d.categoryId(), d.unknownSenders(), d.allowed(), d.blocked(),
					d.attachmentLimit(), status, mailbox.version());
		}

	}

	/**
	 * What the reader last did with a mailbox.
	 *
	 * @param lastError what went wrong at the last reading, null after a success
	 * @param idle {@code WATCHING}, {@code UNSUPPORTED}, {@code RECONNECTING}, or null when not watched
	 * @param skippedMessages messages whose ingestion failed too often, skipped until a change or a restart
	 */
	record Status(@Nullable Instant lastPollAt, @Nullable Instant lastSuccessAt, @Nullable Failure lastError,
			int failuresInARow, long ingested, IdleWatchers.@Nullable IdleState idle, List<Skipped> skippedMessages) {
	}

	/**
	 * @param kind {@code UNKNOWN_HOST}, {@code REFUSED}, {@code TIMEOUT}, {@code TLS}, {@code CREDENTIALS},
	 *        {@code NO_SUCH_FOLDER}, {@code PASSWORD_UNREADABLE} or {@code OTHER}
	 * @param message what it means, in the caller's language
	 * @param detail the server's or the system's own words
	 */
	record Failure(FailureKind kind, String message, String detail) {
	}

	record Skipped(String key, String subject, int attempts, String error) {
	}

	/**
	 * The answer of a connection test.
	 *
	 * @param ok whether the connection, login and folder worked
	 * @param message what was found or what failed, in the caller's language
	 */
	record TestResult(boolean ok, String message, @Nullable Failure failure, int messages, int unseen, boolean idle) {
	}

}

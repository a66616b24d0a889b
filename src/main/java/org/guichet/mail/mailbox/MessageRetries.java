package org.guichet.mail.mailbox;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts, in memory, the failed ingestions of each message: a message whose ingestion threw stays
 * on the server and is tried again at the next reading; after {@code guichet.mail.message-attempts}
 * failures it is skipped (never deleted) and shown on the mailbox's status until Guichet restarts or
 * the mailbox is changed.
 */
@Component
class MessageRetries {

	private final int maxAttempts;

	private final Map<Long, Map<String, Failed>> perMailbox = new ConcurrentHashMap<>();

	MessageRetries(@Value("${guichet.mail.message-attempts:5}") int maxAttempts) {
		this.maxAttempts = maxAttempts;
	}

	/** Whether the message {@code key} (e.g. its UIDVALIDITY and UID, or its UIDL) is skipped now. */
	boolean skipped(long mailboxId, String key) {
		Failed failed = perMailbox.getOrDefault(mailboxId, Map.of()).get(key);
		return failed != null && failed.attempts() >= maxAttempts;
	}

	void failed(long mailboxId, String key, String subject, String error) {
		perMailbox.computeIfAbsent(mailboxId, id -> new ConcurrentHashMap<>())
			.merge(key, new Failed(key, subject, error, 1),
					(before, now) -> new Failed(key, subject, error, before.attempts() + 1));
	}

	void succeeded(long mailboxId, String key) {
		Map<String, Failed> failed = perMailbox.get(mailboxId);
		if (failed != null) {
			failed.remove(key);
		}
	}

	/** The messages of the mailbox skipped after too many failures, for its status. */
	List<Failed> skipped(long mailboxId) {
		return perMailbox.getOrDefault(mailboxId, Map.of()).values().stream()
			.filter(failed -> failed.attempts() >= maxAttempts).toList();
	}

	/** Forgets the mailbox's failures: it was changed, so its messages get their chances again. */
	void forget(long mailboxId) {
		perMailbox.remove(mailboxId);
	}

	/**
	 * @param key the message's key on its server
	 * @param subject its subject as read, for the status page
	 * @param error why the ingestion threw, the last time
	 */
	record Failed(String key, String subject, String error, int attempts) {
	}

}

package org.guichet.mail.mailbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads each enabled mailbox at its interval. The scheduler's tick only looks for due mailboxes and
 * hands each to a pool of readers ({@code guichet.mail.mailbox-threads}), so a slow server holds one
 * reader, never the others nor the tick; a mailbox is read by one thread at a time on this node and,
 * through a claim on its row ({@code claimed_at}), by one node at a time. A failed reading is
 * recorded on the mailbox in plain words and the next one waits twice as long each time (up to
 * {@code guichet.mail.mailbox-max-backoff}); one mailbox's failure never stops the others.
 * Nothing is read while no {@link org.guichet.mail.ingest.MailIngestion} bean exists.
 */
@Component
class MailboxPoller {

	private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

	private final MailboxStore store;

	private final MailboxService mailboxes;

	private final MailboxReader reader;

	private final Clock clock;

	private final Duration claimTimeout;

	private final Duration maxBackoff;

	private final ExecutorService readers;

	private final Set<Long> running = ConcurrentHashMap.newKeySet();

	/** Mailboxes woken while being read: read once more right after, so that no news is missed. */
	private final Set<Long> again = ConcurrentHashMap.newKeySet();

	MailboxPoller(MailboxStore store, MailboxService mailboxes, MailboxReader reader, Clock clock,
			@Value("${guichet.mail.mailbox-threads:4}") int threads,
			@Value("${guichet.mail.mailbox-claim-timeout:10m}") Duration claimTimeout,
			@Value("${guichet.mail.mailbox-max-backoff:30m}") Duration maxBackoff) {
		this.store = store;
		this.mailboxes = mailboxes;
		this.reader = reader;
		this.clock = clock;
		this.claimTimeout = claimTimeout;
		this.maxBackoff = maxBackoff;
		AtomicInteger number = new AtomicInteger();
		this.readers = Executors.newFixedThreadPool(threads, runnable -> {
			Thread thread = new Thread(runnable, "mailbox-reader-" + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@Scheduled(initialDelayString = "${guichet.mail.mailbox-tick:1s}", fixedDelayString = "${guichet.mail.mailbox-tick:1s}")
	void tick() {
		try {
			for (StoredMailbox mailbox : store.due(clock.instant())) {
				submit(mailbox.id(), false);
			}
		}
		catch (RuntimeException ex) {
			log.warn("The mailboxes could not be listed: will try again", ex);
		}
	}

	/** Reads the mailbox as soon as a reader is free (IDLE saw a change). */
	void wake(long mailboxId) {
		submit(mailboxId, true);
	}

	/** @param news whether the server announced news: a reading under way is then followed by another */
	private void submit(long mailboxId, boolean news) {
		if (!running.add(mailboxId)) {
			if (news) {
				again.add(mailboxId);
			}
			return;
		}
		try {
			readers.execute(() -> {
				try {
					read(mailboxId);
				}
				finally {
					running.remove(mailboxId);
					if (again.remove(mailboxId)) {
						submit(mailboxId, true);
					}
				}
			});
		}
		catch (RejectedExecutionException ex) {
			running.remove(mailboxId);
		}
	}

	/** Whether no mailbox is being read on this node (a deleted mailbox's reading under way ends first). */
	boolean idle() {
		return running.isEmpty();
	}

	/**
	 * Reads the mailbox now, in the caller's thread, unless this node or another is reading it.
	 *
	 * @return how many messages were ingested, or -1 when the mailbox was not read (busy, gone, disabled)
	 */
	int readNow(long mailboxId) {
		if (!running.add(mailboxId)) {
			return -1;
		}
		try {
			return read(mailboxId);
		}
		finally {
			running.remove(mailboxId);
		}
	}

	private int read(long mailboxId) {
		Instant start = clock.instant();
		if (!store.claim(mailboxId, start, claimTimeout)) {
			return -1;
		}
		StoredMailbox mailbox = store.find(mailboxId).orElse(null);
		if (mailbox == null) {
			return -1;
		}
		Duration interval = Duration.ofSeconds(mailbox.definition().pollSeconds());
		try {
			int ingested = reader.read(mailbox, mailboxes.password(mailbox));
			Instant now = clock.instant();
			store.succeeded(mailboxId, now, now.plus(interval), ingested);
			return ingested;
		}
		catch (Exception ex) {
			Instant now = clock.instant();
			Duration wait = backoff(interval, mailbox.failures() + 1, maxBackoff);
			FailureKind kind = MailServers.kind(ex);
			log.warn("Mailbox {} ({}:{}) could not be read ({}): next attempt in {}", mailbox.definition().name(),
					mailbox.definition().host(), mailbox.definition().port(), kind, wait, ex);
			store.failed(mailboxId, now, now.plus(wait), kind, MailServers.detail(ex), 0);
			return 0;
		}
	}

	/** The wait after {@code failures} failed readings in a row: the interval doubled each time, up to {@code max}. */
	static Duration backoff(Duration interval, int failures, Duration max) {
		Duration wait = interval;
		for (int i = 0; i < failures && wait.compareTo(max) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(max) > 0 ? max : wait;
	}

	@PreDestroy
	void stop() {
		readers.shutdownNow();
	}

}

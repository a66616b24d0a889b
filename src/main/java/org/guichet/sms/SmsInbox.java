package org.guichet.sms;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import org.guichet.sms.SmsIngested.Outcome;
import org.guichet.system.GroupCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Texts in, accepted then ingested (docs/SMS.md#sms-in, ADR 015). {@link #accept} stores the text
 * as the gateway gave it in {@code sms_inbound} and commits: that is the gateway's answer, durable,
 * once per gateway and message id (the unique constraint decides between two deliveries, even
 * simultaneous ones). The ingestion into tickets ({@link SmsIngestion}) runs after, on
 * {@code guichet.sms.ingest-threads} threads of this node, woken by each acceptance and every
 * {@code guichet.sms.ingest-interval} (the texts a stopped node or another node left).
 */
@Service
public class SmsInbox {

	private static final Logger log = LoggerFactory.getLogger(SmsInbox.class);

	/** How long a second delivery waits for the first one's row to be visible. */
	private static final Duration CLAIM_WAIT = Duration.ofSeconds(10);

	/** The longest text kept (10 concatenated segments). */
	static final int TEXT_MAX = 1600;

	/** The longest sender or recipient kept as the gateway wrote it. */
	private static final int NUMBER_MAX = 40;

	private final JdbcTemplate jdbc;

	private final SmsIngestion ingestion;

	/** The acceptances of concurrent deliveries, committed together (at most 100 a transaction). */
	private final GroupCommit<Row> groups;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final int threads;

	private final ExecutorService workers;

	/** How many threads are ingesting now, at most {@link #threads}. */
	private final AtomicInteger active = new AtomicInteger();

	/** Whether a text may have arrived since a working thread last found none. */
	private final AtomicBoolean requested = new AtomicBoolean();

	SmsInbox(JdbcTemplate jdbc, SmsIngestion ingestion, PlatformTransactionManager transactionManager, Clock clock,
			@Value("${guichet.sms.ingest-threads:1}") int threads) {
		if (threads < 1) {
			throw new IllegalArgumentException("guichet.sms.ingest-threads must be at least 1, not " + threads);
		}
		this.jdbc = jdbc;
		this.ingestion = ingestion;
		this.transactions = new TransactionTemplate(transactionManager);
		this.groups = new GroupCommit<>(transactions, this::insert, 100);
		this.clock = clock;
		this.threads = threads;
		AtomicInteger number = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(threads, task -> {
			Thread thread = new Thread(task, "sms-ingest-" + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Accepts one text: stores it, committed, for the ingestion to come, once per gateway and
	 * message id.
	 *
	 * @return {@link Outcome#ACCEPTED} (no ticket yet) for a text not delivered before, else
	 *         {@link Outcome#ALREADY_INGESTED} with the ticket it became, when known already
	 * @throws IllegalArgumentException when the message id is blank or longer than
	 *         {@link InboundSms#MESSAGE_ID_MAX}
	 */
	public SmsIngested accept(InboundSms sms) {
		if (sms.messageId().isBlank() || sms.messageId().length() > InboundSms.MESSAGE_ID_MAX) {
			throw new IllegalArgumentException("a message id of 1 to " + InboundSms.MESSAGE_ID_MAX + " characters");
		}
		Row row = new Row(sms.gateway(), sms.messageId(), SmsIngestion.cut(sms.from().strip(), NUMBER_MAX),
				SmsIngestion.cut(sms.to().strip(), NUMBER_MAX), SmsIngestion.cut(sms.text().strip(), TEXT_MAX),
				Timestamp.from(clock.instant()));
		if (!groups.commit(row)) {
			Optional<SmsIngested> earlier = acceptAlone(row, sms);
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		wake();
		return new SmsIngested(Outcome.ACCEPTED, null, "");
	}

	/** The row of {@code sms_inbound} an accepted text starts as, its texts cut to their columns. */
	private record Row(String gateway, String messageId, String sender, String recipient, String body,
			Timestamp receivedAt) {
	}

	private void insert(List<Row> rows) {
		jdbc.batchUpdate("insert into sms_inbound (gateway, message_id, sender, recipient, body, received_at, outcome, reason)"
				+ " values (?, ?, ?, ?, ?, ?, '" + Outcome.ACCEPTED.name() + "', '')",
				rows.stream()
					.map(row -> new Object[] { row.gateway(), row.messageId(), row.sender(), row.recipient(), row.body(),
							row.receivedAt() })
					.toList());
	}

	/**
	 * Stores a text whose group failed, alone: inserted, or found delivered before (another
	 * delivery of the same message wrote its row, or holds it until its commit, for at most
	 * {@link #CLAIM_WAIT}).
	 *
	 * @return the earlier delivery's outcome, or empty once this one is stored
	 */
	private Optional<SmsIngested> acceptAlone(Row row, InboundSms sms) {
		Instant deadline = clock.instant().plus(CLAIM_WAIT);
		while (true) {
			try {
				transactions.executeWithoutResult(status -> insert(List.of(row)));
				return Optional.empty();
			}
			catch (DataIntegrityViolationException | TransientDataAccessException ex) {
				Optional<SmsIngested> earlier = earlier(sms);
				if (earlier.isPresent()) {
					return earlier;
				}
				if (clock.instant().isAfter(deadline)) {
					throw ex;
				}
				pause();
			}
		}
	}

	private Optional<SmsIngested> earlier(InboundSms sms) {
		return jdbc.query("select outcome, ticket_id from sms_inbound where gateway = ? and message_id = ?", (row, n) -> {
			long ticket = row.getLong(2);
			Long ticketId = row.wasNull() ? null : ticket;
			return new SmsIngested(Outcome.ALREADY_INGESTED, ticketId, "delivered before: " + row.getString(1));
		}, sms.gateway(), sms.messageId()).stream().findFirst();
	}

	/** Looks for texts left waiting: by a node that stopped before ingesting them, or another node's. */
	@Scheduled(initialDelayString = "${guichet.sms.ingest-interval:10s}", fixedDelayString = "${guichet.sms.ingest-interval:10s}")
	void scheduled() {
		wake();
	}

	/**
	 * Has the waiting texts ingested: starts a thread on them unless every ingestion thread is
	 * working already (each looks again for texts before it stops). Returns at once.
	 */
	void wake() {
		requested.set(true);
		while (true) {
			int now = active.get();
			if (now >= threads) {
				return;
			}
			if (active.compareAndSet(now, now + 1)) {
				try {
					workers.execute(this::ingestWaiting);
				}
				catch (RejectedExecutionException stopping) {
					// the application is stopping: the next start ingests what waits
					active.decrementAndGet();
				}
				return;
			}
		}
	}

	/** Ingests texts until none waits; then, if one came meanwhile, starts again. */
	private void ingestWaiting() {
		try {
			do {
				requested.set(false);
				while (ingestion.ingestNext()) {
					// one text a transaction
				}
			}
			while (requested.get());
		}
		catch (RuntimeException ex) {
			log.warn("The SMS received could not be ingested now: will try again at the next round", ex);
			return;
		}
		finally {
			active.decrementAndGet();
		}
		if (requested.get()) {
			wake();
		}
	}

	@PreDestroy
	void stop() {
		workers.shutdownNow();
	}

	private static void pause() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for another delivery of the same SMS", ex);
		}
	}

}

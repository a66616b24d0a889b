package org.guichet.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import org.guichet.tickets.TicketEvents.TicketFactsWritten;
import org.guichet.system.ConflictException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the daily figures ({@code kpi_day}) in step with the facts: the days whose facts a
 * transaction changes are marked stale in that transaction ({@link TicketFactsWritten}); stale
 * days are computed again in the background, and before a report reads them when only a few are
 * left. Every day is computed again when {@code guichet.time-zone} is not the one they were
 * computed in (the first start after the upgrade included) and on the rebuild command.
 *
 * <p>
 * Whoever computes days first locks the one row of {@code kpi_day_state}, so two computations
 * never interleave (two nodes included); a computation deletes exactly the stale marks it read
 * before reading the facts, so a change committed meanwhile leaves its own mark for the next one.
 */
@Component
class KpiDaysKeeper {

	private static final Logger log = LoggerFactory.getLogger(KpiDaysKeeper.class);

	/** A report computes at most this many stale days itself; with more it reads the facts instead. */
	static final int MOST_DAYS_BEFORE_A_REPORT = 31;

	/** How long a report waits for another transaction computing days before it reads the facts. */
	static final Duration LONGEST_WAIT = Duration.ofSeconds(20);

	/** Stale marks read at once. */
	private static final int MARKS = 5_000;

	/**
	 * How long {@link #ready()} believes that no day is stale without asking the database again.
	 * A mark made on this node forgets it at once (and again when its transaction ends); one made
	 * by another node is seen within this time.
	 */
	static final Duration NOTHING_STALE_FOR = Duration.ofSeconds(1);

	private final KpiDays days;

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final TransactionTemplate ownTransaction;

	private final ZoneId zone;

	/** Counts the marks made on this node (and the ends of their transactions): a change forgets {@link #nothingStale}. */
	private final AtomicLong marks = new AtomicLong();

	/** The last time the database said nothing was stale, with the count of marks then; null after a mark. */
	private volatile @Nullable NothingStale nothingStale;

	private record NothingStale(long marks, long until) {
	}

	KpiDaysKeeper(KpiDays days, JdbcTemplate jdbc, PlatformTransactionManager transactions,
			@Value("${guichet.time-zone:Europe/Paris}") ZoneId zone) {
		this.days = days;
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.zone = zone;
	}

	/** The facts of these days changed in the current transaction: their figures are stale with it. */
	@EventListener
	void on(TicketFactsWritten written) {
		markStale(written.days());
	}

	/**
	 * Marks the days stale in the caller's transaction and forgets that nothing was stale, now and
	 * when the transaction ends: a report that read the marks before this one was committed must
	 * not answer from the days' old figures after it.
	 */
	private void markStale(Set<LocalDate> stale) {
		days.markStale(stale);
		marks.incrementAndGet();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					marks.incrementAndGet();
				}

			});
		}
	}

	/**
	 * Whether the daily figures can answer a report now: they were computed in this time zone and at
	 * most {@link #MOST_DAYS_BEFORE_A_REPORT} days are stale, which are computed first, in a
	 * transaction of their own (or, when another computation holds the lock, once it is done: waited
	 * for up to {@link #LONGEST_WAIT}, after which the report reads the facts). Once the database
	 * said that no day is stale, that is believed for {@link #NOTHING_STALE_FOR} without asking it
	 * again, unless a day was marked stale on this node since.
	 */
	boolean ready() {
		long marked = marks.get();
		NothingStale known = nothingStale;
		if (known != null && known.marks() == marked && System.nanoTime() - known.until() < 0) {
			return true;
		}
		long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
		while (true) {
			if (!zone.getId().equals(jdbc.queryForObject("select time_zone from kpi_day_state where id = 1", String.class))) {
				return false;
			}
			int stale = jdbc.queryForObject("select count(distinct local_day) from (select local_day from kpi_day_stale"
					+ " fetch first " + MARKS + " rows only) marks", Integer.class);
			if (stale == 0) {
				// the marks counted before the queries: one made meanwhile makes this answer forgotten at once
				nothingStale = new NothingStale(marked, System.nanoTime() + NOTHING_STALE_FOR.toNanos());
				return true;
			}
			if (stale > MOST_DAYS_BEFORE_A_REPORT) {
				return false;
			}
			if (ownTransaction.execute(status -> computeStale()) == Round.BUSY) {
				if (System.nanoTime() > deadline) {
					return false;
				}
				pause();
			}
		}
	}

	private static void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the daily KPI figures were being computed", e);
		}
	}

	/** Computes the stale days, a month of days per transaction, until none is left or another node computes them. */
	@Scheduled(initialDelayString = "${guichet.kpis.days.refresh-interval:PT5S}",
			fixedDelayString = "${guichet.kpis.days.refresh-interval:PT5S}")
	void computeStaleDays() {
		long started = System.nanoTime();
		int transactions = 0;
		while (ownTransaction.execute(status -> computeStale()) == Round.MORE_LEFT) {
			transactions++;
		}
		if (transactions > 10) {
			log.info("Computed the daily KPI figures of stale days in {} transactions, {} ms", transactions,
					(System.nanoTime() - started) / 1_000_000);
		}
	}

	/** How a round of computation went. */
	enum Round {

		/** Another transaction is computing days: nothing was done. */
		BUSY,
		/** No stale day is left (as far as this round saw). */
		FINISHED,
		/** Stale days are left to compute. */
		MORE_LEFT

	}

	/**
	 * Computes up to {@link #MOST_DAYS_BEFORE_A_REPORT} stale days again, the earliest first (so
	 * that consecutive days are read together), in the caller's transaction, after marking every
	 * day stale if the figures were computed in another zone. Does nothing when another
	 * transaction holds the lock of {@code kpi_day_state}.
	 */
	Round computeStale() {
		List<String> locked = lock();
		if (locked.isEmpty()) {
			return Round.BUSY;
		}
		if (!zone.getId().equals(locked.get(0))) {
			markEveryDay();
			jdbc.update("update kpi_day_state set time_zone = ? where id = 1", zone.getId());
		}
		Map<LocalDate, List<Long>> marks = new TreeMap<>();
		int read = jdbc.query("select id, local_day from kpi_day_stale order by id fetch first " + MARKS + " rows only",
				rs -> {
					int count = 0;
					while (rs.next()) {
						marks.computeIfAbsent(rs.getObject("local_day", LocalDate.class), day -> new ArrayList<>())
							.add(rs.getLong("id"));
						count++;
					}
					return count;
				});
		List<LocalDate> picked = marks.keySet().stream().limit(MOST_DAYS_BEFORE_A_REPORT).toList();
		if (picked.isEmpty()) {
			return Round.FINISHED;
		}
		days.compute(picked);
		List<Long> done = picked.stream().flatMap(day -> marks.get(day).stream()).toList();
		for (List<Long> chunk : KpiDays.chunks(done)) {
			named.update("delete from kpi_day_stale where id in (:ids)", Map.of("ids", chunk));
		}
		return read == MARKS || marks.size() > picked.size() ? Round.MORE_LEFT : Round.FINISHED;
	}

	/**
	 * Locks the state row unless another transaction holds it.
	 *
	 * @return the time zone the days were computed in, or nothing when the row was locked
	 */
	private List<String> lock() {
		return jdbc.queryForList("select time_zone from kpi_day_state where id = 1 for update skip locked", String.class);
	}

	/**
	 * Computes every day again, in the background (the rebuild command, after a restore): until
	 * they are, reports read the facts.
	 *
	 * @return how many days are to be computed
	 * @throws ConflictException when another computation held the lock for {@link #LONGEST_WAIT}
	 */
	int rebuild() {
		return ownTransaction.execute(status -> {
			long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
			while (lock().isEmpty()) {
				if (System.nanoTime() > deadline) {
					throw new ConflictException("kpi-days.rebuild.busy",
							"The daily KPI figures are being computed: ask again in a minute");
				}
				pause();
			}
			jdbc.update("update kpi_day_state set time_zone = ? where id = 1", zone.getId());
			return markEveryDay();
		});
	}

	/**
	 * Marks every day the facts count something on stale (after a restore, or in a new zone): the
	 * days from the earliest instant of the facts to the latest, with the day before and after.
	 * The rows computed so far are dropped, so reports read the facts until the days are computed.
	 *
	 * @return how many days were marked
	 */
	private int markEveryDay() {
		jdbc.update("delete from kpi_day");
		jdbc.update("delete from kpi_day_stale");
		List<Instant> bounds = new ArrayList<>();
		for (String column : List.of("created_at", "resolved_at", "closed_at", "tto_deadline", "ttr_deadline")) {
			bounds.addAll(minAndMax("ticket_fact", column));
		}
		bounds.addAll(minAndMax("ticket_open_span", "opened_at"));
		bounds.addAll(minAndMax("ticket_open_span", "ended_at"));
		if (bounds.isEmpty()) {
			return 0;
		}
		LocalDate first = bounds.stream().min(Instant::compareTo).orElseThrow().atZone(zone).toLocalDate().minusDays(1);
		LocalDate last = bounds.stream().max(Instant::compareTo).orElseThrow().atZone(zone).toLocalDate().plusDays(1);
		Set<LocalDate> all = new TreeSet<>();
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			all.add(day);
		}
		markStale(all);
		log.info("The daily KPI figures of {} days ({} to {}) will be computed again", all.size(), first, last);
		return all.size();
	}

	private List<Instant> minAndMax(String table, String column) {
		return jdbc.query("select min(" + column + ") lo, max(" + column + ") hi from " + table, (rs, row) -> {
			List<Instant> found = new ArrayList<>();
			for (String bound : List.of("lo", "hi")) {
				OffsetDateTime at = rs.getObject(bound, OffsetDateTime.class);
				if (at != null) {
					found.add(at.toInstant());
				}
			}
			return found;
		}).stream().flatMap(List::stream).toList();
	}

}

package org.guichet.reporting;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.guichet.reporting.KpiDaysKeeper.Round;
import org.guichet.tickets.TicketEvents.TicketFactsWritten;
import org.guichet.testing.TestDatabaseInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two computations of the daily figures never wait on each other's lock until a database timeout:
 * the background one gives way, a report waits for the one running and then reads the days it
 * computed. Real commits on H2 and PostgreSQL (failsafe runs this class on each).
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@Import({ KpiDays.class, KpiDaysKeeper.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class KpiDaysKeeperIT {

	private static final LocalDate LONG_AGO = LocalDate.parse("2001-01-01");

	@Autowired
	private KpiDaysKeeper keeper;

	@Autowired
	private KpiDays days;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private PlatformTransactionManager transactions;

	private final ExecutorService otherNode = Executors.newSingleThreadExecutor();

	@BeforeEach
	void noStaleDay() {
		keeper.computeStaleDays();
		assertThat(keeper.ready()).isTrue();
	}

	@AfterEach
	void stop() {
		otherNode.shutdownNow();
	}

	@Test
	void theBackgroundComputationGivesWayAndAReportWaitsForTheOneRunningThenReadsTheDays() throws Exception {
		inTransaction(() -> keeper.on(new TicketFactsWritten(Set.of(LONG_AGO))));
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Future<?> running = otherNode.submit(() -> inTransaction(() -> {
			jdbc.queryForObject("select time_zone from kpi_day_state where id = 1 for update", String.class);
			locked.countDown();
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}));
		assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

		Round round = new TransactionTemplate(transactions).execute(status -> keeper.computeStale());
		assertThat(round).isEqualTo(Round.BUSY);
		keeper.computeStaleDays();
		assertThat(staleMarks()).as("the background job left the day to the lock holder").isEqualTo(1);

		// the other computation ends a moment after the report started waiting for it
		CompletableFuture.runAsync(release::countDown, CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS));
		assertThat(keeper.ready()).isTrue();
		assertThat(running.isDone()).as("the report waited for the other computation to end").isTrue();
		assertThat(staleMarks()).isZero();
	}

	@Test
	void nothingStaleIsBelievedBrieflyThenTheDatabaseIsAskedAgain() throws Exception {
		// a mark made elsewhere (another node) is not told to this one
		jdbc.update("insert into kpi_day_stale (local_day) values (?)", LONG_AGO);

		assertThat(keeper.ready()).isTrue();
		assertThat(staleMarks()).as("the report believed what it was told just before").isEqualTo(1);

		Thread.sleep(KpiDaysKeeper.NOTHING_STALE_FOR.toMillis() + 100);
		assertThat(keeper.ready()).isTrue();
		assertThat(staleMarks()).as("computed by the report once the belief expired").isZero();
	}

	@Test
	void aDayMarkedOnThisNodeIsComputedByTheNextReportWhateverWasBelieved() {
		inTransaction(() -> keeper.on(new TicketFactsWritten(Set.of(LONG_AGO))));

		assertThat(keeper.ready()).isTrue();
		assertThat(staleMarks()).isZero();
	}

	@Test
	void aMarkCommittedAfterAReportReadTheMarksIsComputedByTheNextReport() throws Exception {
		CountDownLatch marked = new CountDownLatch(1);
		CountDownLatch read = new CountDownLatch(1);
		Future<?> change = otherNode.submit(() -> inTransaction(() -> {
			keeper.on(new TicketFactsWritten(Set.of(LONG_AGO)));
			marked.countDown();
			try {
				read.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}));
		assertThat(marked.await(10, TimeUnit.SECONDS)).isTrue();
		Thread.sleep(KpiDaysKeeper.NOTHING_STALE_FOR.toMillis() + 100);
		assertThat(keeper.ready()).as("the uncommitted mark is not seen").isTrue();
		read.countDown();
		change.get(10, TimeUnit.SECONDS);

		assertThat(keeper.ready()).isTrue();
		assertThat(staleMarks()).as("the commit made the report ask again").isZero();
	}

	private int staleMarks() {
		return jdbc.queryForObject("select count(*) from kpi_day_stale", Integer.class);
	}

	private void inTransaction(Runnable work) {
		new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
	}

}

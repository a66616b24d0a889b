package org.guichet.reporting;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.guichet.reporting.KpiDaysKeeper.Round;
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
		inTransaction(() -> days.markStale(Set.of(LONG_AGO)));
		CountDownLatch locked = new CountDownLatch(1);
		Future<?> running = otherNode.submit(() -> inTransaction(() -> {
			jdbc.queryForObject("select time_zone from kpi_day_state where id = 1 for update", String.class);
			locked.countDown();
			try {
				Thread.sleep(3_000);
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

		assertThat(keeper.ready()).isTrue();
		assertThat(running.isDone()).as("the report waited for the other computation to end").isTrue();
		assertThat(staleMarks()).isZero();
	}

	private int staleMarks() {
		return jdbc.queryForObject("select count(*) from kpi_day_stale", Integer.class);
	}

	private void inTransaction(Runnable work) {
		new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
	}

}

package org.guichet.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.guichet.testing.ShiftableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node's copy of shared data ({@link SharedCache}) over the generations of {@link CacheGenerations},
 * on an H2 database where a direct SQL update stands for another node's change.
 */
class SharedCacheTests {

	/** Long enough for the test's own run time never to end it. */
	private static final Duration INTERVAL = Duration.ofHours(1);

	private final ShiftableClock clock = new ShiftableClock();

	private JdbcTemplate jdbc;

	private TransactionTemplate transaction;

	private CacheGenerations generations;

	private final AtomicInteger loads = new AtomicInteger();

	private SharedCache<String> cache;

	@BeforeEach
	void setUp() throws Exception {
		DriverManagerDataSource database = new DriverManagerDataSource(
				"jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		jdbc = new JdbcTemplate(database);
		try (var sql = getClass().getResourceAsStream("/db/migration/V202612170101__cache_generation.sql")) {
			jdbc.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
		}
		jdbc.execute("create table shared_setting (content varchar(20))");
		jdbc.update("insert into shared_setting values ('first')");
		transaction = new TransactionTemplate(new DataSourceTransactionManager(database));
		generations = new CacheGenerations(jdbc, clock, INTERVAL);
		cache = new SharedCache<>(generations, "setting", () -> {
			loads.incrementAndGet();
			return jdbc.queryForObject("select content from shared_setting", String.class);
		});
	}

	@Test
	void theCopyIsReadOnceAndKeptWhileNoNodeChangesIt() {
		assertThat(cache.get()).isEqualTo("first");
		clock.advance(INTERVAL.multipliedBy(5));
		assertThat(cache.get()).isEqualTo("first");
		assertThat(loads).hasValue(1);
	}

	@Test
	void anotherNodesChangeIsSeenOnceTheCheckIntervalIsOver() {
		assertThat(cache.get()).isEqualTo("first");
		jdbc.update("update shared_setting set content = 'second'");
		jdbc.update("insert into cache_generation (name, generation) values ('setting', 1)");
		assertThat(cache.get()).as("within the interval").isEqualTo("first");
		clock.advance(INTERVAL.minusMinutes(1));
		assertThat(cache.get()).isEqualTo("first");
		clock.advance(Duration.ofMinutes(1));
		assertThat(cache.get()).isEqualTo("second");
		assertThat(cache.get()).isEqualTo("second");
		assertThat(loads).hasValue(2);
	}

	@Test
	void thisNodesChangeIsSeenAtOnceAfterItsCommitAndMovesTheGenerationForTheOthers() {
		assertThat(cache.get()).isEqualTo("first");
		transaction.executeWithoutResult(status -> {
			jdbc.update("update shared_setting set content = 'second'");
			cache.changed();
			assertThat(cache.get()).as("the transaction reads its own change").isEqualTo("second");
		});
		assertThat(cache.get()).isEqualTo("second");
		assertThat(jdbc.queryForObject("select generation from cache_generation where name = 'setting'", Long.class))
			.isEqualTo(1);
		cache.changed();
		assertThat(jdbc.queryForObject("select generation from cache_generation where name = 'setting'", Long.class))
			.isEqualTo(2);
	}

	@Test
	void whatARolledBackChangeReadIsNeverKept() {
		assertThat(cache.get()).isEqualTo("first");
		transaction.executeWithoutResult(status -> {
			jdbc.update("update shared_setting set content = 'never'");
			cache.changed();
			assertThat(cache.get()).isEqualTo("never");
			status.setRollbackOnly();
		});
		assertThat(cache.get()).isEqualTo("first");
		clock.advance(INTERVAL.multipliedBy(2));
		assertThat(cache.get()).isEqualTo("first");
	}

	@Test
	void aChangeOfOneDataReloadsOnlyItsCopy() {
		AtomicInteger otherLoads = new AtomicInteger();
		SharedCache<Integer> other = new SharedCache<>(generations, "other", otherLoads::incrementAndGet);
		assertThat(cache.get()).isEqualTo("first");
		assertThat(other.get()).isEqualTo(1);
		jdbc.update("insert into cache_generation (name, generation) values ('other', 7)");
		clock.advance(INTERVAL);
		assertThat(other.get()).isEqualTo(2);
		assertThat(cache.get()).isEqualTo("first");
		assertThat(loads).hasValue(1);
	}

}

package org.guichet.sla;

import java.nio.file.Path;
import java.util.Arrays;

import org.guichet.GuichetApplication;
import org.guichet.bench.BenchArguments;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Times the periodic SLA check, the whole {@link SlaCheck#run()} as the scheduler calls it, on a
 * database seeded by {@code org.guichet.bench.Seed}. Guichet starts on it with its own schedule
 * pushed a day away; the first runs (warm-up) handle whatever fell due since the seeding, then
 * each measured run finds nothing due, and the figure is what a node pays every interval.
 * <p>
 * {@code --data-dir target/bench-check --runs 500}; for PostgreSQL, set
 * {@code SPRING_DATASOURCE_URL} (and user, password) as for Guichet itself.
 */
public final class SlaCheckBenchmark {

	private SlaCheckBenchmark() {
	}

	public static void main(String[] args) {
		BenchArguments arguments = new BenchArguments(args);
		Path dataDir = Path.of(arguments.get("data-dir", "target/bench-check")).toAbsolutePath();
		int runs = arguments.getInt("runs", 500);
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GuichetApplication.class)
			.run("--guichet.data-dir=" + dataDir, "--server.port=0", "--guichet.sla.check.initial-delay=P1D",
					"--guichet.sla.check.interval=P1D", "--spring.main.banner-mode=off", "--logging.level.root=warn")) {
			SlaCheck check = app.getBean(SlaCheck.class);
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			for (int i = 0; i < 50; i++) {
				check.run();
			}
			System.out.printf("Open clocks (not stopped, not resolved): %,d; with a next check ahead: %,d; due now: %,d%n",
					count(jdbc, "stopped = false and resolved_at is null"), count(jdbc, "next_check_at is not null"),
					count(jdbc, "next_check_at <= current_timestamp"));
			long[] nanos = new long[runs];
			for (int i = 0; i < runs; i++) {
				long start = System.nanoTime();
				check.run();
				nanos[i] = System.nanoTime() - start;
			}
			Arrays.sort(nanos);
			System.out.printf("SlaCheck.run() over %d runs: median %.3f ms, p99 %.3f ms, max %.3f ms%n", runs,
					millis(nanos[runs / 2]), millis(nanos[runs * 99 / 100]), millis(nanos[runs - 1]));
		}
	}

	private static long count(JdbcTemplate jdbc, String where) {
		Long count = jdbc.queryForObject("select count(*) from ticket_sla where " + where, Long.class);
		return count == null ? 0 : count;
	}

	private static double millis(long nanos) {
		return nanos / 1e6;
	}

}

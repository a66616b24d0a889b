package org.guichet.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What one API ticket creation asks of PostgreSQL, in counts that do not depend on the machine's
 * load: statements (by text, from {@code pg_stat_statements}), commits and rollbacks
 * ({@code pg_stat_database}) and rows written per table ({@code pg_stat_user_tables}), each
 * divided by the number of tickets created; then the same counters over an idle period as long as
 * the run, which is what the background jobs ask meanwhile. With {@code --clients} above 1, it
 * also samples {@code pg_stat_activity} every 20 ms and prints what the busy connections were
 * waiting for (locks, the log's flush, the client), and how many were busy.
 * <p>
 * The server needs {@code pg_stat_statements} loaded ({@code SeededPostgres --statements true}).
 * {@code --url jdbc:postgresql://127.0.0.1:5433/postgres --user postgres --base-url
 * http://127.0.0.1:8080 --bench-file target/bench-pg/bench.properties --tickets 1000 --clients 1
 * --warmup 200}. The tickets it creates stay in the database.
 */
public final class CreationStatements {

	/** PostgreSQL's backends report their table and transaction counts at most every 10 s when idle. */
	private static final Duration STATS_FLUSH = Duration.ofSeconds(11);

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final URI base;

	private final String token;

	private final AtomicLong sequence = new AtomicLong();

	private CreationStatements(URI base, String token) {
		this.base = base;
		this.token = token;
	}

	public static void main(String[] args) throws Exception {
		BenchArguments arguments = new BenchArguments(args);
		Properties bench = arguments.benchFile();
		CreationStatements run = new CreationStatements(arguments.loopbackBase(), bench.getProperty("technician.token"));
		int tickets = arguments.getInt("tickets", 1000);
		int clients = arguments.getInt("clients", 1);
		try (Connection db = DriverManager.getConnection(arguments.get("url", "jdbc:postgresql://127.0.0.1:5433/postgres"),
				arguments.get("user", "postgres"), arguments.get("password", ""))) {
			run.create(arguments.getInt("warmup", 200), clients, null);
			Thread.sleep(STATS_FLUSH.toMillis());
			reset(db);
			WaitSampler sampler = clients > 1 ? new WaitSampler(db) : null;
			if (sampler != null) {
				sampler.start();
			}
			long start = System.nanoTime();
			run.create(tickets, clients, sampler);
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			if (sampler != null) {
				sampler.join();
			}
			Thread.sleep(STATS_FLUSH.toMillis());
			Counts busy = Counts.read(db);
			reset(db);
			Thread.sleep(elapsed.toMillis() + STATS_FLUSH.toMillis());
			Counts idle = Counts.read(db);
			System.out.printf("%d tickets created by %d clients in %.1f s (%.0f/s); idle period of %.1f s after it%n%n",
					tickets, clients, elapsed.toNanos() / 1e9, tickets / (elapsed.toNanos() / 1e9), elapsed.toNanos() / 1e9);
			busy.print(idle, tickets);
			if (sampler != null) {
				sampler.print();
			}
		}
	}

	private static void reset(Connection db) throws SQLException {
		try (Statement statement = db.createStatement()) {
			statement.execute("select pg_stat_statements_reset()");
			statement.execute("select pg_stat_reset()");
		}
	}

	/** Creates that many tickets from that many client threads, each waiting for its answer. */
	private void create(int tickets, int clients, WaitSampler sampler) throws InterruptedException {
		AtomicLong left = new AtomicLong(tickets);
		AtomicReference<String> failure = new AtomicReference<>();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			Thread thread = new Thread(() -> {
				while (left.getAndDecrement() > 0 && failure.get() == null) {
					try {
						HttpResponse<String> answer = http.send(request(), HttpResponse.BodyHandlers.ofString());
						if (answer.statusCode() != 201) {
							failure.compareAndSet(null, "HTTP " + answer.statusCode() + " " + answer.body());
						}
					}
					catch (Exception ex) {
						failure.compareAndSet(null, ex.toString());
					}
				}
			});
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		if (sampler != null) {
			sampler.stop = true;
		}
		if (failure.get() != null) {
			throw new IllegalStateException("A creation failed: " + failure.get());
		}
	}

	private HttpRequest request() {
		return HttpRequest.newBuilder(base.resolve("/api/v1/tickets"))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"type":"INCIDENT","title":"Imprimante du 2e étage bloquée %d","description":"Bourrage papier dans le bac 2, plus personne ne peut imprimer.","urgency":"MEDIUM"}"""
				.formatted(sequence.incrementAndGet())))
			.build();
	}

	/** The counters read after a period. */
	private record Counts(Map<String, long[]> statements, long commits, long rollbacks, Map<String, long[]> tables) {

		static Counts read(Connection db) throws SQLException {
			Map<String, long[]> statements = new LinkedHashMap<>();
			Map<String, long[]> tables = new TreeMap<>();
			long commits;
			long rollbacks;
			try (Statement statement = db.createStatement()) {
				try (ResultSet rows = statement.executeQuery("""
						select regexp_replace(query, '\\s+', ' ', 'g'), calls, rows, round(total_exec_time * 1000)
						from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
						and query not like '%pg_stat%' order by calls desc, query""")) {
					while (rows.next()) {
						statements.merge(rows.getString(1), new long[] { rows.getLong(2), rows.getLong(3), rows.getLong(4) },
								(a, b) -> new long[] { a[0] + b[0], a[1] + b[1], a[2] + b[2] });
					}
				}
				try (ResultSet rows = statement.executeQuery(
						"select xact_commit, xact_rollback from pg_stat_database where datname = current_database()")) {
					rows.next();
					// this connection's own reads of the counters are transactions too (autocommit)
					commits = rows.getLong(1);
					rollbacks = rows.getLong(2);
				}
				try (ResultSet rows = statement.executeQuery("""
						select relname, n_tup_ins, n_tup_upd, n_tup_del, n_tup_hot_upd from pg_stat_user_tables
						where n_tup_ins + n_tup_upd + n_tup_del > 0""")) {
					while (rows.next()) {
						tables.put(rows.getString(1),
								new long[] { rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5) });
					}
				}
			}
			return new Counts(statements, commits, rollbacks, tables);
		}

		void print(Counts idle, int tickets) {
			long calls = statements.values().stream().mapToLong(c -> c[0]).sum();
			long idleCalls = idle.statements.values().stream().mapToLong(c -> c[0]).sum();
			System.out.printf("Statements: %.2f per ticket (%.2f per ticket's worth of idle time); commits: %.2f per ticket"
					+ " (idle: %.2f); rollbacks: %.2f (idle: %.2f)%n%n", calls / (double) tickets, idleCalls / (double) tickets,
					commits / (double) tickets, idle.commits / (double) tickets, rollbacks / (double) tickets,
					idle.rollbacks / (double) tickets);
			System.out.println("| Statement | Calls per ticket | Rows per ticket | Mean (µs) | Idle calls per ticket |");
			System.out.println("|---|---|---|---|---|");
			statements.forEach((query, c) -> {
				long[] quiet = idle.statements.getOrDefault(query, new long[3]);
				System.out.printf("| `%s` | %.2f | %.2f | %d | %.2f |%n", shorten(query), c[0] / (double) tickets,
						c[1] / (double) tickets, c[2] / Math.max(1, c[0]), quiet[0] / (double) tickets);
			});
			idle.statements.forEach((query, c) -> {
				if (!statements.containsKey(query)) {
					System.out.printf("| `%s` | 0 | 0 | 0 | %.2f |%n", shorten(query), c[0] / (double) tickets);
				}
			});
			System.out.println();
			System.out.println("| Table | Inserted per ticket | Updated | of which HOT | Deleted | Idle: ins / upd / del |");
			System.out.println("|---|---|---|---|---|---|");
			tables.forEach((table, t) -> {
				long[] quiet = idle.tables.getOrDefault(table, new long[4]);
				System.out.printf("| %s | %.2f | %.2f | %.2f | %.2f | %d / %d / %d |%n", table, t[0] / (double) tickets,
						t[1] / (double) tickets, t[3] / (double) tickets, t[2] / (double) tickets, quiet[0], quiet[1], quiet[2]);
			});
			System.out.println();
		}

		private static String shorten(String query) {
			String one = query.replace('|', '¦').replace('`', '\'');
			return one.length() <= 160 ? one : one.substring(0, 157) + "...";
		}

	}

	/** Samples what the busy client connections wait for, until stopped. */
	private static final class WaitSampler extends Thread {

		private final Connection db;

		private final Map<String, Long> waits = new TreeMap<>();

		private final Map<Integer, Long> busy = new TreeMap<>();

		private long samples;

		private volatile boolean stop;

		WaitSampler(Connection db) {
			this.db = db;
		}

		@Override
		public void run() {
			try (Statement statement = db.createStatement()) {
				while (!stop) {
					int active = 0;
					try (ResultSet rows = statement.executeQuery("""
							select coalesce(wait_event_type || ':' || wait_event, 'CPU (no wait)'),
							       regexp_replace(left(query, 70), '\\s+', ' ', 'g')
							from pg_stat_activity where backend_type = 'client backend' and state <> 'idle'
							and pid <> pg_backend_pid()""")) {
						while (rows.next()) {
							active++;
							String wait = rows.getString(1);
							String key = wait.startsWith("Lock") ? wait + " on `" + rows.getString(2) + "`" : wait;
							waits.merge(key, 1L, Long::sum);
						}
					}
					busy.merge(active, 1L, Long::sum);
					samples++;
					Thread.sleep(20);
				}
			}
			catch (SQLException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		}

		void print() {
			System.out.printf("pg_stat_activity, %d samples: busy client connections (excluding the sampler)%n%n", samples);
			System.out.println("| Busy connections | Share of samples |");
			System.out.println("|---|---|");
			busy.forEach((count, n) -> System.out.printf("| %d | %.0f %% |%n", count, 100.0 * n / samples));
			System.out.println();
			System.out.println("| Busy connection waiting on | Per sample |");
			System.out.println("|---|---|");
			waits.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
				.forEach(e -> System.out.printf("| %s | %.2f |%n", e.getKey().replace('|', '¦'), e.getValue() / (double) samples));
			System.out.println();
		}

	}

}

package org.guichet.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * What a durable commit costs without Guichet, to compare the creation benchmark with: N threads,
 * each with its own JDBC connection, insert one ticket row and its first history row per
 * transaction for a warm-up then a measured duration, and print one Markdown row per thread
 * count (commits per second, commit latency percentiles).
 * <p>
 * H2 by default: the file database of {@code --data-dir} (seeded by {@link Seed}, which provides
 * the requesters), opened as Guichet opens it, with {@code WRITE_DELAY=0}; {@code --durable false}
 * opens it with H2's default delay (500 ms) instead. {@code --url jdbc:postgresql://… --user …}
 * for PostgreSQL, where each connection sets {@code synchronous_commit} to {@code on} (or
 * {@code off} with {@code --durable false}): the embedded server of the tests turns it off, and
 * {@code fsync} too, which a durable run refuses (a superuser can switch it on, see the message).
 * The rows it inserts stay in the database.
 */
public final class RawInsertBenchmark {

	private static final int REQUESTERS = 2000;

	private final String url;

	private final String user;

	private final String password;

	private final boolean durable;

	private RawInsertBenchmark(String url, String user, String password, boolean durable) {
		this.url = url;
		this.user = user;
		this.password = password;
		this.durable = durable;
	}

	public static void main(String[] args) throws Exception {
		BenchArguments arguments = new BenchArguments(args);
		boolean durable = Boolean.parseBoolean(arguments.get("durable", "true"));
		Path dataDir = Path.of(arguments.get("data-dir", "target/bench-data")).toAbsolutePath();
		String url = arguments.get("url", "jdbc:h2:file:" + dataDir.resolve("guichet") + ";DB_CLOSE_ON_EXIT=FALSE"
				+ (durable ? ";WRITE_DELAY=0" : ""));
		int[] threads = Arrays.stream(arguments.get("threads", "1,8,32").split(",")).mapToInt(Integer::parseInt).toArray();
		Duration warmup = Duration.ofSeconds(arguments.getInt("warmup", 3));
		Duration duration = Duration.ofSeconds(arguments.getInt("duration", 10));
		RawInsertBenchmark benchmark = new RawInsertBenchmark(url, arguments.get("user", "guichet"),
				arguments.get("password", ""), durable);
		// holds an embedded H2 database open between the runs
		try (Connection open = benchmark.connect()) {
			benchmark.requireFsync(open);
			System.out.println("| database | durable | threads | commits | commits/s | p50 (ms) | p95 (ms) | p99 (ms) |");
			System.out.println("|---|---|---|---|---|---|---|---|");
			for (int count : threads) {
				System.out.println(benchmark.run(count, warmup, duration));
			}
		}
	}

	private String run(int threads, Duration warmup, Duration duration) throws InterruptedException {
		long measureFrom = System.nanoTime() + warmup.toNanos();
		long measureUntil = measureFrom + duration.toNanos();
		List<Writer> writers = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			Writer writer = new Writer(i, measureFrom, measureUntil);
			writers.add(writer);
			writer.start();
		}
		for (Writer writer : writers) {
			writer.join();
			if (writer.failure != null) {
				throw new IllegalStateException("A writer failed", writer.failure);
			}
		}
		long[] all = writers.stream().flatMapToLong(w -> Arrays.stream(w.latencies, 0, w.count)).sorted().toArray();
		return String.format("| %s | %s | %d | %d | %.0f | %.2f | %.2f | %.2f |", url.split(":")[1], durable, threads,
				all.length, all.length / (duration.toNanos() / 1e9), LoadGenerator.percentile(all, 50),
				LoadGenerator.percentile(all, 95), LoadGenerator.percentile(all, 99));
	}

	/**
	 * A durable PostgreSQL commit needs the server's {@code fsync}, which the embedded server of
	 * the tests switches off; only a superuser may switch it back on, for the whole server.
	 */
	private void requireFsync(Connection connection) throws SQLException {
		if (!durable || !url.startsWith("jdbc:postgresql:")) {
			return;
		}
		try (Statement statement = connection.createStatement(); ResultSet fsync = statement.executeQuery("show fsync")) {
			fsync.next();
			if (!"on".equals(fsync.getString(1))) {
				throw new IllegalStateException("fsync is off on this PostgreSQL server: its commits are not durable."
						+ " Switch it on (alter system set fsync = on; select pg_reload_conf();) or pass --durable false");
			}
		}
	}

	private Connection connect() throws SQLException {
		Connection connection = DriverManager.getConnection(url, user, password);
		if (url.startsWith("jdbc:postgresql:")) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("set synchronous_commit to " + (durable ? "on" : "off"));
			}
		}
		connection.setAutoCommit(false);
		return connection;
	}

	/** One connection inserting and committing one ticket at a time. */
	private final class Writer extends Thread {

		private final Random random;

		private final long measureFrom;

		private final long measureUntil;

		private long[] latencies = new long[4096];

		private int count;

		private Exception failure;

		Writer(int index, long measureFrom, long measureUntil) {
			this.random = new Random(index);
			this.measureFrom = measureFrom;
			this.measureUntil = measureUntil;
		}

		@Override
		public void run() {
			try (Connection connection = connect();
					PreparedStatement ticket = connection.prepareStatement("""
							insert into ticket (type, title, description, requester_id, registered_by_id, channel, urgency,
							    impact, priority, status, created_at, updated_at)
							values ('INCIDENT', ?, 'Bourrage papier dans le bac 2, plus personne ne peut imprimer.', ?, ?,
							    'API', 'MEDIUM', 'LOW', 'LOW', 'NEW', ?, ?)""", new String[] { "id" });
					PreparedStatement history = connection.prepareStatement(
							"insert into ticket_history (ticket_id, at, actor_id, field, new_value) values (?, ?, ?, 'status', 'NEW')")) {
				long now = System.nanoTime();
				for (int n = 0; now < measureUntil; n++) {
					long start = now;
					insert(connection, ticket, history, n);
					now = System.nanoTime();
					if (start >= measureFrom && now <= measureUntil) {
						record(now - start);
					}
				}
			}
			catch (SQLException ex) {
				failure = ex;
			}
		}

		private void insert(Connection connection, PreparedStatement ticket, PreparedStatement history, int n)
				throws SQLException {
			long requester = 28 + random.nextInt(REQUESTERS);
			OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
			ticket.setString(1, "Imprimante du 2e étage bloquée " + getName() + "-" + n);
			ticket.setLong(2, requester);
			ticket.setLong(3, requester);
			ticket.setObject(4, at);
			ticket.setObject(5, at);
			ticket.executeUpdate();
			long id;
			try (ResultSet keys = ticket.getGeneratedKeys()) {
				keys.next();
				id = keys.getLong(1);
			}
			history.setLong(1, id);
			history.setObject(2, at);
			history.setLong(3, requester);
			history.executeUpdate();
			connection.commit();
		}

		private void record(long nanos) {
			if (count == latencies.length) {
				latencies = Arrays.copyOf(latencies, count * 2);
			}
			latencies[count++] = nanos;
		}

	}

}

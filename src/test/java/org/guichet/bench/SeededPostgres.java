package org.guichet.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server for the benchmarks without installing one: starts the embedded PostgreSQL
 * of the tests on 127.0.0.1, seeds it with {@link Seed}, prints how to point Guichet at it, and
 * stops it (deleting its data) when Enter is pressed or the process is ended. Like the tests' server,
 * it runs without {@code fsync} and with {@code synchronous_commit} off, unless {@code --durable true}.
 * {@code --statements true} loads {@code pg_stat_statements}, which {@link CreationStatements} reads.
 */
public final class SeededPostgres {

	private SeededPostgres() {
	}

	public static void main(String[] args) throws Exception {
		BenchArguments arguments = new BenchArguments(args);
		int port = arguments.getInt("port", 5433);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(port);
		if (Boolean.parseBoolean(arguments.get("durable", "false"))) {
			builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
		}
		boolean statements = Boolean.parseBoolean(arguments.get("statements", "false"));
		if (statements) {
			builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
				.setServerConfig("pg_stat_statements.max", "10000");
		}
		try (EmbeddedPostgres postgres = builder.start()) {
			String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
			Seed.main(new String[] { "--tickets", arguments.get("tickets", "100000"), "--open",
					arguments.get("open", String.valueOf(arguments.getInt("tickets", 100000) / 20)), "--data-dir",
					arguments.get("data-dir", "target/bench-pg"), "--url", url + "?reWriteBatchedInserts=true",
					"--user", "postgres", "--password", "" });
			// after the seed: Flyway refuses to start on a schema that is not empty
			if (statements) {
				try (Connection connection = postgres.getPostgresDatabase().getConnection();
						Statement statement = connection.createStatement()) {
					statement.execute("create extension if not exists pg_stat_statements");
				}
			}
			System.out.println("Start Guichet on it with:");
			System.out.println("  SPRING_DATASOURCE_URL=" + url + " SPRING_DATASOURCE_USERNAME=postgres"
					+ " java -Xmx512m -jar target/guichet.jar --guichet.data-dir=" + arguments.get("data-dir", "target/bench-pg"));
			System.out.println("Press Enter to stop PostgreSQL (its data is deleted).");
			waitForEnter();
		}
	}

	private static void waitForEnter() throws IOException {
		int read;
		do {
			read = System.in.read();
		}
		while (read != -1 && read != '\n');
	}

}

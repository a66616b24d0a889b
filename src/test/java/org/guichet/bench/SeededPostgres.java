package org.guichet.bench;

import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server for the benchmarks without installing one: starts the embedded PostgreSQL
 * of the tests on 127.0.0.1, seeds it with {@link Seed}, prints how to point Guichet at it, and
 * stops it (deleting its data) when Enter is pressed or the process is ended. Like the tests' server,
 * it runs without {@code fsync} and with {@code synchronous_commit} off, unless {@code --durable true}.
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
		try (EmbeddedPostgres postgres = builder.start()) {
			String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
			Seed.main(new String[] { "--tickets", arguments.get("tickets", "100000"), "--open",
					arguments.get("open", String.valueOf(arguments.getInt("tickets", 100000) / 20)), "--data-dir",
					arguments.get("data-dir", "target/bench-pg"), "--url", url + "?reWriteBatchedInserts=true",
					"--user", "postgres", "--password", "" });
			System.out.println("Start Guichet on it with:");
			System.out.println("  SPRING_DATASOURCE_URL=" + url + " SPRING_DATASOURCE_USERNAME=postgres"
					+ " GUICHET_LINKS_KEY=$(openssl rand -base64 32) GUICHET_BASE_URL=http://localhost:8080"
					+ " java -Xmx512m -jar target/guichet.jar --guichet.data-dir=./" + arguments.get("data-dir", "target/bench-pg"));
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

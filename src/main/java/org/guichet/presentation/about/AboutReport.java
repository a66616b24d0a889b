package org.guichet.presentation.about;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The tool page's data, measured at {@code asOf}: what Guichet is, what of it this desk uses, the
 * deployment it runs on, the resources it takes and the software it needs. The JSON of
 * {@code GET /api/v1/about}.
 *
 * @param product the product and its build
 * @param features the features in use with their counts, in the page's order
 * @param deployment what the deployment is made of
 * @param resources what it takes now
 * @param prerequisites the software it needs
 * @param asOf when it was measured
 */
public record AboutReport(Product product, List<Feature> features, Deployment deployment, Resources resources,
		Prerequisites prerequisites, Instant asOf) {

	public AboutReport {
		features = List.copyOf(features);
	}

	/**
	 * @param name the product's name
	 * @param type what kind of product it is ({@value AboutReports#PRODUCT_TYPE})
	 * @param licence the licence's name, from the build; null when the application was not built by Maven
	 * @param version the version, from the build; null likewise
	 * @param builtAt when it was built, null likewise
	 * @param commit the Git commit it was built from (abbreviated), null when built outside a Git repository
	 * @param committedAt that commit's time, null likewise
	 */
	public record Product(String name, String type, @Nullable String licence, @Nullable String version,
			@Nullable Instant builtAt, @Nullable String commit, @Nullable Instant committedAt) {
	}

	/**
	 * A feature in use and how many of its things are configured.
	 *
	 * @param key what is counted: {@code categories}, {@code groups.N1}, {@code users.TECHNICIAN}…
	 * (the page's label is {@code about.feature.<key>})
	 * @param count how many, 0 or more
	 */
	public record Feature(String key, long count) {
	}

	/**
	 * @param processors the processors this node's Java machine may use
	 * @param memory this node's Java heap
	 * @param disk the space the data takes and the room left
	 */
	public record Resources(int processors, Memory memory, Disk disk) {
	}

	/**
	 * This node's Java heap, in bytes.
	 *
	 * @param heapUsed in use now
	 * @param heapCommitted reserved from the system now
	 * @param heapMax the most it may grow to ({@code -Xmx} or the Java default), null when unlimited
	 */
	public record Memory(long heapUsed, long heapCommitted, @Nullable Long heapMax) {
	}

	/**
	 * Disk space, in bytes.
	 *
	 * @param databaseBytes the database's size (the H2 file, or PostgreSQL's {@code pg_database_size}); null
	 * when it cannot be measured from here (an in-memory or remote H2, another database)
	 * @param attachmentFiles files attached to tickets
	 * @param attachmentBytes their sizes added up; they are stored in the database, inside {@code databaseBytes}
	 * @param dataDirectory the data folder ({@code guichet.data-dir}), absolute
	 * @param freeBytes room left for Guichet on the data folder's file system
	 * @param totalBytes that file system's size
	 */
	public record Disk(@Nullable Long databaseBytes, long attachmentFiles, long attachmentBytes, String dataDirectory,
			long freeBytes, long totalBytes) {
	}

	/**
	 * @param javaRequired the Java version the application is built for (its least)
	 * @param javaRunning the Java version running this node
	 * @param h2Version the version of the embedded H2 shipped with the application, null when unknown
	 * @param postgresqlMinimum the oldest PostgreSQL major version Guichet runs on ({@link #POSTGRESQL_MINIMUM})
	 */
	public record Prerequisites(@Nullable String javaRequired, String javaRunning, @Nullable String h2Version,
			int postgresqlMinimum) {
	}

	/**
	 * The oldest PostgreSQL major version Guichet runs on: its schema stores a generated column
	 * ({@code ticket.in_queue}) and each connection sets {@code plan_cache_mode}, both from
	 * PostgreSQL 12 (docs/CONFIGURATION.md, "PostgreSQL").
	 */
	public static final int POSTGRESQL_MINIMUM = 12;

}

package org.guichet.presentation.about;

/** What kind of database a deployment runs on, told by its JDBC URL. */
public enum DatabaseKind {

	/** H2 embedded in the application's process, stored in a file. */
	H2_FILE,
	/** H2 embedded in the application's process, in memory only (tests). */
	H2_MEMORY,
	/** An H2 server reached over the network. */
	H2_SERVER,
	/** A PostgreSQL server. */
	POSTGRESQL,
	/** Any other database. */
	OTHER;

	/** True when the database runs inside the application's own process. */
	public boolean embedded() {
		return this == H2_FILE || this == H2_MEMORY;
	}

}

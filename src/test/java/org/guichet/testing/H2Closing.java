package org.guichet.testing;

import java.sql.SQLException;

import org.h2.api.DatabaseEventListener;

/**
 * Says on the standard error who closes an in-memory test database, and which errors H2 met outside
 * a statement: the shared database is meant to live as long as the test JVM, and once
 * it was seen closed in the middle of a build with nothing saying why (every later test failing
 * with "The database has been closed"). H2 creates one per database, through
 * {@code DATABASE_EVENT_LISTENER} in {@link TestDatabase}'s URLs.
 */
public final class H2Closing implements DatabaseEventListener {

	private volatile String url = "?";

	@Override
	public void init(String url) {
		this.url = url;
	}

	@Override
	public void closingDatabase() {
		new Throwable("H2 closes " + url + " on thread " + Thread.currentThread().getName()
				+ " (expected only as the test JVM ends)").printStackTrace();
	}

	/** Only the errors outside a statement: a statement's own reaches its caller (a duplicate key, say). */
	@Override
	public void exceptionThrown(SQLException e, String sql) {
		if (sql == null) {
			System.err.println("H2 met an error on " + url + " outside a statement");
			e.printStackTrace();
		}
	}

}

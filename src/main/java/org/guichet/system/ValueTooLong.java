package org.guichet.system;

import java.sql.SQLException;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * Recognises the database's refusal of a text longer than its column (SQL state 22001 on H2 and
 * PostgreSQL): the safety net behind the services' own length checks, answered 400
 * {@code request.too-long} by the API and the pages rather than as a conflict.
 */
final class ValueTooLong {

	static final String CODE = "request.too-long";

	private static final String STRING_DATA_RIGHT_TRUNCATION = "22001";

	private ValueTooLong() {
	}

	/** Whether the database refused the change because a value is too long for its column. */
	static boolean causes(DataIntegrityViolationException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && STRING_DATA_RIGHT_TRUNCATION.equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

}

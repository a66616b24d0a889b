package org.guichet.reporting.review;

import org.guichet.system.InvalidInputException;

/**
 * The {@code month} of a service review was refused (400): missing, not {@code YYYY-MM}, or a
 * month that has not begun. The API's problem names the {@code field} ({@code month}), the
 * {@code reason} ({@code missing}, {@code format} or {@code future}) and the {@code expected}
 * format ({@code YYYY-MM}).
 */
class InvalidReviewMonthException extends InvalidInputException {

	static final String EXPECTED = "YYYY-MM";

	InvalidReviewMonthException(String reason, String value, String englishMessage) {
		super("month", "review.month." + reason, englishMessage, value, EXPECTED);
		property("reason", reason);
		property("expected", EXPECTED);
	}

}

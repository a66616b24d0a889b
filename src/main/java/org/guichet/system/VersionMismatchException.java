package org.guichet.system;

import org.jspecify.annotations.Nullable;

/**
 * A change was made on an older version of a record than the one stored: someone changed it
 * since it was read. Nothing was saved; the client reads it again ({@code currentVersion}) and
 * resends. Every record refuses a stale change with it, so that the API answers 412 with the
 * current version (in {@code currentVersion} and the {@code ETag}) whatever the record, and a page
 * shows the form again with what was typed.
 */
public class VersionMismatchException extends DomainException {

	private final long currentVersion;

	/**
	 * @param currentVersion the version stored now
	 */
	public VersionMismatchException(long currentVersion) {
		this(currentVersion, "record.version-stale",
				"This record changed since you read it: read it again and send its new version", currentVersion);
	}

	/**
	 * As {@link #VersionMismatchException(long)}, saying it as the record's page says it.
	 *
	 * @param currentVersion the version stored now
	 * @param messageKey e.g. {@code calendar.stale}
	 * @param arguments the message's arguments, e.g. the record's name
	 */
	public VersionMismatchException(long currentVersion, String messageKey, String englishMessage,
			Object... arguments) {
		super(IfMatch.HEADER, messageKey, englishMessage, arguments);
		this.currentVersion = currentVersion;
		property("currentVersion", currentVersion);
	}

	/** The version stored now. */
	public long currentVersion() {
		return currentVersion;
	}

	/**
	 * {@code record.version-stale}, with the current version and how to send the change again,
	 * whatever the record's page says ({@link #messageKey()} speaks of the form shown again), unless
	 * a record's API words it otherwise (a ticket).
	 */
	@Override
	public String apiMessageKey() {
		return "record.version-stale";
	}

	/** The current version, for {@code record.version-stale}. */
	@Override
	public Object[] apiArguments() {
		return new Object[] { currentVersion };
	}

	/**
	 * @param expected the version the change was made on
	 * @param current the version stored now
	 * @throws VersionMismatchException when they differ
	 */
	public static void check(long expected, long current) {
		if (expected != current) {
			throw new VersionMismatchException(current);
		}
	}

	/**
	 * As {@link #check(long, long)}, in the record's own words.
	 *
	 * @param expected the version the change was made on; null checks nothing (a change that may
	 *        name no version)
	 * @param current the version stored now
	 * @param messageKey the refusal's key, given {@code arguments}
	 * @throws VersionMismatchException when {@code expected} is given and differs from {@code current}
	 */
	public static void check(@Nullable Long expected, long current, String messageKey, String englishMessage,
			Object... arguments) {
		if (expected != null && expected != current) {
			throw new VersionMismatchException(current, messageKey, englishMessage, arguments);
		}
	}

	@Override
	public int status() {
		return 412;
	}

}

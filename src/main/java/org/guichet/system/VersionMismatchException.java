package org.guichet.system;

/**
 * A change was made on an older version of a record than the one stored: someone changed it
 * since it was read. Nothing was saved; the client reads it again ({@code currentVersion}) and
 * resends. Answered 412 by the API; a page shows the form again with what was typed.
 */
public class VersionMismatchException extends DomainException {

	private final long currentVersion;

	/**
	 * @param currentVersion the version stored now
	 */
	public VersionMismatchException(long currentVersion) {
		this("record.version-stale", "This record changed since you read it: read it again and send its new version",
				currentVersion);
	}

	/**
	 * As {@link #VersionMismatchException(long)}, saying it as the record's page says it.
	 *
	 * @param messageKey e.g. {@code catalogue.admin.item.stale}, given {@code currentVersion} as {0}
	 */
	public VersionMismatchException(String messageKey, String englishMessage, long currentVersion) {
		super(IfMatch.HEADER, messageKey, englishMessage, currentVersion);
		this.currentVersion = currentVersion;
		property("currentVersion", currentVersion);
	}

	/** The version stored now. */
	public long currentVersion() {
		return currentVersion;
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

	@Override
	public int status() {
		return 412;
	}

}

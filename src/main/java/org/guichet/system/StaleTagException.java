package org.guichet.system;

/**
 * A change was made on an older state of a record whose ETag is not a version number (a form's
 * stamp, a digest of settings) than the one stored: nothing was saved. Answered 412 with the
 * stored ETag in {@code currentETag}, as {@link VersionMismatchException} answers with
 * {@code currentVersion}; a page shows the form again with what was typed.
 */
public class StaleTagException extends DomainException {

	private final String currentTag;

	/**
	 * @param messageKey what the page says, e.g. {@code catalogue.admin.form.stale}
	 * @param currentTag the tag stored now, without quotes
	 */
	public StaleTagException(String messageKey, String englishMessage, String currentTag) {
		super(IfMatch.HEADER, messageKey, englishMessage);
		this.currentTag = IfMatch.etag(currentTag);
		property("currentETag", this.currentTag);
	}

	/**
	 * {@code record.tag-stale}, with the current tag and how to send the change again, whatever
	 * the record's page says ({@link #messageKey()} speaks of the form shown again).
	 */
	@Override
	public String apiMessageKey() {
		return "record.tag-stale";
	}

	/** The current tag, quoted, for {@code record.tag-stale}. */
	@Override
	public Object[] apiArguments() {
		return new Object[] { currentTag };
	}

	@Override
	public int status() {
		return 412;
	}

}

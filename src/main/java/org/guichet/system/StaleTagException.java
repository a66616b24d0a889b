package org.guichet.system;

/**
 * A change was made on an older state of a record whose ETag is not a version number (a form's
 * stamp, a digest of settings) than the one stored: nothing was saved. Answered 412 with the
 * stored ETag in {@code currentETag}, as {@link VersionMismatchException} answers with
 * {@code currentVersion}; a page shows the form again with what was typed.
 */
public class StaleTagException extends DomainException {

	/**
	 * @param messageKey what the page and the API say, e.g. {@code catalogue.admin.form.stale}
	 * @param currentTag the tag stored now, without quotes
	 */
	public StaleTagException(String messageKey, String englishMessage, String currentTag) {
		super(IfMatch.HEADER, messageKey, englishMessage);
		property("currentETag", IfMatch.etag(currentTag));
	}

	@Override
	public int status() {
		return 412;
	}

}

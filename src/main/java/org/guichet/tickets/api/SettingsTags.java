package org.guichet.tickets.api;

import java.nio.charset.StandardCharsets;

import org.guichet.system.IfMatch;
import org.guichet.system.StaleTagException;
import org.jspecify.annotations.Nullable;
import org.springframework.util.DigestUtils;

/**
 * The entity tags of the desk's settings, which have no version: a digest of their values, so
 * that a tag changes exactly when one of them does, and the If-Match check of a replacement.
 */
final class SettingsTags {

	private SettingsTags() {
	}

	/**
	 * The settings' entity tag, quoted.
	 *
	 * @param settings a value whose {@code toString} lists every value (a record, the same text as
	 *        the admin forms' {@code loaded} field)
	 */
	static String etag(Object settings) {
		return IfMatch.etag(digest(settings));
	}

	private static String digest(Object settings) {
		return DigestUtils.md5DigestAsHex(settings.toString().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @param ifMatch the header as sent; null, blank or {@code *} checks nothing
	 * @throws StaleTagException ({@code record.tag-stale}) when {@code ifMatch} names other
	 *         settings than {@code current}
	 * @throws IfMatch.WeakTagException (412) when {@code ifMatch} is a weak tag, which never matches
	 */
	static void unchangedSince(@Nullable String ifMatch, Object current) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
			return;
		}
		if (!IfMatch.strongTag(ifMatch).equals(digest(current))) {
			throw new StaleTagException("record.tag-stale",
					"These settings changed since you read them: read them again and send their new ETag",
					digest(current));
		}
	}

}

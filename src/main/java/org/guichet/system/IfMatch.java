package org.guichet.system;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Reads the version a change of the API was made on: {@code If-Match: "<version>"} (the ETag the
 * record was read with), or the {@code version} member of the body. The header wins when both
 * are sent; {@code If-Match: *} is not a version. Which of the two named it is kept for the
 * request, so that a stale change's refusal names the one the client sent ({@link #source()}).
 * {@code If-Match} compares strongly (RFC 9110, 13.1.1): a weak tag ({@code W/"3"}) never matches,
 * whatever it names, and is refused {@code 412} {@code request.if-match-weak}
 * ({@link WeakTagException}).
 */
public final class IfMatch {

	/** The header's name, also the {@code field} of its refusals. */
	public static final String HEADER = "If-Match";

	/** The body's member that names the version when the header does not. */
	static final String BODY_MEMBER = "version";

	private static final String SOURCE = IfMatch.class.getName() + ".source";

	private IfMatch() {
	}

	/**
	 * @param ifMatch the header as sent, null or blank when absent
	 * @param bodyVersion the body's version, null when absent
	 * @return the version named, null when neither names one
	 * @throws InvalidInputException on {@code If-Match} ({@code request.if-match-invalid}) when the
	 *         header holds no number, e.g. {@code *}
	 * @throws WeakTagException (412) when the header holds a weak tag
	 */
	public static @Nullable Long expected(@Nullable String ifMatch, @Nullable Long bodyVersion) {
		if (ifMatch == null || ifMatch.isBlank()) {
			if (bodyVersion != null) {
				remember(BODY_MEMBER);
			}
			return bodyVersion;
		}
		String tag = unquoted(ifMatch);
		try {
			long version = Long.parseLong(tag);
			remember(HEADER);
			return version;
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(HEADER, "request.if-match-invalid",
					"If-Match must hold the record's ETag, e.g. \"3\"", ifMatch);
		}
	}

	/**
	 * As {@link #expected}, for a change that must name its version.
	 *
	 * @throws VersionRequiredException (428) when neither names one
	 */
	public static long required(@Nullable String ifMatch, @Nullable Long bodyVersion) {
		Long version = expected(ifMatch, bodyVersion);
		if (version == null) {
			throw new VersionRequiredException("version");
		}
		return version;
	}

	/**
	 * As {@link #required}, for a record whose ETag is not a number, e.g. the stamp {@code "12.3"}
	 * of a catalogue form.
	 *
	 * @param bodyTag the body's tag, null or blank when absent
	 * @param shape what a tag of such a record looks like
	 * @param bodyMember the body's member that holds the tag, e.g. {@code stamp}: named by the 428
	 * @return the tag named, without its quotes
	 * @throws InvalidInputException on {@code If-Match} ({@code request.if-match-invalid}) when
	 *         the header holds no tag of that shape, e.g. {@code *}
	 * @throws WeakTagException (412) when the header holds a weak tag
	 * @throws VersionRequiredException (428) when neither names one
	 */
	public static String requiredTag(@Nullable String ifMatch, @Nullable String bodyTag, Pattern shape,
			String bodyMember) {
		if (ifMatch != null && !ifMatch.isBlank()) {
			String tag = unquoted(ifMatch);
			if (!shape.matcher(tag).matches()) {
				throw new InvalidInputException(HEADER, "request.if-match-invalid",
						"If-Match must hold the record's ETag, as reading it gave it", ifMatch);
			}
			return tag;
		}
		if (bodyTag == null || bodyTag.isBlank()) {
			throw new VersionRequiredException(bodyMember);
		}
		remember(bodyMember);
		return bodyTag.strip();
	}

	/**
	 * @return where the current request named the version its change was made on: {@link #HEADER},
	 *         or the body's member (e.g. {@code version}); {@link #HEADER} when it named none or
	 *         outside a request
	 */
	static String source() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		return request != null && request.getAttribute(SOURCE, RequestAttributes.SCOPE_REQUEST) instanceof String source
				? source : HEADER;
	}

	private static void remember(String source) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(SOURCE, source, RequestAttributes.SCOPE_REQUEST);
		}
	}

	/** The ETag of a record whose tag is not a number, quoted. */
	public static String etag(String tag) {
		return "\"" + tag + "\"";
	}

	/**
	 * @param ifMatch the header as sent, not blank
	 * @return the tag it names, without its quotes ({@code *} as it is)
	 * @throws WeakTagException (412) when it is a weak tag, which never matches
	 */
	public static String strongTag(String ifMatch) {
		return unquoted(ifMatch);
	}

	private static String unquoted(String ifMatch) {
		String tag = ifMatch.strip();
		if (tag.startsWith("W/")) {
			throw new WeakTagException(ifMatch);
		}
		if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
			tag = tag.substring(1, tag.length() - 1);
		}
		return tag;
	}

	/** The ETag of a record at that version, quoted. */
	public static String etag(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * {@code If-Match} named a weak tag ({@code W/"3"}), which the strong comparison {@code If-Match}
	 * uses never matches (RFC 9110, 13.1.1): 412 {@code request.if-match-weak}, nothing changed.
	 * Guichet sends strong tags only; a proxy that compresses answers may have weakened one.
	 */
	public static final class WeakTagException extends DomainException {

		WeakTagException(String ifMatch) {
			super(HEADER, "request.if-match-weak",
					"If-Match compares strongly: a weak ETag never matches; send the ETag without W/", ifMatch);
		}

		@Override
		public int status() {
			return 412;
		}

	}

	/** A change that must name the version it was made on did not. */
	public static final class VersionRequiredException extends DomainException {

		VersionRequiredException(String bodyMember) {
			super(HEADER, "record.version-required",
					"Send If-Match with the record's ETag, or its " + bodyMember + " in the body", bodyMember);
		}

		@Override
		public int status() {
			return 428;
		}

	}

}

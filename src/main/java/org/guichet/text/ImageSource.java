package org.guichet.text;

import java.util.regex.Pattern;

/**
 * Which images a text may show. External images are never shown (they would tell a third party
 * who reads the ticket and when: tracking pixels); only files Guichet serves itself, with the
 * reader's own rights, are.
 */
@FunctionalInterface
public interface ImageSource {

	/** No image at all: each one becomes a link or its text. */
	ImageSource NONE = src -> false;

	/**
	 * The attached files served under one path: {@code prefix} followed by a numeric id and
	 * nothing else (no query, no fragment, no {@code ../}).
	 *
	 * @param prefix a server path such as {@code /tickets/12/attachments/}, starting and ending
	 *     with {@code /}
	 * @throws IllegalArgumentException when the prefix is not such a path
	 */
	static ImageSource attachmentsUnder(String prefix) {
		if (!prefix.startsWith("/") || prefix.startsWith("//") || !prefix.endsWith("/")
				|| !prefix.matches("[/a-z0-9_-]+")) {
			throw new IllegalArgumentException("Not an attachment path: " + prefix);
		}
		Pattern allowed = Pattern.compile(Pattern.quote(prefix) + "[0-9]{1,18}");
		return src -> allowed.matcher(src).matches();
	}

	/**
	 * @param src the image's address as written, after HTML entities were decoded
	 * @return whether the reader's browser may load it
	 */
	boolean allows(String src);

}

package org.guichet.directory;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The language of a page shown to a known person who is not signed in (the page of a signed
 * link in a mail): set on the request before the page is rendered, it comes before the browser's
 * {@code Accept-Language}, as a signed-in person's profile does.
 */
public final class PageLanguage {

	static final String ATTRIBUTE = PageLanguage.class.getName();

	private PageLanguage() {
	}

	/** Renders the rest of this request in {@code language} ({@code fr}, {@code en}); null leaves the usual choice. */
	public static void use(HttpServletRequest request, @Nullable String language) {
		if (language != null) {
			request.setAttribute(ATTRIBUTE, language);
		}
	}

	/** The language set for this request; null when none. */
	public static @Nullable String of(HttpServletRequest request) {
		return request.getAttribute(ATTRIBUTE) instanceof String language ? language : null;
	}

}

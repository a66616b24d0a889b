package org.guichet.reporting.review;

import java.util.Locale;

import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** The language a service review is written in: {@code lang=fr|en}, else the reader's. */
final class ReviewLanguage {

	private ReviewLanguage() {
	}

	/**
	 * @param lang {@code fr} or {@code en} (any case), null or blank for the reader's language
	 * @param reader the reader's language (profile, browser, else the desk's default)
	 * @throws InvalidInputException for another value (field {@code lang})
	 */
	static Locale of(@Nullable String lang, Locale reader) {
		if (lang == null || lang.isBlank()) {
			return reader;
		}
		return switch (lang.strip().toLowerCase(Locale.ROOT)) {
			case "fr" -> Locale.FRENCH;
			case "en" -> Locale.ENGLISH;
			default -> throw new InvalidInputException("lang", "review.lang-unknown",
					"lang: \"" + lang + "\" is not a language of the review; give fr or en", lang);
		};
	}

}

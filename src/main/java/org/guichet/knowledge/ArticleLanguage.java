package org.guichet.knowledge;

import java.util.Locale;

/** The language an article is written in; an article has at most one translation, in the other. */
public enum ArticleLanguage {

	FR, EN;

	/** The other language: the one its translation is written in. */
	public ArticleLanguage other() {
		return this == FR ? EN : FR;
	}

	/** French for a French reader, English for anyone else. */
	public static ArticleLanguage of(Locale locale) {
		return "fr".equals(locale.getLanguage()) ? FR : EN;
	}

}

package org.guichet.knowledge;

import org.guichet.text.ImageSource;
import org.guichet.text.RichText;
import org.jsoup.Jsoup;

/** An article's Markdown as the words a reader sees, for the index and its excerpts. */
final class PlainText {

	private static final RichText RENDERER = new RichText();

	private PlainText() {
	}

	/** The words as rendered by {@link RichText}, without any markup; empty for a blank text. */
	static String of(String markdown) {
		String html = RENDERER.html(markdown, ImageSource.NONE);
		return html.isEmpty() ? "" : Jsoup.parse(html).text();
	}

}

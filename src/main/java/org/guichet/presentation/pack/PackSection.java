package org.guichet.presentation.pack;

/**
 * One page of the pack: a file of the site and a chapter of the PDF.
 *
 * @param file its file name in the site, e.g. {@code reference.html} (flat: every page at the root)
 * @param title its title, in the navigation and the PDF's outline
 * @param styles the CSS its body needs (scoped to its own classes), may be empty
 * @param body its HTML content, without {@code html}, {@code head} or {@code body} element; links
 *     to other pages name their file, e.g. {@code dossier-1042.html}
 */
public record PackSection(String file, String title, String styles, String body) {

	/** The id of the section's anchor in the PDF: its file name without {@code .html}. */
	public String anchor() {
		return file.endsWith(".html") ? file.substring(0, file.length() - 5) : file;
	}

}

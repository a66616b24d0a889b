package org.guichet.text;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The HTML of a mail someone sent, made safe to show and readable as plain text. The same
 * sanitiser as {@link RichText} with a wider safe list (a mail's layout: div, span, tables…) and
 * without any CSS: no script, style, frame, form, object or event handler, no {@code style},
 * {@code class} or size attribute (nothing escapes its box), no remote content: an image on the
 * web becomes a link to it (the reader chooses to load it), an image of the mail itself keeps its
 * {@code cid:} address for the caller to rewrite, any other one becomes its description.
 * docs/MAIL.md says what is kept.
 */
public final class MailHtml {

	private static final HtmlSanitiser SANITISER = HtmlSanitiser.forMail();

	private static final ImageSource PARTS_OF_THE_MAIL = src -> src.regionMatches(true, 0, "cid:", 0, 4);

	private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0]+");

	private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
			"blockquote", "pre", "table", "hr", "ul", "ol", "dl", "dt", "dd", "caption");

	private MailHtml() {
	}

	/**
	 * @param html a mail's HTML part, a whole document or a fragment, however malformed
	 * @return a safe HTML fragment (no {@code html} or {@code body} element), never null; empty
	 *     for blank input
	 */
	public static String sanitise(String html) {
		if (html.isBlank()) {
			return "";
		}
		return SANITISER.clean(html, PARTS_OF_THE_MAIL, Map.of());
	}

	/**
	 * The text a reader sees in the HTML: one line per block (paragraph, div, list item, table
	 * row, line break), table cells apart by a space, spaces collapsed outside {@code pre}, an image as its description, no
	 * more than one empty line in a row.
	 *
	 * @param html any HTML, sanitised or not (script and style contents are not text)
	 * @return the text, trimmed, never null
	 */
	public static String text(String html) {
		if (html.isBlank()) {
			return "";
		}
		Element body = Jsoup.parse(html).body();
		body.select("script, style, head, title, template").remove();
		StringBuilder out = new StringBuilder();
		body.traverse(new NodeVisitor() {

			private int preDepth;

			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode text) {
					String words = preDepth > 0 ? text.getWholeText() : SPACES.matcher(text.getWholeText()).replaceAll(" ");
					if (preDepth == 0 && (out.isEmpty() || out.charAt(out.length() - 1) == '\n')) {
						words = words.stripLeading();
					}
					out.append(words);
				}
				else if (node instanceof Element element) {
					String tag = element.normalName();
					if (tag.equals("pre")) {
						preDepth++;
					}
					if (tag.equals("img") && !element.attr("alt").isBlank()) {
						out.append(element.attr("alt"));
					}
					if (BLOCKS.contains(tag)) {
						newLine(out);
					}
					else if ((tag.equals("td") || tag.equals("th")) && !out.isEmpty()
							&& !Character.isWhitespace(out.charAt(out.length() - 1))) {
						out.append(' ');
					}
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (node instanceof Element element) {
					if (element.normalName().equals("pre")) {
						preDepth--;
					}
					if (BLOCKS.contains(element.normalName()) && !element.normalName().equals("br")) {
						newLine(out);
					}
				}
			}
		});
		return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
	}

	private static void newLine(StringBuilder out) {
		if (!out.isEmpty()) {
			out.append('\n');
		}
	}

}

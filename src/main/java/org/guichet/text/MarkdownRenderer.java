package org.guichet.text;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown to HTML, before sanitising. Raw HTML in the text is escaped (shown as typed), not
 * passed through, and link addresses with a dangerous scheme are emptied already here; the
 * sanitiser is the second, independent line.
 */
final class MarkdownRenderer {

	/** At most this many mentions are read from one text. */
	static final int MAX_MENTIONS = 20;

	/** {@code @login} in prose; group 1 is the login. */
	static final Pattern MENTION = Pattern
		.compile("(?<![\\p{L}\\p{N}_.@/+-])@([\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.-]*[\\p{L}\\p{N}_])?)");

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(),
			StrikethroughExtension.create(), AutolinkExtension.create());

	private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

	private final HtmlRenderer renderer = HtmlRenderer.builder()
		.extensions(EXTENSIONS)
		.escapeHtml(true)
		.sanitizeUrls(true)
		.softbreak("<br>")
		.build();

	String render(String markdown) {
		return renderer.render(parser.parse(markdown));
	}

	Set<String> mentions(String markdown) {
		Set<String> found = new LinkedHashSet<>();
		parser.parse(markdown).accept(new AbstractVisitor() {
			@Override
			public void visit(Text text) {
				Matcher matcher = MENTION.matcher(text.getLiteral());
				while (matcher.find() && found.size() < MAX_MENTIONS) {
					found.add(matcher.group(1));
				}
			}

			@Override
			public void visit(Link link) {
				// The words of a link are its label, not a call to someone.
			}

			@Override
			public void visit(Image image) {
				// Nor is an image's description.
			}
		});
		return found;
	}

}

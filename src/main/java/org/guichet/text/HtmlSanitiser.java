package org.guichet.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Keeps only what Markdown may produce (or, {@link #forMail()}, what a mail's HTML needs to be
 * read) and a page may safely show: no script, style, frame, form, event handler or CSS; links
 * only to http, https, mailto or a path of this site; images only from the source the caller
 * allows.
 */
final class HtmlSanitiser {

	/**
	 * Relative links are resolved against it to check their scheme, and kept relative; where
	 * they are not kept (a mail's), a link or image resolved against it is dropped.
	 */
	private static final String BASE = "https://guichet.invalid/";

	private static final Pattern WEB = Pattern.compile("(?i)https?://.+");

	private static final Safelist SAFELIST = new Safelist()
		.addTags("p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "h1", "h2", "h3",
				"h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td", "a", "img")
		.addAttributes("a", "href", "title")
		.addAttributes("img", "src", "alt", "title")
		.addAttributes("ol", "start")
		.addAttributes("th", "align")
		.addAttributes("td", "align")
		.addProtocols("a", "href", "http", "https", "mailto")
		.addProtocols("img", "src", "http", "https")
		.preserveRelativeLinks(true);

	/**
	 * A mail's layout elements on top of the Markdown ones, without any attribute that sizes or
	 * styles (no {@code style}, {@code class}, {@code width}): nothing can cover the page around
	 * it. Images keep their {@code cid:} address (a part of the same mail) or a web one, which
	 * the caller's {@link ImageSource} then turns into a link.
	 */
	private static final Safelist MAIL_SAFELIST = new Safelist()
		.addTags("p", "br", "div", "span", "b", "i", "u", "s", "strong", "em", "del", "sub", "sup", "small", "code",
				"pre", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
				"table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "a", "img")
		.addAttributes("a", "href", "title")
		.addAttributes("img", "src", "alt", "title")
		.addAttributes("ol", "start")
		.addAttributes("th", "align", "colspan", "rowspan")
		.addAttributes("td", "align", "colspan", "rowspan")
		.addProtocols("a", "href", "http", "https", "mailto")
		.addProtocols("img", "src", "http", "https", "cid");

	private final Cleaner cleaner;

	/** The sanitiser of rendered Markdown. */
	HtmlSanitiser() {
		this(SAFELIST);
	}

	private HtmlSanitiser(Safelist safelist) {
		this.cleaner = new Cleaner(safelist);
	}

	/** The sanitiser of a mail's HTML (see {@link #MAIL_SAFELIST}). */
	static HtmlSanitiser forMail() {
		return new HtmlSanitiser(MAIL_SAFELIST);
	}

	/**
	 * @param mentioned the logins to show as mentions, each with its person's full name; a login
	 *     in a link or in code stays as written
	 */
	String clean(String html, ImageSource images, Map<String, String> mentioned) {
		Document document = cleaner.clean(Jsoup.parseBodyFragment(html, BASE));
		for (Element image : document.select("img")) {
			keepOrReplace(image, images);
		}
		for (Element link : document.select("a")) {
			if (link.attr("href").isBlank() || link.attr("href").startsWith(BASE)) {
				link.unwrap();
				continue;
			}
			link.attr("rel", "noopener noreferrer nofollow").attr("target", "_blank");
		}
		if (!mentioned.isEmpty()) {
			markMentions(document.body(), mentioned);
		}
		document.outputSettings().prettyPrint(false);
		return document.body().html();
	}

	/**
	 * Wraps each {@code @login} of {@code mentioned} in the prose's text (not in a link, code or
	 * pre) in a mention element, built node by node so that the name is always escaped.
	 */
	private static void markMentions(Element body, Map<String, String> mentioned) {
		List<TextNode> texts = new ArrayList<>();
		body.traverse((node, depth) -> {
			if (node instanceof TextNode text && text.parent() != null && text.parent().closest("a, code, pre") == null) {
				texts.add(text);
			}
		});
		for (TextNode text : texts) {
			String content = text.getWholeText();
			Matcher matcher = MarkdownRenderer.MENTION.matcher(content);
			List<Node> parts = new ArrayList<>();
			int from = 0;
			while (matcher.find()) {
				String name = mentioned.get(matcher.group(1));
				if (name == null) {
					continue;
				}
				parts.add(new TextNode(content.substring(from, matcher.start())));
				Element mention = new Element("span").addClass("mention").attr("title", name).text(matcher.group());
				mention.appendElement("span").addClass("visually-hidden").text(" (" + name + ")");
				parts.add(mention);
				from = matcher.end();
			}
			if (from > 0) {
				parts.add(new TextNode(content.substring(from)));
				for (Node part : parts) {
					text.before(part);
				}
				text.remove();
			}
		}
	}

	/**
	 * An image the source allows stays; another one becomes a link to it when it is on the web
	 * (the reader chooses to load it), or else its description.
	 */
	private static void keepOrReplace(Element image, ImageSource images) {
		String src = image.attr("src");
		if (images.allows(src)) {
			image.attr("loading", "lazy");
			return;
		}
		String label = image.attr("alt").isBlank() ? src : image.attr("alt");
		if (WEB.matcher(src).matches() && !src.startsWith(BASE)) {
			Element link = new Element("a").attr("href", src).text(label);
			image.replaceWith(link);
		}
		else {
			image.replaceWith(new TextNode(image.attr("alt")));
		}
	}

}

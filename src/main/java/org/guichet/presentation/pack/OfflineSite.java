package org.guichet.presentation.pack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Makes the pack's pages work without the application: a link stays only when it names a page of
 * the site, an anchor, or an outside address a reader may follow (http, https, mailto); any other
 * (the application's own pages, e.g. a flowchart shape's link to its admin page) keeps its text
 * without the link. Nothing is loaded from outside: an image, style sheet or script whose address
 * is neither a data URI nor a file of the site is removed.
 */
final class OfflineSite {

	private static final List<String> OUTSIDE = List.of("http:", "https:", "mailto:");

	private OfflineSite() {
	}

	/**
	 * A fragment of HTML with its links made offline.
	 *
	 * @param files the site's files; links to them stay, rewritten by {@code target}
	 * @param target what a link to a file of the site becomes (the file itself in the site, an anchor in the PDF)
	 */
	static String offline(String html, Set<String> files, Function<String, String> target) {
		Document document = Jsoup.parseBodyFragment(html);
		document.outputSettings().prettyPrint(false);
		for (Element link : document.select("a")) {
			String attribute = link.hasAttr("href") ? "href" : link.hasAttr("xlink:href") ? "xlink:href" : null;
			if (attribute == null) {
				continue;
			}
			String href = link.attr(attribute).strip();
			String file = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
			if (href.startsWith("#") || isOutside(href)) {
				continue;
			}
			if (files.contains(file)) {
				link.attr(attribute, target.apply(href));
			}
			else {
				link.unwrap();
			}
		}
		for (Element resource : document.select("img[src], script[src], link[href], iframe, object, embed")) {
			String address = resource.hasAttr("src") ? resource.attr("src") : resource.attr("href");
			if (!address.startsWith("data:") && !files.contains(address)) {
				resource.remove();
			}
		}
		return document.body().html();
	}

	/** An SVG document without its links (each shape keeps its drawing), as an XML file of the site. */
	static String svgWithoutLinks(String svg) {
		Document document = Jsoup.parse(svg, "", Parser.xmlParser());
		document.outputSettings().prettyPrint(false).syntax(Document.OutputSettings.Syntax.xml);
		document.select("a").forEach(Element::unwrap);
		return document.outerHtml();
	}

	private static boolean isOutside(String href) {
		String lower = href.toLowerCase(Locale.ROOT);
		return OUTSIDE.stream().anyMatch(lower::startsWith);
	}

	/** The file names of the sections. */
	static Set<String> files(List<PackSection> sections, Set<String> others) {
		Set<String> files = sections.stream().map(PackSection::file).collect(Collectors.toCollection(LinkedHashSet::new));
		files.addAll(others);
		return files;
	}

	/**
	 * Writes the site as a ZIP: each page under {@code folder/}, then the other files as given.
	 *
	 * @param pages each page's file name and its whole HTML document
	 * @param others each other file's name and bytes (e.g. the flowchart as SVG)
	 */
	static void zip(String folder, Map<String, String> pages, Map<String, byte[]> others, OutputStream out)
			throws IOException {
		ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		for (Map.Entry<String, String> page : pages.entrySet()) {
			zip.putNextEntry(new ZipEntry(folder + "/" + page.getKey()));
			zip.write(page.getValue().getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		for (Map.Entry<String, byte[]> file : others.entrySet()) {
			zip.putNextEntry(new ZipEntry(folder + "/" + file.getKey()));
			zip.write(file.getValue());
			zip.closeEntry();
		}
		zip.finish();
		zip.flush();
	}

}

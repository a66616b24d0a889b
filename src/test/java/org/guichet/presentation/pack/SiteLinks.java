package org.guichet.presentation.pack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What would break a page of the offline site: a link to a file the site has not, or anything
 * loaded from elsewhere than the site or a data URI.
 */
final class SiteLinks {

	private SiteLinks() {
	}

	/**
	 * @param files the site's files, relative to the page
	 * @return each problem as "what: address", empty when the page works offline
	 */
	static List<String> problems(String html, Set<String> files) {
		Document page = Jsoup.parse(html);
		List<String> problems = new ArrayList<>();
		for (Element link : page.select("a[href], a[xlink:href]")) {
			String href = link.hasAttr("href") ? link.attr("href") : link.attr("xlink:href");
			String lower = href.toLowerCase(Locale.ROOT);
			if (href.startsWith("#") || lower.startsWith("mailto:") || lower.startsWith("http:")
					|| lower.startsWith("https:")) {
				continue;
			}
			String file = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
			if (!files.contains(file)) {
				problems.add("link to a missing file: " + href);
			}
		}
		for (Element resource : page.select("img, script, link, iframe, object, embed, image, use")) {
			for (String attribute : List.of("src", "href", "xlink:href", "data")) {
				String address = resource.attr(attribute);
				if (address.isEmpty() || address.startsWith("data:") || address.startsWith("#")) {
					continue;
				}
				if (!files.contains(address)) {
					problems.add("loads " + resource.tagName() + " from outside the site: " + address);
				}
			}
		}
		for (Element style : page.select("style")) {
			if (style.data().contains("url(http") || style.data().contains("@import")) {
				problems.add("style loads from outside: " + style.data().strip().lines().findFirst().orElse(""));
			}
		}
		return problems;
	}

}

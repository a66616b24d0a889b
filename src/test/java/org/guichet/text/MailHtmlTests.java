package org.guichet.text;

import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class MailHtmlTests {

	private static final Set<String> TAGS = Set.of("p", "br", "div", "span", "b", "i", "u", "s", "strong", "em", "del",
			"sub", "sup", "small", "code", "pre", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3",
			"h4", "h5", "h6", "hr", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "a", "img");

	private static final Set<String> ATTRIBUTES = Set.of("href", "title", "rel", "target", "src", "alt", "loading",
			"start", "align", "colspan", "rowspan");

	@ParameterizedTest
	@MethodSource("org.guichet.text.XssCorpus#payloads")
	void noKnownXssPayloadInAMailLeavesAnythingExecutableOrRemote(String payload) {
		String html = MailHtml.sanitise("<html><body><div>" + payload + "</div></body></html>");
		assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script", "<svg", "<iframe", "<style", "<math");
		for (Element element : Jsoup.parseBodyFragment(html).body().children().select("*")) {
			assertThat(element.tagName()).as(html).isIn(TAGS);
			for (Attribute attribute : element.attributes()) {
				assertThat(attribute.getKey()).as(html).isIn(ATTRIBUTES);
			}
			if (element.hasAttr("href")) {
				assertThat(element.attr("href")).as(html).matches("(?i)(https?://|mailto:).*");
			}
			if (element.hasAttr("src")) {
				assertThat(element.attr("src")).as(html).startsWithIgnoringCase("cid:");
			}
		}
	}

	@Test
	void anImageOfTheMailKeepsItsCidAndARemoteOneBecomesALinkNothingLoads() {
		String html = MailHtml.sanitise("<img src=\"cid:logo@x\" alt=\"Logo\" width=\"4000\">"
				+ "<img src=\"https://tracker.example/p.gif\" alt=\"pixel\"><img src=\"data:image/png;base64,AAAA\" alt=\"inline\">");
		assertThat(html).isEqualTo("<img src=\"cid:logo@x\" alt=\"Logo\" loading=\"lazy\">"
				+ "<a href=\"https://tracker.example/p.gif\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">pixel</a>inline");
	}

	@Test
	void noStyleClassOrSizeLetsTheMailCoverThePageAndARelativeLinkKeepsOnlyItsWords() {
		String html = MailHtml.sanitise("<head><style>body{display:none}</style></head>"
				+ "<div class=\"x\" style=\"position:fixed;inset:0\"><table width=\"3000\"><tr><td style=\"width:3000px\">a</td></tr></table>"
				+ "<a href=\"/admin/users\">admin</a></div>");
		assertThat(html).isEqualTo("<div><table><tbody><tr><td>a</td></tr></tbody></table>admin</div>");
	}

	@Test
	void theTextOfMailHtmlHasOneLinePerBlockAtMostOneEmptyLineBetweenAndCellsApart() {
		String text = MailHtml.text("<p>Bonjour,</p><div>Le  poste<br>PC-042</div><table><tr><td>Bureau</td><td>B12</td></tr></table>"
				+ "<pre>a  b\n c</pre><script>alert(1)</script><img alt=\"logo\">");
		assertThat(text).isEqualTo("Bonjour,\n\nLe poste\nPC-042\n\nBureau B12\n\na  b\n c\nlogo");
	}

	@Test
	void blankHtmlGivesEmptyStrings() {
		assertThat(MailHtml.sanitise("  ")).isEmpty();
		assertThat(MailHtml.text("\n")).isEmpty();
	}

}

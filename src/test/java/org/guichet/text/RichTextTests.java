package org.guichet.text;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RichTextTests {

	private static final ImageSource TICKET_1 = ImageSource.attachmentsUnder("/tickets/1/attachments/");

	private static final Set<String> TAGS = Set.of("p", "br", "strong", "em", "del", "code", "pre", "blockquote",
			"ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td",
			"a", "img");

	private static final Set<String> ATTRIBUTES = Set.of("href", "title", "src", "alt", "start", "align", "rel",
			"target", "loading");

	private static final Pattern SAFE_HREF = Pattern
		.compile("(https?://|mailto:|/|#)\\S*|[^:/?#\\s]+([/?#]\\S*)?");

	private final RichText richText = new RichText();

	@Test
	void plainTextWrittenBeforeKeepsItsLineBreaks() {
		assertThat(richText.html("The printer is jammed.\nSince this morning.\n\nThanks", ImageSource.NONE))
			.isEqualTo("<p>The printer is jammed.<br>Since this morning.</p>\n<p>Thanks</p>\n");
	}

	@Test
	void rawHtmlIsShownAsTypedNeverInterpreted() {
		String html = richText.html("Paste of <b>bold</b> and <script>alert(1)</script>", ImageSource.NONE);
		assertThat(html).contains("&lt;b&gt;bold&lt;/b&gt;").contains("&lt;script&gt;").doesNotContain("<b>");
	}

	@Test
	void markdownFormattingIsRendered() {
		String html = richText.html("""
				**bold** *it* ~~old~~ `code`

				- one
				- two

				| A | B |
				|---|---|
				| 1 | 2 |
				""", ImageSource.NONE);
		assertThat(html).contains("<strong>bold</strong>", "<em>it</em>", "<del>old</del>", "<code>code</code>",
				"<li>one</li>", "<th>A</th>", "<td>2</td>");
	}

	@Test
	void linksAndBareAddressesOpenInANewTabWithoutGivingItThePage() {
		String html = richText.html("See https://example.org/kb and [the doc](http://example.org/doc).",
				ImageSource.NONE);
		List<Element> links = Jsoup.parseBodyFragment(html).select("a");
		assertThat(links).extracting(a -> a.attr("href"))
			.containsExactly("https://example.org/kb", "http://example.org/doc");
		assertThat(links).allSatisfy(a -> {
			assertThat(a.attr("rel")).isEqualTo("noopener noreferrer nofollow");
			assertThat(a.attr("target")).isEqualTo("_blank");
		});
	}

	@Test
	void pathsOfThisSiteStayRelativeLinks() {
		String html = richText.html("[ticket 3](/agent/tickets/3)", ImageSource.NONE);
		assertThat(Jsoup.parseBodyFragment(html).selectFirst("a").attr("href")).isEqualTo("/agent/tickets/3");
	}

	@Test
	void aJavascriptLinkKeepsItsWordsButIsNoLink() {
		String html = richText.html("[click me](javascript:alert(1))", ImageSource.NONE);
		assertThat(html).contains("click me").doesNotContainIgnoringCase("javascript").doesNotContain("<a");
	}

	@Test
	void anImageAttachedToTheTicketIsShown() {
		String html = richText.html("![screenshot](/tickets/1/attachments/42)", TICKET_1);
		Element image = Jsoup.parseBodyFragment(html).selectFirst("img");
		assertThat(image.attr("src")).isEqualTo("/tickets/1/attachments/42");
		assertThat(image.attr("alt")).isEqualTo("screenshot");
	}

	@Test
	void anImageOfAnotherTicketOrAnotherPathIsNotLoaded() {
		assertThat(richText.html("![other](/tickets/2/attachments/42)", TICKET_1)).doesNotContain("<img");
		assertThat(richText.html("![up](/tickets/1/attachments/../../admin)", TICKET_1)).doesNotContain("<img");
		assertThat(richText.html("![q](/tickets/1/attachments/4?x=1)", TICKET_1)).doesNotContain("<img");
	}

	@Test
	void anExternalImageBecomesALinkTheReaderMayFollowNeverAPixelLoadedForThem() {
		String html = richText.html("![logo](https://tracker.example/p.gif)", TICKET_1);
		assertThat(html).doesNotContain("<img");
		Element link = Jsoup.parseBodyFragment(html).selectFirst("a");
		assertThat(link.attr("href")).isEqualTo("https://tracker.example/p.gif");
		assertThat(link.text()).isEqualTo("logo");
	}

	@Test
	void anAttachmentPathMustBeAPlainServerPath() {
		assertThatThrownBy(() -> ImageSource.attachmentsUnder("https://evil.example/"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> ImageSource.attachmentsUnder("//evil.example/"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void nothingWrittenGivesNothing() {
		assertThat(richText.html(null, ImageSource.NONE)).isEmpty();
		assertThat(richText.html("  \n", ImageSource.NONE)).isEmpty();
	}

	@Test
	void mentionsAreTheLoginsCalledInTheProse() {
		assertThat(richText.mentions("@bob could you look? cc @j.dupont, @tech-2. Thanks @bob"))
			.containsExactly("bob", "j.dupont", "tech-2");
	}

	@Test
	void anAddressACodeOrALinkMentionsNobody() {
		assertThat(richText.mentions("""
				Write to alice@example.org or see [@carol](https://example.org).
				`@dave` is a decorator

				    @erin in an indented block
				""")).isEmpty();
	}

	@Test
	void mentionsWithUnderscoresSurviveMarkdownEmphasis() {
		assertThat(richText.mentions("ask @jean_pierre_m now")).containsExactly("jean_pierre_m");
	}

	@Test
	void theCorpusHoldsEnoughPayloads() {
		assertThat(XssCorpus.payloads()).hasSizeGreaterThanOrEqualTo(40);
	}

	@Test
	void aMentionOfSomeoneCalledInShowsTheirNameToEyesAndScreenReaders() {
		String html = new RichText(login -> login.equals("tina") ? "Tina Tech" : null)
			.htmlWithMentions("Ask @tina, not @bob. **@tina** again", "/tickets/1/attachments/");
		assertThat(html).isEqualTo("<p>Ask <span class=\"mention\" title=\"Tina Tech\">@tina<span"
				+ " class=\"visually-hidden\"> (Tina Tech)</span></span>, not @bob. <strong><span class=\"mention\""
				+ " title=\"Tina Tech\">@tina<span class=\"visually-hidden\"> (Tina Tech)</span></span></strong>"
				+ " again</p>\n");
	}

	@Test
	void aMentionInCodeALinkOrAnAddressOrInAPlainRenderingStaysText() {
		RichText naming = new RichText(login -> "Someone");
		String html = naming.htmlWithMentions("""
				Write to alice@example.org or see [@carol](https://example.org).
				`@dave` is a decorator

				    @erin in an indented block
				""", "/tickets/1/attachments/");
		assertThat(html).doesNotContain("mention");
		assertThat(naming.html("Ask @tina", TICKET_1)).isEqualTo("<p>Ask @tina</p>\n");
	}

	@Test
	void aNameIsAlwaysEscaped() {
		String html = new RichText(login -> "<img src=x onerror=alert(1)>\" onmouseover=\"alert(2)")
			.htmlWithMentions("Ask @tina", "/tickets/1/attachments/");
		Element mention = Jsoup.parseBodyFragment(html).selectFirst("span.mention");
		assertThat(mention.attributes().size()).isEqualTo(2);
		assertThat(mention.attr("title")).isEqualTo("<img src=x onerror=alert(1)>\" onmouseover=\"alert(2)");
		assertThat(Jsoup.parseBodyFragment(html).select("img")).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("org.guichet.text.XssCorpus#payloads")
	void noKnownXssPayloadLeavesAnythingExecutable(String payload) {
		assertSafe(richText.html(payload, TICKET_1), false);
	}

	@ParameterizedTest
	@MethodSource("org.guichet.text.XssCorpus#payloads")
	void noKnownXssPayloadLeavesAnythingExecutableWhenEveryLoginIsSomeone(String payload) {
		RichText naming = new RichText(login -> "<script>alert('" + login + "')</script>");
		assertSafe(naming.htmlWithMentions(payload + " @tina", "/tickets/1/attachments/"), true);
	}

	/** Only the safe list's tags and attributes; with mentions, their spans with a class and a title. */
	private static void assertSafe(String html, boolean mentions) {
		assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script", "<svg", "<iframe", "<style", "<math");
		for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
			if (element.tagName().equals("body")) {
				continue;
			}
			if (mentions && element.tagName().equals("span")) {
				assertThat(element.className()).as(html).isIn("mention", "visually-hidden");
				assertThat(element.attributes().asList()).as(html)
					.allSatisfy(attribute -> assertThat(attribute.getKey()).isIn("class", "title"));
				continue;
			}
			assertThat(element.tagName()).as(html).isIn(TAGS);
			for (Attribute attribute : element.attributes()) {
				assertThat(attribute.getKey()).as(html).isIn(ATTRIBUTES);
			}
			if (element.hasAttr("href")) {
				assertThat(element.attr("href")).as(html).matches(SAFE_HREF);
			}
			if (element.hasAttr("src")) {
				assertThat(TICKET_1.allows(element.attr("src"))).as(html).isTrue();
			}
		}
	}

}

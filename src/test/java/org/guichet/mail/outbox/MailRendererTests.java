package org.guichet.mail.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.guichet.mail.MailKind;
import org.guichet.mail.MailNotice;
import org.guichet.mail.templates.MailTemplate;
import org.guichet.mail.templates.MailTemplates;
import org.guichet.system.CacheGenerations;
import org.guichet.mail.templates.MailTemplatesTests;
import org.guichet.text.RichText;
import org.guichet.text.XssCorpus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mails as written, with the application's bundle, template, Markdown renderer and an H2
 * database for the administrators' texts: default and edited texts, the reply in its mail, and
 * every value inert in the HTML part and readable in the text part.
 */
class MailRendererTests {

	private static final String XSS_TITLE = "<img src=x onerror=alert(1)>";

	private static final String XSS_REPLY = "Try this:\n\n<script>alert('reply')</script>\n\n[click](javascript:alert(2))";

	private JdbcTemplate jdbc;

	private MailTemplates templates;

	private MailRenderer renderer;

	@BeforeEach
	void setUp() throws Exception {
		jdbc = MailTemplatesTests.database();
		templates = new MailTemplates(jdbc, MailTemplatesTests.messages(), Clock.systemUTC(),
				new CacheGenerations(jdbc, Clock.systemUTC(), Duration.ofSeconds(1)));
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setCharacterEncoding("UTF-8");
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		MailSettings settings = new MailSettings("Guichet <guichet@desk.example>", "", "https://desk.example", "",
				Duration.ofSeconds(5), 100, 10, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMinutes(30), 2);
		renderer = new MailRenderer(MailTemplatesTests.messages(), engine, settings, templates, new RichText());
	}

	@Test
	void withoutEditedTextsTheMailSaysTheBundlesTextsInBothParts() {
		RenderedMail mail = renderer.render(MailNotice.of(MailKind.RECEIVED, 1042, "Printer on fire", "/portal/tickets/1042"),
				"Alice Martin", Locale.ENGLISH);

		assertThat(mail.subject()).isEqualTo("[#1042] Request received: Printer on fire");
		String lead = "Your request #1042 “Printer on fire” is registered. The IT team answers you on its page and by e-mail.";
		assertThat(mail.text()).startsWith("Hello Alice Martin,\n\n" + lead + "\n\n")
			.contains("Open the ticket #1042: https://desk.example/portal/tickets/1042");
		assertThat(Jsoup.parse(mail.html()).text()).contains("Hello Alice Martin,", lead);
		assertThat(mail.html()).doesNotContain("<h1").as("the reference is words, not a heading");
	}

	@Test
	void theTextPartWritesItsLinksAsTheLanguageDoes() {
		MailNotice resolved = MailNotice.resolved(1042, "Imprimante", "/portal/tickets/1042", "/links/ticket/a",
				"/links/ticket/r", null);

		assertThat(renderer.render(resolved, "Alice Martin", Locale.FRENCH).text())
			.contains("Accepter la solution : https://desk.example/links/ticket/a\n");
		assertThat(renderer.render(resolved, "Alice Martin", Locale.ENGLISH).text())
			.contains("Accept the solution: https://desk.example/links/ticket/a\n");
	}

	@Test
	void theResolvedMailShowsTheSolutionToAcceptOrRefuse() {
		MailNotice resolved = MailNotice.resolved(1042, "Imprimante", "/portal/tickets/1042", "/links/ticket/a",
				"/links/ticket/r", "Bourrage retiré, **rouleau changé**.");

		RenderedMail french = renderer.render(resolved, "Alice Martin", Locale.FRENCH);
		assertThat(french.text()).contains("La solution :\n\nBourrage retiré, **rouleau changé**.");
		assertThat(french.html()).contains("La solution :").contains("<strong>rouleau changé</strong>");
		assertThat(renderer.render(resolved, "Alice Martin", Locale.ENGLISH).text())
			.contains("The solution:\n\nBourrage retiré");
	}

	@Test
	void editedTextsAreUsedByTheNextMailWithTheirPlaceholdersFilledAndTheirMarkdownRendered() {
		templates.save(MailKind.RECEIVED, "en", 0, "We have {ticket}: {title}",
				"Thanks {name}.\n\nRead **the guide** at [our help](https://desk.example/help) about {title}.", 1);

		RenderedMail mail = renderer.render(MailNotice.of(MailKind.RECEIVED, 7, "Wi-Fi *down*", "/portal/tickets/7"),
				"Bob", Locale.ENGLISH);

		assertThat(mail.subject()).isEqualTo("[#7] We have #7: Wi-Fi *down*");
		assertThat(mail.text()).contains("Thanks Bob.\n\nRead **the guide** at [our help](https://desk.example/help) about Wi-Fi *down*.");
		assertThat(mail.html()).contains("<strong>the guide</strong>", "href=\"https://desk.example/help\"",
				"about Wi-Fi *down*.").as("the title's stars are words").doesNotContain("<em>down</em>");
		assertThat(Jsoup.parse(mail.html()).text()).contains("Thanks Bob.", "Read the guide at our help about Wi-Fi *down*.");
		RenderedMail french = renderer.render(MailNotice.of(MailKind.RECEIVED, 7, "Wi-Fi", "/portal/tickets/7"), "Bob",
				Locale.FRENCH);
		assertThat(french.subject()).as("the other language keeps its texts").isEqualTo("[#7] Demande reçue : Wi-Fi");
	}

	@Test
	void aPublicReplysMailShowsTheReplyItsAuthorAndItsFilesInBothParts() {
		MailNotice notice = MailNotice.replied(1042, "VPN", "/portal/tickets/1042", new MailNotice.Reply("Camille Durand",
				"Restart the client.\n\n- then **log in** again", List.of("vpn-guide.pdf", "screen.png")));

		RenderedMail mail = renderer.render(notice, "Alice", Locale.ENGLISH);

		assertThat(mail.subject()).isEqualTo("[#1042] New reply: VPN");
		assertThat(mail.html()).contains("<p>Restart the client.</p>", "<strong>log in</strong>", "Camille Durand wrote:",
				"<li>vpn-guide.pdf</li>", "<li>screen.png</li>");
		assertThat(mail.text()).contains("Camille Durand wrote:\n\nRestart the client.\n\n- then **log in** again\n\n"
				+ "Files attached to the reply (on the page of the request):\n- vpn-guide.pdf\n- screen.png\n");
	}

	@Test
	void aTitleANameAndAReplyWithMarkupAreInertInTheHtmlPartAndReadableInTheTextPart() {
		MailNotice notice = MailNotice.replied(5, XSS_TITLE, "/portal/tickets/5",
				new MailNotice.Reply("<b onmouseover=alert(3)>Eve</b>", XSS_REPLY, List.of("<svg onload=alert(4)>.png")));

		RenderedMail mail = renderer.render(notice, "<i>Mallory</i>", Locale.ENGLISH);

		assertInert(mail.html());
		assertThat(Jsoup.parse(mail.html()).text()).contains(XSS_TITLE, "<script>alert('reply')</script>",
				"<b onmouseover=alert(3)>Eve</b> wrote:", "<svg onload=alert(4)>.png", "Hello <i>Mallory</i>,");
		assertThat(mail.text()).contains("“" + XSS_TITLE + "”", "<script>alert('reply')</script>",
				"<svg onload=alert(4)>.png", "Hello <i>Mallory</i>,");
		assertThat(mail.subject()).isEqualTo("[#5] New reply: " + XSS_TITLE);
	}

	@Test
	void everyPayloadOfTheXssCorpusIsInertAsATitleAReplyAndInEditedTexts() {
		templates.save(MailKind.STATUS_CHANGED, "en", 0, "{title}", "**{what}** for {name} [help](https://desk.example)", 1);
		for (String payload : XssCorpus.payloads()) {
			assertInert(renderer.render(MailNotice.replied(5, payload, "/portal/tickets/5",
					new MailNotice.Reply(payload, payload, List.of(payload))), payload, Locale.ENGLISH).html());
			assertInert(renderer.render(MailNotice.told(MailKind.STATUS_CHANGED, 5, payload, "/portal/tickets/5",
					"notification.requester.reopened", List.of("#5", payload)), payload, Locale.ENGLISH).html());
			assertInert(renderer.render(MailNotice.of(MailKind.RECEIVED, 5, "t", "/portal/tickets/5"), "n",
					Locale.ENGLISH, new MailTemplate("{title}", payload)).html());
		}
	}

	@Test
	void aSubjectStaysOneLineWhateverItsValues() {
		RenderedMail mail = renderer.render(MailNotice.of(MailKind.RECEIVED, 5, "Two\r\nBcc: x@evil.example", "/p"),
				"n", Locale.ENGLISH);
		assertThat(mail.subject()).isEqualTo("[#5] Request received: Two Bcc: x@evil.example");
	}

	/** Nothing of the mail's HTML runs or loads, and its links with a scheme go to the web or to a mail. */
	private static void assertInert(String html) {
		assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script", "<svg", "<iframe", "<img", "<math", "<object",
				"<embed", "<form");
		for (Element element : Jsoup.parse(html).select("*")) {
			for (Attribute attribute : element.attributes()) {
				assertThat(attribute.getKey()).as(html).doesNotStartWith("on");
			}
			if (element.hasAttr("href") && element.attr("href").matches("(?s)[^/?#]*:.*")) {
				// a link with a scheme goes to the web or to a mail; one without is a path, inert in a mail
				assertThat(element.attr("href")).as(html).matches("(?i)(https?://|mailto:).*");
			}
		}
	}

}

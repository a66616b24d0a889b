package org.guichet.mail.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.mail.ingest.Ingested.Outcome;
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Comment;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The XSS messages of the mail corpus (bodies, subjects, display names, file names), ingested as
 * new tickets and as follow-ups, read on the agent's and the requester's ticket pages and on the
 * original-mail page by a real browser whose Content-Security-Policy is switched off, so that only
 * the sanitisers stand between a payload and its execution. A payload that ran would open an
 * alert (which fails the next step), set {@code window.__xss}, or change the title.
 */
@GuichetIntegrationTest
class MailXssBrowserIT {

	private static final List<String> CORPUS = List.of("xss-html-body.eml", "xss-subject.eml", "xss-filename.eml",
			"xss-in-text-part.eml", "xss-data-uri-and-base.eml");

	private static final String PROBE = "return [window.__xss === undefined, document.title, document.querySelectorAll("
			+ "['script', 'iframe', 'object', 'embed', 'svg', 'math', 'style', 'form', 'input', 'base', 'meta', 'link',"
			+ " '[style]', '[srcdoc]'].map(s => 'main .rich-text ' + s).join(', ')).length,"
			+ " Array.from(document.querySelectorAll('main *')).filter(e => Array.from(e.attributes)"
			+ ".some(a => a.name.startsWith('on'))).length]";

	@RegisterExtension
	static final Browser browser = new Browser(Duration.ofSeconds(20));

	@Autowired
	private MailIngestion ingestion;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private TestFixtures fixtures;

	@BeforeAll
	static void bypassTheContentSecurityPolicy() {
		// Only the sanitisers protect the pages here: the site's CSP would block inline scripts.
		((ChromeDriver) browser.driver()).executeCdpCommand("Page.setBypassCSP", Map.of("enabled", true));
	}

	@Test
	void theXssMailsRenderInertOnTheAgentAndPortalPagesAndTheirOriginals() {
		User requester = fixtures.user("xss-mailer", Role.REQUESTER);
		User technician = fixtures.user("xss-reader", Role.TECHNICIAN);
		SupportGroup group = fixtures.group(SupportLevel.N1, technician);
		MailboxPolicy mailbox = new MailboxPolicy(1, "support@guichet.example", group.getId(), TicketType.INCIDENT,
				null, UnknownSenders.REFUSE, List.of(), List.of(), 25_000_000);
		List<Long> opened = new ArrayList<>();
		List<String> originals = new ArrayList<>();
		for (String file : CORPUS) {
			Ingested ticket = ingestion.ingest(mailbox, corpus(file, requester.getEmail(), ""));
			assertThat(ticket.outcome()).as(file).isEqualTo(Outcome.TICKET_CREATED);
			opened.add(ticket.ticketId());
			Ingested reply = ingestion.ingest(mailbox,
					corpus(file, requester.getEmail(), "[#" + ticket.ticketId() + "] "));
			assertThat(reply.outcome()).as(file + " answered").isEqualTo(Outcome.FOLLOW_UP);
			List<Comment> comments = tickets.view(new TicketId(ticket.ticketId()), TestFixtures.current(technician))
				.comments();
			originals.add("/mail/originals/" + ticket.ticketId() + "/" + comments.get(comments.size() - 1).getId());
		}

		browser.logIn(technician);
		for (long id : opened) {
			readInert("/agent/tickets/" + id);
		}
		for (String original : originals) {
			readInert(original);
		}
		browser.resize(Browser.DESKTOP);
		browser.open(originals.get(2));
		browser.screenshot("mail-original-agent.png");
		browser.open("/agent/tickets/" + opened.get(2));
		browser.scrollTo(browser.find(org.openqa.selenium.By.cssSelector(".timeline-list li:last-child")));
		browser.screenshot("mail-follow-up-agent.png");

		browser.logIn(requester);
		for (long id : opened) {
			readInert("/portal/tickets/" + id);
		}
		for (String original : originals) {
			readInert(original);
		}
		browser.resize(Browser.PHONE);
		browser.open(originals.get(0));
		assertThat(browser.fitsTheWindow()).as("the original fits a phone").isTrue();
		browser.screenshot("mail-original-portal-phone.png");
		browser.open("/portal/tickets/" + opened.get(2));
		assertThat(browser.fitsTheWindow()).as("the ticket page fits a phone").isTrue();
		browser.scrollTo(browser.find(org.openqa.selenium.By.cssSelector(".timeline-list li:last-child")));
		browser.screenshot("mail-follow-up-portal-phone.png");
		browser.resize(Browser.DESKTOP);
	}

	private static void readInert(String path) {
		browser.open(path);
		String title = browser.driver().getTitle();
		assertInert(path, title);
		browser.script("document.querySelectorAll('main *').forEach(e => ['mouseover', 'mouseenter', 'focus', 'load',"
				+ " 'error'].forEach(t => e.dispatchEvent(new Event(t))))");
		assertInert(path, title);
	}

	private static void assertInert(String path, String title) {
		List<?> probe = (List<?>) browser.script(PROBE);
		assertThat(probe.get(0)).as(path + ": window.__xss untouched").isEqualTo(true);
		assertThat(probe.get(1)).as(path + ": title untouched").isEqualTo(title);
		assertThat(probe.get(2)).as(path + ": no active element in a mail's text").isEqualTo(0L);
		assertThat(probe.get(3)).as(path + ": no event handler attribute").isEqualTo(0L);
	}

	/**
	 * A corpus message from {@code from}, with a Message-ID of its own, its payloads setting
	 * {@code window.__xss} as well as alerting, and {@code subjectPrefix} before its subject.
	 */
	private static byte[] corpus(String file, String from, String subjectPrefix) {
		String text;
		try (InputStream in = MailXssBrowserIT.class.getResourceAsStream("/mail/corpus/" + file)) {
			text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		text = text.replaceFirst("(?im)^From:.*$", "From: Mallory <" + from + ">")
			.replaceFirst("(?im)^Message-ID:.*$", "Message-ID: <" + UUID.randomUUID() + "@xss.example>")
			.replaceFirst("(?im)^Subject: ?", "Subject: " + subjectPrefix)
			.replace("alert(", "(window.__xss=1)&&alert(");
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

}

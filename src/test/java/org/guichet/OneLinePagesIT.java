package org.guichet;

import java.net.http.HttpResponse;
import java.util.Map;

import org.guichet.directory.Role;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages refuse a name or a title holding a line break or a tab as the API does
 * ({@code field.one-line}): the form comes back with the field's error and what was typed, and
 * nothing is saved. A browser's text input holds no line break, but a POST can, and a tab can be
 * pasted.
 */
@GuichetIntegrationTest
@DatabaseNeutral
class OneLinePagesIT {

	/** What {@code field.one-line} and the forms' {@code OneLine} say, in English (the test desk's language). */
	private static final String ONE_LINE = "Write this on one line";

	@LocalServerPort
	int port;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	WebSession administrator;

	@BeforeEach
	void signIn() throws Exception {
		administrator = WebSession.signedIn("http://localhost:" + port, fixtures.user("oneline-admin", Role.ADMINISTRATOR));
	}

	@Test
	void theTitleOfANewTicketOnTheRequestersPortalIsRefusedOnItsFieldAndKept() throws Exception {
		WebSession portal = WebSession.signedIn("http://localhost:" + port,
				fixtures.user("oneline-requester", Role.REQUESTER));

		refusedAndKept(portal.submit("/portal/tickets/new", "/portal/tickets/new", Map.of("type", "INCIDENT", "title",
				"Imprimante\r\nBcc: oneline@example.org", "description", "Kept description", "urgency", "MEDIUM")),
				"select count(*) from ticket where title like '%oneline@example.org%'", "Bcc: oneline@example.org",
				"Kept description");
	}

	@Test
	void theNameOfAnSlaPolicyIsRefusedOnItsFieldAndKept() throws Exception {
		refusedAndKept(administrator.submit("/admin/sla-policies/new", "/admin/sla-policies/new",
				Map.of("name", "Standard\tOneLineSla")), "select count(*) from sla_policy where name like '%OneLineSla%'",
				"OneLineSla");
	}

	@Test
	void theNameOfACalendarIsRefusedOnItsFieldAndKept() throws Exception {
		refusedAndKept(administrator.submit("/admin/calendars/new", "/admin/calendars/new",
				Map.of("name", "Paris\nOneLineCalendar")),
				"select count(*) from business_calendar where name like '%OneLineCalendar%'", "OneLineCalendar");
	}

	@Test
	void theLabelsOfACatalogueSectionAreRefusedOnTheirFieldsAndKept() throws Exception {
		refusedAndKept(administrator.submit("/admin/catalogue", "/admin/catalogue/sections",
				Map.of("labelFr", "Accès\r\nOneLineSection", "labelEn", "Access")),
				"select count(*) from catalogue_section where label_fr like '%OneLineSection%'", "OneLineSection");
	}

	@Test
	void theNameOfACannedReplyIsRefusedOnItsFieldAndKept() throws Exception {
		refusedAndKept(administrator.submit("/agent/replies/new", "/agent/replies/new",
				Map.of("name", "Relance\tOneLineReply", "body", "Kept body")),
				"select count(*) from canned_reply where name like '%OneLineReply%'", "OneLineReply", "Kept body");
	}

	@Test
	void theTitleOfAKnowledgeArticleIsRefusedOnItsFieldAndKept() throws Exception {
		refusedAndKept(administrator.submit("/agent/knowledge/new", "/agent/knowledge/new",
				Map.of("title", "VPN\r\nOneLineArticle", "body", "Kept body", "kind", "FAQ", "audience", "INTERNAL")),
				"select count(*) from article where title like '%OneLineArticle%'", "OneLineArticle", "Kept body");
	}

	@Test
	void theNameOfASavedViewIsRefusedAndKept() throws Exception {
		HttpResponse<String> answer = administrator.submit("/agent", "/agent/views", Map.of("name", "Mes\tOneLineView"));

		assertThat(answer.statusCode()).isEqualTo(302);
		refusedAndKept(administrator.get(answer.headers().firstValue("Location").orElseThrow()
			.replaceFirst("^https?://[^/]+", "")), "select count(*) from saved_view where name like '%OneLineView%'",
				"OneLineView");
	}

	/**
	 * Checks that the page came back with the one-line refusal and {@code kept}, and that
	 * {@code countSql} counts nothing saved.
	 */
	private void refusedAndKept(HttpResponse<String> answer, String countSql, String... kept) {
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains(ONE_LINE).contains(kept);
		assertThat(jdbc.queryForObject(countSql, Integer.class)).isZero();
	}

}

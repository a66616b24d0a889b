package org.guichet;

import java.net.http.HttpResponse;
import java.util.Map;

import org.guichet.directory.Role;
import org.guichet.directory.User;
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
		User requester = fixtures.user("oneline-requester", Role.REQUESTER);
		WebSession portal = WebSession.signedIn("http://localhost:" + port, requester);

		String page = refused(portal.submit("/portal/tickets/new", "/portal/tickets/new", Map.of("type", "INCIDENT",
				"title", "Imprimante\r\nBcc: oneline@example.org", "description", "Kept description", "urgency", "MEDIUM")));

		assertThat(page).contains("Bcc: oneline@example.org", "Kept description");
		assertThat(count("select count(*) from ticket where title like '%oneline@example.org%'")).isZero();
	}

	@Test
	void theNameOfAnSlaPolicyIsRefusedOnItsFieldAndKept() throws Exception {
		String page = refused(administrator.submit("/admin/sla-policies/new", "/admin/sla-policies/new",
				Map.of("name", "Standard\tOneLineSla")));

		assertThat(page).contains("OneLineSla");
		assertThat(count("select count(*) from sla_policy where name like '%OneLineSla%'")).isZero();
	}

	@Test
	void theNameOfACalendarIsRefusedOnItsFieldAndKept() throws Exception {
		String page = refused(administrator.submit("/admin/calendars/new", "/admin/calendars/new",
				Map.of("name", "Paris\nOneLineCalendar")));

		assertThat(page).contains("OneLineCalendar");
		assertThat(count("select count(*) from business_calendar where name like '%OneLineCalendar%'")).isZero();
	}

	@Test
	void theLabelsOfACatalogueSectionAreRefusedOnTheirFieldsAndKept() throws Exception {
		String page = refused(administrator.submit("/admin/catalogue", "/admin/catalogue/sections",
				Map.of("labelFr", "Accès\r\nOneLineSection", "labelEn", "Access")));

		assertThat(page).contains("OneLineSection");
		assertThat(count("select count(*) from catalogue_section where label_fr like '%OneLineSection%'")).isZero();
	}

	@Test
	void theNameOfACannedReplyIsRefusedOnItsFieldAndKept() throws Exception {
		String page = refused(administrator.submit("/agent/replies/new", "/agent/replies/new",
				Map.of("name", "Relance\tOneLineReply", "body", "Kept body")));

		assertThat(page).contains("OneLineReply", "Kept body");
		assertThat(count("select count(*) from canned_reply where name like '%OneLineReply%'")).isZero();
	}

	@Test
	void theTitleOfAKnowledgeArticleIsRefusedOnItsFieldAndKept() throws Exception {
		String page = refused(administrator.submit("/agent/knowledge/new", "/agent/knowledge/new",
				Map.of("title", "VPN\r\nOneLineArticle", "body", "Kept body", "kind", "FAQ", "audience", "INTERNAL")));

		assertThat(page).contains("OneLineArticle", "Kept body");
		assertThat(count("select count(*) from article where title like '%OneLineArticle%'")).isZero();
	}

	@Test
	void theNameOfASavedViewIsRefusedAndKept() throws Exception {
		HttpResponse<String> answer = administrator.submit("/agent", "/agent/views", Map.of("name", "Mes\tOneLineView"));

		assertThat(answer.statusCode()).isEqualTo(302);
		String page = refused(administrator.get(answer.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")));
		assertThat(page).contains("OneLineView");
		assertThat(count("select count(*) from saved_view where name like '%OneLineView%'")).isZero();
	}

	/** The page sent back with the field's one-line refusal; its HTML. */
	private static String refused(HttpResponse<String> answer) {
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains(ONE_LINE);
		return answer.body();
	}

	private int count(String sql) {
		Integer count = jdbc.queryForObject(sql, Integer.class);
		return count == null ? 0 : count;
	}

}

package org.guichet.reporting.review;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.User;
import org.guichet.reporting.Kpi;
import org.guichet.testing.ApiClient;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.KpiDayMarks;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service review of last month over hand-inserted ticket facts of one department (so that
 * other tests' tickets do not count): the API's PDF and HTML, the refusals, the permissions.
 */
@GuichetIntegrationTest
class ServiceReviewIT {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MessageSource messages;

	@LocalServerPort
	private int port;

	private String department;

	private YearMonth month;

	private ApiClient supervisor;

	private ApiClient requester;

	@BeforeEach
	void setUp() {
		department = "Review " + UUID.randomUUID().toString().substring(0, 8);
		month = YearMonth.now(PARIS).minusMonths(1);
		User supervisorUser = fixtures.user("review-supervisor", Role.SUPERVISOR);
		User requesterUser = fixtures.user("review-requester", Role.REQUESTER);
		supervisor = ApiClient.basic(port, supervisorUser.getUsername(), TestFixtures.PASSWORD);
		requester = ApiClient.basic(port, requesterUser.getUsername(), TestFixtures.PASSWORD);
		// three tickets created in the month: two by phone (one resolved in 2 hours, one in 2 days), one by e-mail
		fact(ticket(requesterUser), Channel.PHONE, month.atDay(3), 2 * 3600L);
		fact(ticket(requesterUser), Channel.PHONE, month.atDay(10), 2 * 86_400L);
		fact(ticket(requesterUser), Channel.EMAIL, month.atDay(12), null);
	}

	@Test
	void thePdfNamesEveryKpiAndTheMonthInEnglishAndInFrench() throws IOException {
		for (String lang : List.of("en", "fr")) {
			ApiClient.Response answer = supervisor.get(path("format=pdf&lang=" + lang));

			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.header("Content-Type")).startsWith("application/pdf");
			assertThat(answer.header("Content-Disposition")).startsWith("attachment;")
				.contains(lang.equals("fr") ? "revue-de-service-" + month + ".pdf" : "service-review-" + month + ".pdf");
			try (PDDocument pdf = Loader.loadPDF(answer.bytes())) {
				String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
				java.util.Locale locale = java.util.Locale.forLanguageTag(lang);
				String monthName = month.getMonth().getDisplayName(java.time.format.TextStyle.FULL_STANDALONE, locale)
						+ " " + month.getYear();
				assertThat(text).contains(monthName);
				for (String kpi : Kpi.HEADLINES) {
					assertThat(text).contains(messages.getMessage("reports.kpi." + kpi, null, locale));
				}
			}
		}
	}

	@Test
	void theHtmlDrawsOneBarPerChannelAndPerResolutionBucket() {
		ApiClient.Response answer = supervisor.get(path("format=html&lang=en"));

		assertThat(answer.status()).isEqualTo(200);
		Document html = Jsoup.parse(answer.text());
		assertThat(html.select("#chart-channels rect.bar title").eachText()).containsExactly("Phone: 2", "E-mail: 1");
		assertThat(html.select("#chart-resolution rect.bar title").eachText()).containsExactly("< 1 h: 0", "1–4 h: 1",
				"4–8 h: 0", "8 h–1 d: 0", "1–3 d: 1", "3–7 d: 0", "> 7 d: 0");
		assertThat(html.select("table.longest tbody tr")).hasSize(2);
		assertThat(html.select("svg")).hasSizeGreaterThanOrEqualTo(6);
	}

	@Test
	void aMonthThatIsNotYYYYMMOrHasNotBegunIsRefusedNamingTheFieldTheReasonAndTheFormat() {
		for (String[] bad : List.of(new String[] { "2026-13", "format" }, new String[] { "november", "format" },
				new String[] { YearMonth.now(PARIS).plusMonths(1).toString(), "future" })) {
			ApiClient.Response answer = supervisor.get("/api/v1/kpis/review?format=pdf&month=" + bad[0]);

			assertThat(answer.status()).as(bad[0]).isEqualTo(400);
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
			assertThat(answer.json().get("field").asText()).isEqualTo("month");
			assertThat(answer.json().get("reason").asText()).isEqualTo(bad[1]);
			assertThat(answer.json().get("expected").asText()).isEqualTo("YYYY-MM");
		}
		assertThat(supervisor.get("/api/v1/kpis/review").json().get("reason").asText()).isEqualTo("missing");
		assertThat(supervisor.get(path("format=docx")).json().get("field").asText()).isEqualTo("format");
	}

	@Test
	void aRequesterIsRefused() {
		assertThat(requester.get(path("format=pdf")).status()).isEqualTo(403);
		assertThat(requester.get(path("format=html")).status()).isEqualTo(403);
	}

	@Test
	void thePageShowsTheReviewWithItsPdfLinkToTheTeamAndRefusesARequester() {
		ApiClient.Response page = supervisor.get("/reports/review?lang=en&month=" + month + "&department="
				+ java.net.URLEncoder.encode(department, java.nio.charset.StandardCharsets.UTF_8));

		assertThat(page.status()).isEqualTo(200);
		Document html = Jsoup.parse(page.text());
		assertThat(html.select("#review-pdf").attr("href")).startsWith("/reports/review.pdf?").contains("month=" + month);
		assertThat(html.select("#chart-channels rect.bar")).hasSize(2);
		assertThat(supervisor.get(html.select("#review-pdf").attr("href")).header("Content-Type"))
			.startsWith("application/pdf");
		ApiClient.Response refused = supervisor.get("/reports/review?month=2026-13");
		assertThat(refused.status()).isEqualTo(200);
		assertThat(Jsoup.parse(refused.text()).select("#review-month").val()).isEqualTo("2026-13");
		assertThat(Jsoup.parse(refused.text()).select("#review-month-error").text()).isNotBlank();
		assertThat(requester.get("/reports/review?month=" + month).status()).isEqualTo(403);
	}

	@Test
	void theReviewSaysWhoseFiguresItShowsAndItsLinksKeepThem() {
		SupportGroup group = fixtures.group(SupportLevel.N1);
		String criteria = "group=" + group.getId() + "&priority=HIGH";
		ApiClient.Response page = supervisor.get("/reports/review?lang=en&month=" + month + "&" + criteria);

		assertThat(page.status()).isEqualTo(200);
		Document html = Jsoup.parse(page.text());
		assertThat(html.select("h1 #review-scope").text()).isEqualTo("Group " + group.getName() + " — Priority: High");
		assertThat(html.select("form input[type=hidden][name=group]").val()).isEqualTo(String.valueOf(group.getId()));
		assertThat(html.select("form input[type=hidden][name=priority]").val()).isEqualTo("HIGH");
		assertThat(html.select("#review-other-language").attr("href")).contains("lang=fr", criteria);
		assertThat(html.select("#review-pdf").attr("href")).contains(criteria);
		ApiClient.Response desk = supervisor.get("/reports/review?lang=fr&month=" + month);
		assertThat(Jsoup.parse(desk.text()).select("h1 #review-scope").text()).isEqualTo("Tout le service");
	}

	private String path(String more) {
		return "/api/v1/kpis/review?month=" + month + "&department="
				+ java.net.URLEncoder.encode(department, java.nio.charset.StandardCharsets.UTF_8) + "&" + more;
	}

	private long ticket(User requesterUser) {
		return tickets.register(new NewTicket(TicketType.INCIDENT, "Review ticket " + department, "For the review",
				requesterUser.getId(), Channel.PORTAL, null, Urgency.MEDIUM, null, List.of()),
				TestFixtures.current(requesterUser))
			.id()
			.value();
	}

	/** The ticket's facts as the tickets module keeps them, written by hand for a chosen month. */
	private void fact(long ticketId, Channel channel, LocalDate day, Long resolutionSeconds) {
		ZonedDateTime created = day.atTime(9, 0).atZone(PARIS);
		Instant resolved = resolutionSeconds == null ? null : created.toInstant().plusSeconds(resolutionSeconds);
		jdbc.update("delete from ticket_fact_pending where ticket_id = ?", ticketId);
		KpiDayMarks.markDaysOf(JdbcClient.create(jdbc), events, ticketId);
		jdbc.update("delete from ticket_open_span where ticket_id = ?", ticketId);
		jdbc.update("delete from ticket_fact where ticket_id = ?", ticketId);
		jdbc.update("insert into ticket_fact (ticket_id, type, channel, priority, department, status, created_at,"
				+ " created_day, created_hour, created_weekday, resolved_at, resolved_day, resolution_seconds)"
				+ " values (?, 'INCIDENT', ?, 'MEDIUM', ?, ?, ?, ?, 9, ?, ?, ?, ?)", ticketId, channel.name(), department,
				resolved == null ? "IN_PROGRESS" : "RESOLVED", Timestamp.from(created.toInstant()), day,
				day.getDayOfWeek().getValue(), resolved == null ? null : Timestamp.from(resolved),
				resolved == null ? null : LocalDate.ofInstant(resolved, PARIS), resolutionSeconds);
		jdbc.update("insert into ticket_open_span (ticket_id, opened_at, ended_at) values (?, ?, ?)", ticketId,
				Timestamp.from(created.toInstant()), resolved == null ? null : Timestamp.from(resolved));
		KpiDayMarks.markDaysOf(JdbcClient.create(jdbc), events, ticketId);
	}

}

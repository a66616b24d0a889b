package org.guichet.reporting.web;

import java.util.List;
import java.util.UUID;

import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.reporting.KpiTargets;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard's pages as each role gets them: the IT team sees the link and the page, within
 * its scope; a requester neither; filters that do not fit are named; targets set by an
 * administrator show on the cards.
 */
@GuichetIntegrationTest
@DatabaseNeutral
class ReportsPagesIT {

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private KpiTargets targets;

	@Autowired
	private UserRepository users;

	private MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	@AfterEach
	void noTargets() {
		targets.replace(List.of(), TestFixtures.current(fixtures.user("pages-cleaner", Role.ADMINISTRATOR)));
	}

	@Test
	void aRequesterHasNeitherTheLinkNorThePage() throws Exception {
		MockHttpSession requester = login(fixtures.user("reports-requester", Role.REQUESTER));
		mvc.perform(get("/portal").session(requester))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"nav-reports\""))));
		mvc.perform(get("/reports").session(requester)).andExpect(status().isForbidden());
		mvc.perform(get("/reports/targets").session(requester)).andExpect(status().isForbidden());
	}

	@Test
	void aSupervisorSeesEveryCardEveryChartAndTheHeatmapOfTheDesk() throws Exception {
		User requester = fixtures.user("reports-caller", Role.REQUESTER);
		tickets.register(new NewTicket(TicketType.INCIDENT, "Printer jams " + UUID.randomUUID(), "Again.", null,
				Channel.PHONE, null, Urgency.MEDIUM, null, List.of()), TestFixtures.current(requester));
		MockHttpSession supervisor = login(fixtures.user("reports-supervisor", Role.SUPERVISOR));
		mvc.perform(get("/agent").session(supervisor))
			.andExpect(content().string(containsString("id=\"nav-reports\"")));
		mvc.perform(get("/reports").session(supervisor))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"kpi-meanResolutionTime\"")))
			.andExpect(content().string(containsString("id=\"kpi-slaCompliance\"")))
			.andExpect(content().string(containsString("id=\"kpi-volumes\"")))
			.andExpect(content().string(containsString("id=\"chart-volumes\"")))
			.andExpect(content().string(containsString("id=\"chart-by-channel\"")))
			.andExpect(content().string(containsString("id=\"heatmap\"")))
			.andExpect(content().string(containsString("/webjars/chart.js/dist/chart.umd.min.js")))
			.andExpect(content().string(containsString("/reports/review?month=")));
	}

	@Test
	void aTechnicianSeesTheirOwnFiguresAndIsRefusedAColleagues() throws Exception {
		User technician = fixtures.user("reports-tech", Role.TECHNICIAN);
		User colleague = fixtures.user("reports-colleague", Role.TECHNICIAN);
		long theirs = fixtures.group(SupportLevel.N1, technician).getId();
		long other = fixtures.group(SupportLevel.N2, colleague).getId();
		MockHttpSession session = login(technician);
		mvc.perform(get("/reports").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(technician.getFullName())));
		mvc.perform(get("/reports").param("group", String.valueOf(theirs)).session(session))
			.andExpect(status().isOk());
		mvc.perform(get("/reports").param("technician", String.valueOf(colleague.id().value())).session(session))
			.andExpect(status().isForbidden());
		mvc.perform(get("/reports").param("group", String.valueOf(other)).session(session))
			.andExpect(status().isForbidden());
		mvc.perform(get("/reports/targets").session(session)).andExpect(status().isForbidden());
	}

	@Test
	void filtersThatDoNotFitAreNamedAndKeptInTheForm() throws Exception {
		MockHttpSession supervisor = login(fixtures.user("reports-filters", Role.SUPERVISOR));
		mvc.perform(get("/reports").param("from", "2026-13-01").param("channel", "PIGEON").session(supervisor))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("href=\"#from\"")))
			.andExpect(content().string(containsString("href=\"#channel\"")))
			.andExpect(content().string(containsString("value=\"2026-13-01\"")))
			.andExpect(content().string(not(containsString("id=\"kpi-cards\""))));
	}

	@Test
	void anAdministratorsTargetShowsOnItsCardAndAValueThatIsNotANumberLosesNothing() throws Exception {
		MockHttpSession admin = login(fixtures.user("reports-admin", Role.ADMINISTRATOR));
		mvc.perform(post("/reports/targets").session(admin)
			.with(csrf())
			.param("comparison.slaCompliance", "AT_LEAST")
			.param("value.slaCompliance", "ninety")
			.param("comparison.meanResolutionTime", "AT_MOST")
			.param("value.meanResolutionTime", "8"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"value-slaCompliance-error\"")))
			.andExpect(content().string(containsString("value=\"ninety\"")))
			.andExpect(content().string(containsString("value=\"8\"")));
		mvc.perform(post("/reports/targets").session(admin)
			.with(csrf())
			.param("comparison.slaCompliance", "AT_LEAST")
			.param("value.slaCompliance", "95")
			.param("comparison.slaCompliance.tto", "AT_LEAST")
			.param("value.slaCompliance.tto", "150"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"value-slaCompliance-tto-error\"")))
			.andExpect(content().string(not(containsString("id=\"value-slaCompliance-error\""))));
		mvc.perform(post("/reports/targets").session(admin)
			.with(csrf())
			.param("comparison.slaCompliance", "AT_LEAST")
			.param("value.slaCompliance", "95"))
			.andExpect(redirectedUrl("/reports/targets"));
		mvc.perform(get("/reports/targets").session(admin))
			.andExpect(content().string(containsString("value=\"95\"")));
		mvc.perform(get("/reports").session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Target ≥ 95%")));
	}

	@Test
	void theTargetsPageNamesEachKpiAndDetailAndSaysWhatToTypeInItsUnits() throws Exception {
		MockHttpSession admin = login(fixtures.user("targets-words", Role.ADMINISTRATOR));
		String refused = mvc.perform(post("/reports/targets").session(admin)
			.with(csrf())
			.param("comparison.meanTimeToOwn.business", "AT_MOST")
			.param("value.meanTimeToOwn.business", "PT8H")
			.param("comparison.slaCompliance.tto", "AT_LEAST")
			.param("value.slaCompliance.tto", "150")
			.param("comparison.satisfaction.average", "AT_LEAST")
			.param("value.satisfaction.average", ""))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused)
			.contains("Mean time to take in charge (business): “PT8H” does not fit. Hours and minutes, such as 1:30")
			.contains("SLA compliance, taking in charge: “150” does not fit. A percentage from 0 to 100, such as 95.")
			.contains("Satisfaction — Average rating: type the target. A rating from 1 to 5")
			.contains("href=\"#value-meanTimeToOwn-business\"")
			.doesNotContain("ISO-8601", "0–1", "0.95 for");
		assertThat(refused).as("a detail's row names its KPI")
			.contains(">Mean resolution time (business)</th>", ">Mean time to take in charge</th>");

		mvc.perform(post("/reports/targets").session(admin)
			.with(csrf())
			.param("comparison.meanTimeToOwn.business", "AT_MOST")
			.param("value.meanTimeToOwn.business", "1 h 30")
			.param("comparison.slaCompliance.tto", "AT_LEAST")
			.param("value.slaCompliance.tto", "92,5"))
			.andExpect(redirectedUrl("/reports/targets"));
		mvc.perform(get("/reports/targets").session(admin))
			.andExpect(content().string(containsString("value=\"1:30\"")))
			.andExpect(content().string(containsString("value=\"92.5\"")));
	}

	@Test
	void theAdministrationPageLinksTheTargets() throws Exception {
		MockHttpSession admin = login(fixtures.user("targets-admin-link", Role.ADMINISTRATOR));
		mvc.perform(get("/admin").session(admin))
			.andExpect(content().string(containsString("id=\"admin-kpi-targets\" href=\"/reports/targets\"")));
	}

	@Test
	void theDashboardSaysAsOfWhenInBothLanguagesAndItsReviewLinkKeepsTheGroup() throws Exception {
		User supervisor = fixtures.user("reports-as-of", Role.SUPERVISOR);
		long group = fixtures.group(SupportLevel.N1).getId();
		MockHttpSession session = login(supervisor);
		String page = mvc.perform(get("/reports?period=LAST_MONTH&group=" + group + "&priority=HIGH").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).containsPattern("id=\"reports-as-of\"[^>]*>As of \\d\\d:\\d\\d<")
			.containsPattern("id=\"review-link\"\\s+href=\"/reports/review\\?month=\\d{4}-\\d{2}&amp;group=" + group
					+ "&amp;priority=HIGH\"");
		supervisor.setLanguage("fr");
		users.save(supervisor);
		mvc.perform(get("/reports").session(login(supervisor)))
			.andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
					"(?s).*id=\"reports-as-of\"[^>]*>À jour à \\d\\d:\\d\\d<.*")));
	}

	private MockHttpSession login(User user) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin("/login").user(user.getUsername()).password(TestFixtures.PASSWORD))
			.andReturn()
			.getRequest()
			.getSession();
	}

}

package org.guichet.sla.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.guichet.calendars.Calendars;
import org.guichet.calendars.StandardCalendars;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.sla.SlaPolicies;
import org.guichet.sla.SlaPolicy;
import org.guichet.sla.SlaTarget;
import org.guichet.sla.TtoTrigger;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Category;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Impact;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.Priority;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The SLA policy pages in the whole application, driven as a browser would: the targets grid,
 * refusals shown on the cell at fault, the order of the policies and their deletion.
 */
@GuichetIntegrationTest
@DatabaseNeutral
class SlaPolicyAdministrationIT {

	@Autowired
	WebApplicationContext context;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	Calendars calendars;

	@Autowired
	SlaPolicies policies;

	@Autowired
	UserRepository users;

	@Autowired
	TicketManagement tickets;

	MockMvc mvc;

	MockHttpSession admin;

	long calendarId;

	@BeforeEach
	void setUp() throws Exception {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		admin = login(fixtures.user("admin", Role.ADMINISTRATOR));
		calendarId = calendars.define(unique("Bureaux"), StandardCalendars.frenchOffice()).id();
	}

	@Test
	void anAdministratorCreatesAPolicyWithConditionsAndTargetsInHoursAndMinutes() throws Exception {
		String name = unique("VIP");
		Category category = fixtures.category("Postes");

		mvc.perform(submit("/admin/sla-policies/new").param("name", name)
			.param("calendarId", String.valueOf(calendarId))
			.param("ttoMetBy", "FIRST_RESPONSE")
			.param("_pauseOnUser", "on").param("pauseOnUser", "true")
			.param("_pauseOnSupplier", "on")
			.param("_pauseOnApproval", "on").param("pauseOnApproval", "true")
			.param("_fallback", "on")
			.param("atRiskPercent", "80")
			.param("matchType", "INCIDENT")
			.param("matchCategoryId", String.valueOf(category.getId()))
			.param("matchDepartment", " Finance ")
			.param("matchVip", "true")
			.param("tto[INCIDENT-HIGH]", "30m").param("ttr[INCIDENT-HIGH]", "4h")
			.param("tto[SERVICE_REQUEST-LOW]", "2h30").param("ttr[SERVICE_REQUEST-LOW]", "PT37H30M")
			.param("tto[ASSISTANCE-MAJOR]", "").param("ttr[ASSISTANCE-MAJOR]", ""))
			.andExpect(redirectedUrl("/admin/sla-policies"))
			.andExpect(flash().attribute("flash", "admin.flash.saved"));

		SlaPolicy saved = policy(name);
		assertThat(saved.getCalendarId()).isEqualTo(calendarId);
		assertThat(saved.getTtoMetBy()).isEqualTo(TtoTrigger.FIRST_RESPONSE);
		assertThat(saved.isPauseOnUser()).isTrue();
		assertThat(saved.isPauseOnSupplier()).isFalse();
		assertThat(saved.isPauseOnApproval()).isTrue();
		assertThat(saved.isFallback()).isFalse();
		assertThat(saved.getAtRiskPercent()).isEqualTo(80);
		assertThat(saved.getMatchType()).isEqualTo(TicketType.INCIDENT);
		assertThat(saved.getMatchCategoryId()).isEqualTo(category.getId());
		assertThat(saved.getMatchDepartment()).isEqualTo("Finance");
		assertThat(saved.getMatchVip()).isTrue();
		assertThat(saved.getTargets()).containsExactlyInAnyOrder(
				new SlaTarget(TicketType.INCIDENT, Priority.HIGH, 30, 240),
				new SlaTarget(TicketType.SERVICE_REQUEST, Priority.LOW, 150, 2250));

		mvc.perform(get("/admin/sla-policies/" + saved.getId() + "/edit").session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"ttr-SERVICE_REQUEST-LOW\" value=\"37h30\"")))
			.andExpect(content().string(containsString("href=\"/admin/sla-policies/" + saved.getId() + "/escalation-levels\"")));
		mvc.perform(get("/admin/sla-policies").session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString("Category: " + category.getPath())));
	}

	@Test
	void aTtrShorterThanTheTtoIsRefusedOnItsCellAndWhatWasTypedIsKept() throws Exception {
		String name = unique("Inverse");

		mvc.perform(submit("/admin/sla-policies/new").param("name", name)
			.param("calendarId", String.valueOf(calendarId))
			.param("atRiskPercent", "75")
			.param("matchDepartment", "Achats")
			.param("tto[INCIDENT-MEDIUM]", "1h").param("ttr[INCIDENT-MEDIUM]", "8h")
			.param("tto[INCIDENT-HIGH]", "4h").param("ttr[INCIDENT-HIGH]", "2h"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("slaPolicyForm", "ttr[INCIDENT-HIGH]", "sla.target.ttr-shorter"))
			.andExpect(content().string(containsString(
					"id=\"ttr-INCIDENT-HIGH-error\">The time to resolve cannot be shorter than the time to own")))
			.andExpect(content().string(containsString("id=\"ttr-INCIDENT-HIGH\" value=\"2h\"")))
			.andExpect(content().string(containsString("value=\"8h\"")))
			.andExpect(content().string(containsString("value=\"Achats\"")))
			.andExpect(content().string(containsString("value=\"" + name + "\"")));
		assertThat(policies.list()).noneMatch(p -> p.getName().equals(name));
	}

	@Test
	void aDurationThatIsNotHoursAndMinutesOrAHalfFilledCellIsRefusedOnItsCell() throws Exception {
		mvc.perform(submit("/admin/sla-policies/new").param("name", unique("Jours"))
			.param("calendarId", String.valueOf(calendarId))
			.param("atRiskPercent", "75")
			.param("tto[INCIDENT-LOW]", "1h").param("ttr[INCIDENT-LOW]", "2d")
			.param("tto[ASSISTANCE-LOW]", "1h").param("ttr[ASSISTANCE-LOW]", ""))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("slaPolicyForm", "ttr[INCIDENT-LOW]", "duration.invalid"))
			.andExpect(model().attributeHasFieldErrorCode("slaPolicyForm", "ttr[ASSISTANCE-LOW]", "admin.sla.target.both"));

		mvc.perform(submit("/admin/sla-policies/new").param("name", unique("Sans calendrier"))
			.param("atRiskPercent", "75")
			.param("tto[INCIDENT-LOW]", "1h").param("ttr[INCIDENT-LOW]", "2h"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("slaPolicyForm", "calendarId", "NotNull"));
	}

	@Test
	void policiesMoveUpAndDownAndAreDeleted() throws Exception {
		SlaPolicy first = create(unique("Premier"));
		SlaPolicy second = create(unique("Second"));

		mvc.perform(submit("/admin/sla-policies/" + second.getId() + "/up")).andExpect(redirectedUrl("/admin/sla-policies"));
		assertThat(order()).containsSubsequence(second.getName(), first.getName());
		mvc.perform(submit("/admin/sla-policies/" + second.getId() + "/down"));
		assertThat(order()).containsSubsequence(first.getName(), second.getName());

		mvc.perform(submit("/admin/sla-policies/" + first.getId() + "/delete"))
			.andExpect(redirectedUrl("/admin/sla-policies"))
			.andExpect(flash().attribute("flash", "admin.sla.flash.deleted"));
		assertThat(order()).doesNotContain(first.getName()).contains(second.getName());
	}

	@Test
	void aPolicyTicketsWereMeasuredAgainstIsNotDeletedAndTheRefusalSaysWhatToDoInstead() throws Exception {
		SlaPolicy policy = create(unique("Mesuree"));
		User requester = fixtures.user("requester", Role.REQUESTER);
		requester.setDepartment(policy.getMatchDepartment());
		users.save(requester);
		tickets.register(new NewTicket(TicketType.INCIDENT, "Imprimante bloquée", "Bourrage papier", null,
				Channel.PORTAL, null, Urgency.MEDIUM, Impact.LOW, List.of()), TestFixtures.current(requester));

		mvc.perform(submit("/admin/sla-policies/" + policy.getId() + "/delete"))
			.andExpect(redirectedUrl("/admin/sla-policies"))
			.andExpect(flash().attribute("refusal", containsString(
					"Tickets were measured against the policy \"" + policy.getName() + "\"")));
		assertThat(order()).contains(policy.getName());
	}

	@Test
	void theSlaPolicyPagesAreForAdministratorsOnly() throws Exception {
		MockHttpSession technician = login(fixtures.user("tech", Role.TECHNICIAN));
		mvc.perform(get("/admin/sla-policies").session(technician)).andExpect(status().isForbidden());
		mvc.perform(post("/admin/sla-policies/new").session(technician).with(csrf()).param("name", "x"))
			.andExpect(status().isForbidden());
	}

	/** A policy for the incidents of the department named as the policy, with targets for every priority. */
	private SlaPolicy create(String name) throws Exception {
		MockHttpServletRequestBuilder form = submit("/admin/sla-policies/new").param("name", name)
			.param("calendarId", String.valueOf(calendarId))
			.param("atRiskPercent", "75")
			.param("matchDepartment", name);
		for (Priority priority : Priority.values()) {
			form.param("tto[INCIDENT-" + priority + "]", "1h").param("ttr[INCIDENT-" + priority + "]", "2h");
		}
		mvc.perform(form).andExpect(redirectedUrl("/admin/sla-policies"));
		return policy(name);
	}

	private SlaPolicy policy(String name) {
		return policies.list().stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow();
	}

	private List<String> order() {
		return policies.list().stream().map(SlaPolicy::getName).toList();
	}

	private static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	private MockHttpSession login(User user) throws Exception {
		MvcResult result = mvc.perform(formLogin("/login").user(user.getUsername()).password(TestFixtures.PASSWORD))
			.andExpect(authenticated())
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	private MockHttpServletRequestBuilder submit(String url) {
		return post(url).session(admin).with(csrf());
	}

}

package org.guichet.calendars.web;

import static java.time.DayOfWeek.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.UUID;

import org.guichet.calendars.BusinessCalendar;
import org.guichet.calendars.Calendars;
import org.guichet.calendars.ExceptionalOpening;
import org.guichet.calendars.Holiday;
import org.guichet.calendars.NamedCalendar;
import org.guichet.calendars.StandardCalendars;
import org.guichet.calendars.TimeRange;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.sla.SlaPolicy;
import org.guichet.sla.SlaPolicyRepository;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Priority;
import org.guichet.tickets.TicketType;
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
 * The business calendar pages in the whole application, driven as a browser would: the form
 * with its rows, the refusals shown next to the row at fault, deletion and the tester.
 */
@GuichetIntegrationTest
@DatabaseNeutral
class CalendarAdministrationIT {

	@Autowired
	WebApplicationContext context;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	Calendars calendars;

	@Autowired
	SlaPolicyRepository policies;

	MockMvc mvc;

	User administrator;

	MockHttpSession admin;

	@BeforeEach
	void setUp() throws Exception {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		administrator = fixtures.user("admin", Role.ADMINISTRATOR);
		admin = login(administrator);
	}

	@Test
	void anAdministratorCreatesACalendarWithRangesHolidaysOfEveryKindAndAnOpening() throws Exception {
		String name = unique("Bureaux");

		mvc.perform(submit("/admin/calendars/new").param("name", name)
			.param("timeZone", "Europe/Paris")
			.param("ranges[0].day", "MONDAY").param("ranges[0].from", "08:30").param("ranges[0].to", "12:00")
			.param("ranges[1].day", "MONDAY").param("ranges[1].from", "13:30").param("ranges[1].to", "24:00")
			.param("holidays[0].kind", "DATE").param("holidays[0].date", "2027-01-04").param("holidays[0].label", "Inventaire")
			.param("holidays[1].kind", "PERIOD").param("holidays[1].date", "2027-08-02").param("holidays[1].lastDate", "2027-08-13")
			.param("holidays[2].kind", "YEARLY").param("holidays[2].monthDay", "12-25")
			.param("holidays[3].kind", "EASTER").param("holidays[3].daysAfterEaster", "1")
			.param("exceptionalOpenings[0].date", "2027-01-09")
			.param("exceptionalOpenings[0].ranges", "09:00-12:00 14:00-16:00"))
			.andExpect(redirectedUrl("/admin/calendars"))
			.andExpect(flash().attribute("flash", "admin.flash.saved"));

		NamedCalendar saved = calendars.list().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
		BusinessCalendar expected = BusinessCalendar.builder(ZoneId.of("Europe/Paris"))
			.open("08:30", "12:00", MONDAY)
			.open("13:30", "24:00", MONDAY)
			.holiday(Holiday.on(LocalDate.of(2027, 1, 4)))
			.holiday(Holiday.between(LocalDate.of(2027, 8, 2), LocalDate.of(2027, 8, 13)))
			.holiday(Holiday.yearly(MonthDay.of(12, 25)))
			.holiday(Holiday.daysAfterEaster(1))
			.exceptionalOpening(ExceptionalOpening.of(LocalDate.of(2027, 1, 9), TimeRange.of("09:00", "12:00"),
					TimeRange.of("14:00", "16:00")))
			.build();
		assertThat(saved.calendar()).isEqualTo(expected);
		assertThat(saved.holidayLabels()).containsEntry(Holiday.on(LocalDate.of(2027, 1, 4)), "Inventaire");

		mvc.perform(get("/admin/calendars/" + saved.id() + "/edit").session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"24:00\"")))
			.andExpect(content().string(containsString("value=\"09:00-12:00 14:00-16:00\"")))
			.andExpect(content().string(containsString("value=\"Inventaire\"")));
	}

	@Test
	void aRangeThatEndsBeforeItStartsIsRefusedNextToItsRowAndWhatWasTypedIsKept() throws Exception {
		String name = unique("Inverse");

		mvc.perform(submit("/admin/calendars/new").param("name", name)
			.param("timeZone", "America/Montreal")
			.param("ranges[0].day", "TUESDAY").param("ranges[0].from", "08:00").param("ranges[0].to", "12:00")
			.param("ranges[1].day", "WEDNESDAY").param("ranges[1].from", "17:00").param("ranges[1].to", "09:00")
			.param("holidays[0].kind", "YEARLY").param("holidays[0].monthDay", "07-01"))
			.andExpect(status().isOk())
			.andExpect(view().name("admin/calendars/form"))
			.andExpect(model().attributeHasFieldErrorCode("calendarForm", "ranges[1]", "calendar.invalid.range-order"))
			.andExpect(content().string(containsString("id=\"ranges1-error\">The working range 17:00-09:00 must start before it ends")))
			.andExpect(content().string(containsString("aria-describedby=\"ranges1-error\"")))
			.andExpect(content().string(containsString("value=\"" + name + "\"")))
			.andExpect(content().string(containsString("<option value=\"America/Montreal\" selected=\"selected\">")))
			.andExpect(content().string(containsString("<option value=\"WEDNESDAY\" selected=\"selected\">")))
			.andExpect(content().string(containsString("value=\"07-01\"")));
		assertThat(calendars.list()).noneMatch(c -> c.name().equals(name));
	}

	@Test
	void aCalendarWithoutWorkingTimeAndAHolidayWithoutItsDateAreRefusedWithWhatToChange() throws Exception {
		mvc.perform(submit("/admin/calendars/new").param("name", unique("Vide")).param("timeZone", "Europe/Paris"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("calendarForm", "ranges", "calendar.invalid.no-working-time"))
			.andExpect(content().string(containsString("A calendar needs working time on at least one day of the week")));

		mvc.perform(submit("/admin/calendars/new").param("name", unique("Sans date"))
			.param("ranges[0].day", "MONDAY").param("ranges[0].from", "08:00").param("ranges[0].to", "12:00")
			.param("holidays[0].kind", "PERIOD").param("holidays[0].date", "2027-08-02"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("calendarForm", "holidays[0]", "admin.calendars.holiday.incomplete"));
	}

	@Test
	void rowsAreAddedAndRemovedWithoutLosingWhatWasTyped() throws Exception {
		String name = unique("Lignes");

		mvc.perform(submit("/admin/calendars/new").param("name", name)
			.param("ranges[0].day", "MONDAY").param("ranges[0].from", "07:00").param("ranges[0].to", "11:00")
			.param("add", "ranges"))
			.andExpect(status().isOk())
			.andExpect(model().hasNoErrors())
			.andExpect(content().string(containsString("name=\"ranges[1].from\" value=\"\"")))
			.andExpect(content().string(containsString("value=\"07:00\"")))
			.andExpect(content().string(containsString("value=\"" + name + "\"")));

		mvc.perform(submit("/admin/calendars/new").param("name", name)
			.param("ranges[0].day", "MONDAY").param("ranges[0].from", "07:00").param("ranges[0].to", "11:00")
			.param("ranges[1].day", "FRIDAY").param("ranges[1].from", "14:00").param("ranges[1].to", "16:00")
			.param("remove", "ranges:0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"14:00\"")))
			.andExpect(content().string(not(containsString("value=\"07:00\""))));
		assertThat(calendars.list()).noneMatch(c -> c.name().equals(name));
	}

	@Test
	void aCalendarUsedByAnSlaPolicyIsNotDeletedAndTheRefusalNamesThePolicy() throws Exception {
		long id = calendars.define(unique("Utilisé"), StandardCalendars.frenchOffice()).id();
		String policyName = unique("Politique");
		SlaPolicy policy = new SlaPolicy(policyName, id);
		policy.conditions(null, null, unique("Service"), null);
		policy.target(TicketType.INCIDENT, Priority.HIGH, Duration.ofHours(1),
				Duration.ofHours(4));
		policies.save(policy);

		mvc.perform(submit("/admin/calendars/" + id + "/delete"))
			.andExpect(redirectedUrl("/admin/calendars"))
			.andExpect(flash().attribute("refusal", containsString("used by the SLA policies " + policyName)));
		mvc.perform(delete("/api/v1/calendars/" + id).with(httpBasic(administrator.getUsername(), TestFixtures.PASSWORD)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("calendar.in-use"))
			.andExpect(jsonPath("$.detail").value(containsString(policyName)));
		assertThat(calendars.exists(id)).isTrue();

		policies.delete(policy);
		mvc.perform(submit("/admin/calendars/" + id + "/delete"))
			.andExpect(flash().attribute("flash", "admin.calendars.flash.deleted"));
		assertThat(calendars.exists(id)).isFalse();
	}

	@Test
	void theTesterAnswersADeadlineABusinessTimeAndWhetherAnInstantIsWorkingTime() throws Exception {
		long id = calendars.define(unique("Testeur"), StandardCalendars.frenchOffice()).id();
		String tester = "/admin/calendars/" + id + "/tester";

		mvc.perform(get("/admin/calendars/" + id + "/edit").session(admin))
			.andExpect(content().string(containsString("hx-post=\"" + tester + "/deadline\"")));
		// Friday 16:00 + 4 h: 1 h 30 on Friday, then 2 h 30 from Monday 08:30.
		mvc.perform(submit(tester + "/deadline").param("start", "2026-11-27T16:00").param("duration", "4h"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Deadline: Monday 30 November 2026 11:00 (UTC+01:00)")));
		mvc.perform(submit(tester + "/deadline").param("start", "2026-11-27T16:00").param("duration", "PT1H30M"))
			.andExpect(content().string(containsString("Deadline: Friday 27 November 2026 17:30 (UTC+01:00)")));
		mvc.perform(submit(tester + "/business-time").param("from", "2026-11-27T16:00").param("to", "2026-11-30T11:00"))
			.andExpect(content().string(containsString("4 h 0 min of business time")));
		mvc.perform(submit(tester + "/working-time").param("at", "2026-11-28T10:00"))
			.andExpect(content().string(containsString("Closed: next opening Monday 30 November 2026 08:30 (UTC+01:00).")));
		mvc.perform(submit(tester + "/working-time").param("at", "2026-11-30T09:00"))
			.andExpect(content().string(containsString("Working time.")));
		mvc.perform(submit(tester + "/deadline").param("start", "2026-11-27T16:00").param("duration", "2d"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("so days are not accepted")));
		mvc.perform(submit(tester + "/business-time").param("from", "yesterday").param("to", "2026-11-30T11:00"))
			.andExpect(content().string(containsString("Give a date and a time of day")));
	}

	@Test
	void theCalendarPagesAreForAdministratorsOnly() throws Exception {
		MockHttpSession technician = login(fixtures.user("tech", Role.TECHNICIAN));
		mvc.perform(get("/admin/calendars").session(technician)).andExpect(status().isForbidden());
		mvc.perform(post("/admin/calendars/new").session(technician).with(csrf()).param("name", "x"))
			.andExpect(status().isForbidden());
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

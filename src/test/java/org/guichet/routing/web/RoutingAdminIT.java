package org.guichet.routing.web;

import java.util.List;
import java.util.UUID;

import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.routing.Assignment;
import org.guichet.routing.AssignmentMode;
import org.guichet.routing.RoutingRule;
import org.guichet.routing.RoutingRules;
import org.guichet.routing.Technicians;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The routing administration page driven as a browser would. Each rule matches only a fresh
 * category, so it never routes other tests' tickets, and is deleted at the end.
 */
@GuichetIntegrationTest
@DatabaseNeutral
class RoutingAdminIT {

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private RoutingRules rules;

	@Autowired
	private Assignment assignment;

	@Autowired
	private Technicians technicians;

	private MockMvc mvc;

	private MockHttpSession admin;

	@BeforeEach
	void setUp() throws Exception {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		User user = fixtures.user("routing-admin", Role.ADMINISTRATOR);
		admin = (MockHttpSession) mvc.perform(formLogin("/login").user(user.getUsername()).password(TestFixtures.PASSWORD))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	@Test
	void anAdministratorWritesARuleTestsItSeesWhatToChangeWhenItIsWrongAndKeepsWhatTheyTypedOnAStaleForm() throws Exception {
		User tech = fixtures.user("routing-tech", Role.TECHNICIAN);
		User outsider = fixtures.user("routing-outsider", Role.TECHNICIAN);
		SupportGroup group = fixtures.group(SupportLevel.N1, tech);
		long categoryId = fixtures.category("Admin routing").getId();
		String name = "Page rule " + UUID.randomUUID();

		mvc.perform(submit("/admin/routing/rules/new").param("name", name)
			.param("active", "true")
			.param("categoryId", String.valueOf(categoryId))
			.param("groupId", String.valueOf(group.getId()))
			.param("technicianId", String.valueOf(outsider.getId())))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("ruleForm", "technicianId",
					"routing.rule.technician-not-member"));
		mvc.perform(submit("/admin/routing/rules/new").param("name", name)
			.param("active", "true")
			.param("categoryId", String.valueOf(categoryId))
			.param("words", "VPN, réseau")
			.param("timeFrom", "20:00")
			.param("timeTo", "07:00")
			.param("weekdays", "WEDNESDAY", "MONDAY")
			.param("groupId", String.valueOf(group.getId())))
			.andExpect(redirectedUrl("/admin/routing"));
		RoutingRule rule = rules.list().stream().filter(r -> r.getName().equals(name)).findFirst().orElseThrow();
		try {
			assertThat(rule.definition().conditions().words()).containsExactly("VPN", "réseau");
			mvc.perform(get("/admin/routing").session(admin))
				.andExpect(content().string(containsString(name)))
				.andExpect(content().string(anyOf(containsString("Mon, Wed"), containsString("lun., mer."))));
			mvc.perform(submit("/admin/routing/test").param("title", "Le reseau tombe")
				.param("categoryId", String.valueOf(categoryId))
				.param("type", "INCIDENT")
				.param("channel", "PHONE")
				.param("at", "2027-03-10T22:15"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(name)))
				.andExpect(content().string(containsString(group.getName())));

			String edit = "/admin/routing/rules/" + rule.getId() + "/edit";
			mvc.perform(submit(edit).param("name", name)
				.param("version", String.valueOf(rule.getVersion()))
				.param("active", "true")
				.param("categoryId", String.valueOf(categoryId))
				.param("words", "VPN")
				.param("groupId", String.valueOf(group.getId())))
				.andExpect(redirectedUrl("/admin/routing"));
			mvc.perform(submit(edit).param("name", name)
				.param("version", String.valueOf(rule.getVersion()))
				.param("active", "true")
				.param("categoryId", String.valueOf(categoryId))
				.param("words", "Wi-Fi typed on a stale form")
				.param("groupId", String.valueOf(group.getId())))
				.andExpect(status().isOk())
				.andExpect(model().attributeHasErrors("ruleForm"))
				.andExpect(content().string(containsString("Wi-Fi typed on a stale form")))
				.andExpect(content().string(anyOf(containsString("Someone else changed this"),
						containsString("Quelqu’un d’autre a modifié cet élément"))));
			assertThat(rules.get(rule.getId()).definition().conditions().words()).as("the first save stays")
				.containsExactly("VPN");
		}
		finally {
			rules.delete(rule.getId());
		}
	}

	@Test
	void anAdministratorSetsAGroupsModeAndATechniciansSkillsAndAbsence() throws Exception {
		User tech = fixtures.user("routing-tech", Role.TECHNICIAN);
		SupportGroup group = fixtures.group(SupportLevel.N2, tech);
		long categoryId = fixtures.category("Skill").getId();

		mvc.perform(submit("/admin/routing/groups/" + group.getId()).param("mode", "LEAST_LOADED")
			.param("version", String.valueOf(assignment.of(group.getId()).groupVersion())))
			.andExpect(redirectedUrl("/admin/routing#groups"));
		mvc.perform(submit("/admin/routing/technicians/" + tech.getId() + "/skills").param("categoryIds",
				String.valueOf(categoryId))
			.param("version", String.valueOf(technicians.skills(tech.getId()).userVersion())))
			.andExpect(redirectedUrl("/admin/routing/technicians/" + tech.getId()));
		mvc.perform(submit("/admin/routing/technicians/" + tech.getId() + "/absences").param("from", "2027-08-02")
			.param("to", "2027-08-20")
			.param("reason", "Congés"))
			.andExpect(redirectedUrl("/admin/routing/technicians/" + tech.getId()));

		assertThat(assignment.modeOf(group.getId())).isEqualTo(AssignmentMode.LEAST_LOADED);
		assertThat(technicians.skills(tech.getId()).categoryIds()).containsExactly(categoryId);
		assertThat(technicians.absences(tech.getId())).singleElement()
			.satisfies(a -> assertThat(a.getReason()).isEqualTo("Congés"));
		mvc.perform(get("/admin/routing/technicians/" + tech.getId()).session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Congés")));
	}

	@Test
	void aModeAndSkillsChosenOnAnOldVersionComeBackAsChosenSayingTheyChangedMeanwhileAndChangeNothing()
			throws Exception {
		User tech = fixtures.user("routing-stale-tech", Role.TECHNICIAN);
		SupportGroup group = fixtures.group(SupportLevel.N2, tech);
		long categoryId = fixtures.category("Stale skill").getId();
		long groupRead = assignment.of(group.getId()).groupVersion();
		long userRead = technicians.skills(tech.getId()).userVersion();
		// another administrator, meanwhile
		long groupNow = assignment.setMode(group.getId(), groupRead, AssignmentMode.ROUND_ROBIN).groupVersion();
		long userNow = technicians.setSkills(tech.getId(), userRead, List.of()).userVersion();
		assertThat(groupNow).as("a mode is part of the group").isGreaterThan(groupRead);
		assertThat(userNow).as("skills are part of the user").isGreaterThan(userRead);

		String routing = mvc.perform(submit("/admin/routing/groups/" + group.getId()).param("mode", "LEAST_LOADED")
			.param("version", String.valueOf(groupRead)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String form = routing.substring(routing.indexOf("/admin/routing/groups/" + group.getId() + "\""));
		form = form.substring(0, form.indexOf("</form>"));
		assertThat(form).contains("id=\"stale-save\"", "name=\"version\" value=\"" + groupNow + "\"",
				"value=\"LEAST_LOADED\" selected");
		assertThat(form).as("the page opens at the message, the row far below the top")
			.contains("id=\"stale-save\" tabindex=\"-1\"", "data-error-summary>");
		assertThat(assignment.modeOf(group.getId())).isEqualTo(AssignmentMode.ROUND_ROBIN);

		String skills = mvc.perform(submit("/admin/routing/technicians/" + tech.getId() + "/skills")
			.param("categoryIds", String.valueOf(categoryId))
			.param("version", String.valueOf(userRead)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(skills).contains("id=\"stale-save\"", "name=\"version\" value=\"" + userNow + "\"")
			.containsPattern("value=\"" + categoryId + "\"\\s+selected");
		assertThat(technicians.skills(tech.getId()).categoryIds()).isEmpty();
	}

	@Test
	void anAbsenceThatEndsBeforeItStartsIsSaidUnderItsFieldWithTheDatesAndReasonAsTyped() throws Exception {
		User tech = fixtures.user("routing-absent", Role.TECHNICIAN);

		String page = mvc.perform(submit("/admin/routing/technicians/" + tech.getId() + "/absences")
			.param("from", "2027-08-20")
			.param("to", "2027-08-02")
			.param("reason", "Congés d’été"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("id=\"to-error\"", "value=\"2027-08-20\"", "value=\"2027-08-02\"",
				"value=\"Congés d’été\"");
		assertThat(technicians.absences(tech.getId())).isEmpty();
	}

	private MockHttpServletRequestBuilder submit(String url) {
		return post(url).session(admin).with(csrf());
	}

}

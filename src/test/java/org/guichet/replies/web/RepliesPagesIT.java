package org.guichet.replies.web;

import java.util.UUID;

import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.replies.CannedReplies;
import org.guichet.replies.CannedReply;
import org.guichet.replies.CannedReplyDefinition;
import org.guichet.replies.MacroDefinition;
import org.guichet.replies.Macros;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
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
 * The management pages of canned replies and macros, driven as a browser would: every error at
 * once next to its field and in a summary, everything typed kept; personal and shared sections; a
 * save on an old version kept and saved again knowingly.
 */
@GuichetIntegrationTest
@DatabaseNeutral
class RepliesPagesIT {

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private CannedReplies replies;

	@Autowired
	private Macros macros;

	private MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	@Test
	void aRefusedCannedReplyShowsEveryErrorNextToItsFieldAndKeepsTheText() throws Exception {
		MockHttpSession tech = login(fixtures.user("pages-tech", Role.TECHNICIAN));
		String typed = "Bonjour {{requester.prenom}}, voici la procédure <détaillée>.";

		mvc.perform(post("/agent/replies/new").session(tech).with(csrf()).param("name", "").param("body", typed))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"error-summary\"")))
			.andExpect(content().string(containsString("href=\"#name\"")))
			.andExpect(content().string(containsString("href=\"#body\"")))
			.andExpect(content().string(containsString("id=\"name-error\"")))
			.andExpect(content().string(containsString("id=\"body-error\"")))
			.andExpect(content().string(containsString("Unknown placeholders: {{requester.prenom}}")))
			.andExpect(content().string(containsString("Bonjour {{requester.prenom}}, voici la proc&eacute;dure &lt;d&eacute;taill&eacute;e&gt;.")));
	}

	@Test
	void aRefusedMacroShowsTheMacroWideErrorAndEachFieldError() throws Exception {
		MockHttpSession tech = login(fixtures.user("pages-tech", Role.TECHNICIAN));

		mvc.perform(post("/agent/macros/new").session(tech)
			.with(csrf())
			.param("name", "Pending")
			.param("status", "PENDING")
			.param("pendingReason", "")
			.param("noteBody", "{{agent.phone}}"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"pendingReason-error\"")))
			.andExpect(content().string(containsString("id=\"noteBody-error\"")))
			.andExpect(content().string(containsString("{{agent.phone}}")))
			.andExpect(content().string(containsString("value=\"Pending\"")));

		mvc.perform(post("/agent/macros/new").session(tech).with(csrf()).param("name", "Nothing"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The macro does nothing yet")));
	}

	@Test
	void aResolvingMacroWithoutSolutionIsRefusedNextToTheSolutionWithTheKindKept() throws Exception {
		MockHttpSession tech = login(fixtures.user("pages-resolver", Role.TECHNICIAN));

		mvc.perform(post("/agent/macros/new").session(tech)
			.header("Accept-Language", "en")
			.with(csrf())
			.param("name", "Solved")
			.param("status", "RESOLVE")
			.param("solutionKind", "WORKAROUND")
			.param("solution", " "))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"solution-error\"")))
			.andExpect(content().string(containsString("<option value=\"WORKAROUND\" selected=\"selected\">Workaround</option>")))
			.andExpect(content().string(containsString("<option value=\"RESOLVE\" selected=\"selected\">Resolve</option>")));
	}

	@Test
	void aSupervisorSeesTheirPersonalRepliesAndThoseSharedWithTheirGroupsOnly() throws Exception {
		User supervisorUser = fixtures.user("pages-sup", Role.SUPERVISOR);
		SupportGroup mine = fixtures.group(SupportLevel.N1, supervisorUser);
		SupportGroup other = fixtures.group(SupportLevel.N2);
		User admin = fixtures.user("pages-admin", Role.ADMINISTRATOR);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		CannedReply shared = replies.create(new CannedReplyDefinition("Shared " + tag, "a", mine.getId()),
				TestFixtures.current(supervisorUser));
		replies.create(new CannedReplyDefinition("Other group " + tag, "b", other.getId()), TestFixtures.current(admin));
		MockHttpSession supervisor = login(supervisorUser);

		mvc.perform(get("/agent/replies").session(supervisor))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Shared with " + mine.getName())))
			.andExpect(content().string(containsString("Shared " + tag)))
			.andExpect(content().string(not(containsString("Other group " + tag))));
		mvc.perform(get("/agent/replies/" + shared.id()).session(supervisor))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Shared with " + mine.getName())));
		mvc.perform(post("/agent/replies/" + shared.id()).session(supervisor)
			.with(csrf())
			.param("name", "Renamed " + tag)
			.param("body", "Hello {{requester.firstName}}")
			.param("version", String.valueOf(shared.getVersion())))
			.andExpect(redirectedUrl("/agent/replies"));
		assertThat(replies.get(shared.id(), TestFixtures.current(supervisorUser)).getName()).isEqualTo("Renamed " + tag);

		MockHttpSession technician = login(fixtures.user("pages-member", Role.TECHNICIAN));
		mvc.perform(get("/agent/macros").session(technician)).andExpect(status().isOk());
		mvc.perform(get("/agent/macros/new").session(technician))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("{{requester.firstName}}")));
	}

	@Test
	void aStaleSaveOfACannedReplyKeepsWhatWasTypedAndSavingAgainReplacesTheOtherChange() throws Exception {
		User techUser = fixtures.user("pages-stale", Role.TECHNICIAN);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		long id = replies.create(new CannedReplyDefinition("Read " + tag, "Hello", null), TestFixtures.current(techUser))
			.id();
		replies.update(id, 0L, new CannedReplyDefinition("Theirs " + tag, "Hello", null), TestFixtures.current(techUser));
		MockHttpSession tech = login(techUser);

		saveAgainAfterAStaleSave(tech, "/agent/replies/" + id, "body", "Mine " + tag);
		assertThat(replies.get(id, TestFixtures.current(techUser)).getBody()).isEqualTo("Mine " + tag);
	}

	@Test
	void aStaleSaveOfAMacroKeepsWhatWasTypedAndSavingAgainReplacesTheOtherChange() throws Exception {
		User techUser = fixtures.user("pages-stale", Role.TECHNICIAN);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		long id = macros.create(macro("Read " + tag), TestFixtures.current(techUser)).id();
		macros.update(id, 0L, macro("Theirs " + tag), TestFixtures.current(techUser));
		MockHttpSession tech = login(techUser);

		saveAgainAfterAStaleSave(tech, "/agent/macros/" + id, "noteBody", "Mine " + tag);
		assertThat(macros.get(id, TestFixtures.current(techUser)).getNoteBody()).isEqualTo("Mine " + tag);
	}

	/**
	 * Saves on version 0 of a record someone changed since (version 1): the form comes back with
	 * what was typed and the current version, and saving it again goes through.
	 */
	private void saveAgainAfterAStaleSave(MockHttpSession session, String form, String field, String typed)
			throws Exception {
		mvc.perform(post(form).session(session)
			.header("Accept-Language", "en")
			.with(csrf())
			.param("name", "Mine")
			.param(field, typed)
			.param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("was changed by someone else since you opened it")))
			.andExpect(content().string(containsString(typed)))
			.andExpect(content().string(containsString("name=\"version\" value=\"1\"")));
		mvc.perform(post(form).session(session)
			.with(csrf())
			.param("name", "Mine")
			.param(field, typed)
			.param("version", "1"))
			.andExpect(status().is3xxRedirection());
	}

	private static MacroDefinition macro(String noteBody) {
		return new MacroDefinition("Stale " + noteBody, null, false, null, null, null, null, null, null, null, noteBody,
				null, null);
	}

	private MockHttpSession login(User user) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin("/login").user(user.getUsername()).password(TestFixtures.PASSWORD))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}

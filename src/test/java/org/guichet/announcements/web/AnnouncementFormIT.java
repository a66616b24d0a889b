package org.guichet.announcements.web;

import java.time.Instant;
import java.util.UUID;

import org.guichet.announcements.AnnouncementDraft;
import org.guichet.announcements.AnnouncementKind;
import org.guichet.announcements.Announcements;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The announcement form of the agents' space, as a browser sends it: a save on an old version
 * says so once, keeps what was typed and marks no field, and saving again replaces the other
 * change (it once said "reopen it" and "correct the 1 field(s) marked" at once, and every later
 * save failed the same way).
 */
@GuichetIntegrationTest
@DatabaseNeutral
class AnnouncementFormIT {

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private Announcements announcements;

	@AfterEach
	void removeTheAnnouncements() {
		fixtures.removeAnnouncements();
	}

	@Test
	void aStaleSaveKeepsWhatWasTypedAndSavingAgainReplacesTheOtherChange() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		User supervisor = fixtures.user("announcing", Role.SUPERVISOR);
		CurrentUser by = TestFixtures.current(supervisor);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		long id = announcements.create(draft("Read " + tag), by).getId();
		announcements.update(id, 0L, draft("Theirs " + tag), by);
		MockHttpSession session = (MockHttpSession) mvc
			.perform(formLogin("/login").user(supervisor.getUsername()).password(TestFixtures.PASSWORD))
			.andReturn()
			.getRequest()
			.getSession(false);

		mvc.perform(save(id, "Mine " + tag, 0).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("changed by someone else since you opened it")))
			.andExpect(content().string(not(containsString("id=\"form-errors\""))))
			.andExpect(content().string(containsString("value=\"Mine " + tag + "\"")))
			.andExpect(content().string(containsString("name=\"version\" value=\"1\"")));
		mvc.perform(save(id, "Mine " + tag, 1).session(session)).andExpect(redirectedUrl("/agent/announcements"));

		assertThat(announcements.get(id, by).getTitleEn()).isEqualTo("Mine " + tag);
	}

	private static MockHttpServletRequestBuilder save(long id, String title,
			long version) {
		return post("/agent/announcements/" + id).header("Accept-Language", "en")
			.with(csrf())
			.param("kind", "INFORMATION")
			.param("titleEn", title)
			.param("startsAt", "2026-01-01T09:00")
			.param("version", String.valueOf(version));
	}

	private static AnnouncementDraft draft(String title) {
		return new AnnouncementDraft(AnnouncementKind.INFORMATION, null, title, null, null,
				Instant.parse("2026-01-01T08:00:00Z"), null, null);
	}

}

package org.guichet.sla.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.guichet.directory.Accounts;
import org.guichet.directory.ApiTokens;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.UserRepository;
import org.guichet.sla.EscalationLevel;
import org.guichet.sla.EscalationLevels;
import org.guichet.sla.EscalationLevels.LevelDefinition;
import org.guichet.sla.EscalationTrigger;
import org.guichet.sla.SlaClock;
import org.guichet.sla.SlaPolicies;
import org.guichet.sla.SlaPolicy;
import org.guichet.system.InvalidInputException;
import org.guichet.system.VersionMismatchException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(EscalationLevelController.class)
@ImportAutoConfiguration({ SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class })
@Import(EscalationLevelControllerTests.ApplicationSecurity.class)
class EscalationLevelControllerTests {

	/** The application's own security rules and locale resolver. */
	@TestConfiguration
	@ComponentScan("org.guichet.directory.internal")
	static class ApplicationSecurity {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC);
		}

	}

	private static final CurrentUser ADMIN = new CurrentUser(1, "ada", "Ada Admin", Role.ADMINISTRATOR, "en", "",
			true);

	@Autowired
	WebApplicationContext context;

	MockMvc mvc;

	@MockitoBean
	EscalationLevels levels;

	@MockitoBean
	SlaPolicies policies;

	@MockitoBean
	SupportGroupRepository groups;

	@MockitoBean
	UserRepository users;

	@MockitoBean
	Accounts accounts;

	@MockitoBean
	ApiTokens tokens;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		given(policies.get(2)).willReturn(new SlaPolicy("Standard", 1));
	}

	@Test
	void thePageNamesThePolicyAndOffersToAddALevel() throws Exception {
		mvc.perform(get("/admin/sla-policies/2/escalation-levels").with(user(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Escalation levels of Standard")))
			.andExpect(content().string(containsString("id=\"add-level-submit\"")));
	}

	@Test
	void anAddedLevelGoesAtTheEndOfTheList() throws Exception {
		mvc.perform(addOnVersion3("trigger", "AFTER", "durationMinutes", "60", "raisePriority", "true"))
			.andExpect(redirectedUrl("/admin/sla-policies/2/escalation-levels"));
		@SuppressWarnings("unchecked")
		ArgumentCaptor<List<LevelDefinition>> saved = ArgumentCaptor.forClass(List.class);
		verify(levels).replace(eq(2L), eq(3L), saved.capture());
		assertThat(saved.getValue()).singleElement()
			.satisfies(l -> assertThat(l.clock()).isEqualTo(SlaClock.TTR))
			.satisfies(l -> assertThat(l.trigger()).isEqualTo(EscalationTrigger.AFTER))
			.satisfies(l -> assertThat(l.duration()).hasMinutes(60))
			.satisfies(l -> assertThat(l.raisePriority()).isTrue());
	}

	@Test
	void aRefusedLevelIsShownNextToItsFieldWithTheTypedValues() throws Exception {
		given(levels.replace(eq(2L), any(), any())).willThrow(new InvalidInputException("levels[0].percent",
				"escalation.level.share-range", "The share of the target must be from 1 to 200 %"));
		mvc.perform(addOnVersion3("trigger", "SHARE", "percent", "250", "notifyGroup", "true"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "percent", "escalation.level.share-range"))
			.andExpect(content().string(containsString("value=\"250\"")));
	}

	@Test
	void aRemovedLevelIsNamedByItsIdAndTheOthersAreSavedWithTheirs() throws Exception {
		List<EscalationLevel> three = List.of(level(11L, 25), level(12L, 50), level(13L, 75));
		given(levels.of(2)).willReturn(three);
		mvc.perform(post("/admin/sla-policies/2/escalation-levels/12/delete").with(user(ADMIN)).with(csrf())
			.param("version", "3"))
			.andExpect(redirectedUrl("/admin/sla-policies/2/escalation-levels"));
		@SuppressWarnings("unchecked")
		ArgumentCaptor<List<LevelDefinition>> saved = ArgumentCaptor.forClass(List.class);
		verify(levels).replace(eq(2L), eq(3L), saved.capture());
		assertThat(saved.getValue()).extracting(LevelDefinition::id).containsExactly(11L, 13L);
	}

	@Test
	void removingALevelAlreadyGoneChangesNothingAndSaysItWasAlreadyRemoved() throws Exception {
		List<EscalationLevel> one = List.of(level(11L, 25));
		given(levels.of(2)).willReturn(one);
		mvc.perform(post("/admin/sla-policies/2/escalation-levels/0/delete").with(user(ADMIN)).with(csrf())
			.param("version", "3"))
			.andExpect(redirectedUrl("/admin/sla-policies/2/escalation-levels"))
			.andExpect(flash().attribute("flash", "admin.escalation.already-removed"));
		verify(levels, never()).replace(anyLong(), any(), any());
	}

	@Test
	void aLevelMovedDownChangesPlaceWithTheNextAndEveryLevelKeepsItsId() throws Exception {
		List<EscalationLevel> three = List.of(level(11L, 25), level(12L, 50), level(13L, 75));
		given(levels.of(2)).willReturn(three);
		mvc.perform(post("/admin/sla-policies/2/escalation-levels/12/move").with(user(ADMIN))
			.with(csrf())
			.param("by", "1")
			.param("version", "3"))
			.andExpect(redirectedUrl("/admin/sla-policies/2/escalation-levels"));
		@SuppressWarnings("unchecked")
		ArgumentCaptor<List<LevelDefinition>> saved = ArgumentCaptor.forClass(List.class);
		verify(levels).replace(eq(2L), eq(3L), saved.capture());
		assertThat(saved.getValue()).extracting(LevelDefinition::id).containsExactly(11L, 13L, 12L);
	}

	@Test
	void anOrderThatCouldNotWorkIsRefusedAboveTheList() throws Exception {
		moveTheFirstOfTwoDownRefused(new InvalidInputException("levels[1]", "escalation.level.out-of-order",
				"Level 2 can never fire after level 1 on the same clock", 2, 1))
			.andExpect(content().string(containsString("Level 2 can never fire after level 1")));
	}

	@Test
	void aLevelAddedOnAnOldVersionOfThePolicyComesBackAsTypedSayingItChangedMeanwhile() throws Exception {
		given(levels.replace(eq(2L), eq(3L), any())).willThrow(new VersionMismatchException(4));
		mvc.perform(addOnVersion3("trigger", "SHARE", "percent", "40", "notifyGroup", "true"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasErrors("form"))
			.andExpect(content().string(containsString("Someone else changed this since you opened the form")))
			.andExpect(content().string(containsString("value=\"40\"")))
			.andExpect(content().string(containsString("name=\"version\" value=\"4\"")));
	}

	@Test
	void aLevelMovedOnAnOldVersionOfThePolicyMovesNothingAndSaysItChangedMeanwhile() throws Exception {
		moveTheFirstOfTwoDownRefused(new VersionMismatchException(4))
			.andExpect(content().string(containsString("Someone else changed this policy or its levels")));
	}

	/** Moves the first of two levels down on the policy's version 3, the service refusing it: said above the list. */
	private ResultActions moveTheFirstOfTwoDownRefused(RuntimeException refusal) throws Exception {
		List<EscalationLevel> two = List.of(level(11L, 25), level(12L, 50));
		given(levels.of(2)).willReturn(two);
		given(levels.replace(eq(2L), eq(3L), any())).willThrow(refusal);
		return mvc.perform(post("/admin/sla-policies/2/escalation-levels/11/move").with(user(ADMIN))
			.with(csrf())
			.param("by", "1")
			.param("version", "3"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"levels-problem\"")));
	}

	/** The form adding a level on the time to resolve, opened on the policy's version 3. */
	private static MockHttpServletRequestBuilder addOnVersion3(String... fields) {
		MockHttpServletRequestBuilder add = post("/admin/sla-policies/2/escalation-levels").with(user(ADMIN))
			.with(csrf())
			.param("version", "3")
			.param("clock", "TTR");
		for (int i = 0; i < fields.length; i += 2) {
			add.param(fields[i], fields[i + 1]);
		}
		return add;
	}

	private static EscalationLevel level(long id, int percent) {
		EscalationLevel level = mock(EscalationLevel.class);
		given(level.getId()).willReturn(id);
		given(level.getClock()).willReturn(SlaClock.TTR);
		given(level.getTriggerKind()).willReturn(EscalationTrigger.SHARE);
		given(level.getPercent()).willReturn(percent);
		given(level.definition()).willReturn(new LevelDefinition(id, SlaClock.TTR, EscalationTrigger.SHARE, percent,
				null, true, false, false, false, false, null, null));
		return level;
	}

}

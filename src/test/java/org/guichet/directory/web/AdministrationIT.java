package org.guichet.directory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.guichet.directory.ApiToken;
import org.guichet.directory.ApiTokens;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.HtmlForms;
import org.guichet.testing.ShiftableClock;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Category;
import org.guichet.tickets.CategoryRepository;
import org.guichet.tickets.Channel;
import org.guichet.tickets.ClosureSettings;
import org.guichet.tickets.DeskSettings;
import org.guichet.tickets.Impact;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.Priority;
import org.guichet.tickets.PriorityMatrix;
import org.guichet.tickets.ReplyToResolved;
import org.guichet.tickets.SurveySettings;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.AfterEach;
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
 * The administration and profile pages in the whole application, driven as a browser would:
 * a session opened by the login form, forms posted with their CSRF token.
 */
@GuichetIntegrationTest
@DatabaseNeutral
class AdministrationIT {

	@Autowired
	WebApplicationContext context;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	UserRepository users;

	@Autowired
	SupportGroupRepository groups;

	@Autowired
	CategoryRepository categories;

	@Autowired
	DeskSettings settings;

	@Autowired
	TicketManagement tickets;

	@Autowired
	ApiTokens tokens;

	@Autowired
	ShiftableClock clock;

	MockMvc mvc;

	PriorityMatrix matrixBefore;

	ClosureSettings closureBefore;

	SurveySettings surveyBefore;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		matrixBefore = settings.priorityMatrix();
		closureBefore = settings.closure();
		surveyBefore = settings.survey();
	}

	/** The desk settings are shared by every test of the application context. */
	@AfterEach
	void restoreSettings() {
		settings.savePriorityMatrix(matrixBefore);
		settings.saveClosure(closureBefore);
		settings.saveSurvey(surveyBefore);
		settings.saveReplyToResolved(ReplyToResolved.FLAG);
	}

	@Test
	void anAdministratorCreatesAUserWhoCanThenLogIn() throws Exception {
		MockHttpSession admin = login(fixtures.user("admin", Role.ADMINISTRATOR));
		User manager = fixtures.user("manager", Role.REQUESTER);
		String username = "new-" + UUID.randomUUID().toString().substring(0, 8);

		mvc.perform(submit("/admin/users/new", admin).param("username", username)
			.param("fullName", "Jeanne Martin")
			.param("email", "jeanne.martin@example.org")
			.param("phone", "01 23 45 67 89")
			.param("department", "Finance")
			.param("location", "Lyon")
			.param("managerId", String.valueOf(manager.getId()))
			.param("vip", "true")
			.param("language", "fr")
			.param("role", "TECHNICIAN")
			.param("active", "true")
			.param("password", "a-long-initial-password"))
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(flash().attribute("flash", "admin.flash.saved"));

		User created = users.findWithManagerById(users.findByUsername(username).orElseThrow().getId()).orElseThrow();
		assertThat(created.getFullName()).isEqualTo("Jeanne Martin");
		assertThat(created.getDepartment()).isEqualTo("Finance");
		assertThat(created.getManager().getId()).isEqualTo(manager.getId());
		assertThat(created.isVip()).isTrue();
		assertThat(created.getLanguage()).isEqualTo("fr");
		assertThat(created.getRole()).isEqualTo(Role.TECHNICIAN);
		mvc.perform(formLogin("/login").user(username).password("a-long-initial-password"))
			.andExpect(authenticated());
		mvc.perform(get("/admin/users").session(admin).param("q", username.toUpperCase()))
			.andExpect(content().string(containsString("Jeanne Martin")));
		String editPage = mvc.perform(get("/admin/users/" + created.getId() + "/edit").session(admin))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(editPage).containsPattern("value=\"" + manager.getId() + "\"\\s+selected=\"selected\"");
	}

	@Test
	void aUserChangedBySomeoneElseMeanwhileIsNotOverwrittenAndTheTypedValuesAreKept() throws Exception {
		MockHttpSession admin = login(fixtures.user("admin", Role.ADMINISTRATOR));
		User user = fixtures.user("edited", Role.REQUESTER);
		long versionSeenInTheForm = user.getVersion();
		user.setDepartment("Changed meanwhile");
		users.save(user);

		mvc.perform(submit("/admin/users/" + user.getId() + "/edit", admin).param("username", user.getUsername())
			.param("fullName", "Typed Name")
			.param("department", "Typed department")
			.param("role", "REQUESTER")
			.param("active", "true")
			.param("version", String.valueOf(versionSeenInTheForm)))
			.andExpect(status().isOk())
			.andExpect(view().name("admin/users/form"))
			.andExpect(content().string(containsString("Someone else changed this")))
			.andExpect(content().string(containsString("value=\"Typed department\"")));

		assertThat(users.findById(user.getId()).orElseThrow().getDepartment()).isEqualTo("Changed meanwhile");
	}

	@Test
	void anAdministratorCreatesAGroupOfAgentsButNoRequesterCanJoinIt() throws Exception {
		MockHttpSession admin = login(fixtures.user("admin", Role.ADMINISTRATOR));
		User technician = fixtures.user("tech", Role.TECHNICIAN);
		User requester = fixtures.user("requester", Role.REQUESTER);
		String name = "Systems " + UUID.randomUUID().toString().substring(0, 8);

		mvc.perform(submit("/admin/groups/new", admin).param("name", name)
			.param("level", "N2")
			.param("memberIds", String.valueOf(technician.getId()), String.valueOf(requester.getId())))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("groupForm", "memberIds", "admin.groups.members.agents-only"));
		mvc.perform(submit("/admin/groups/new", admin).param("name", name)
			.param("level", "N2")
			.param("memberIds", String.valueOf(technician.getId())))
			.andExpect(redirectedUrl("/admin/groups"));

		SupportGroup group = groups.findAllWithMembers().stream().filter(g -> g.getName().equals(name)).findFirst().orElseThrow();
		assertThat(group.getLevel().name()).isEqualTo("N2");
		assertThat(group.hasMember(technician.getId())).isTrue();
		mvc.perform(submit("/admin/groups/new", admin).param("name", name).param("level", "N1"))
			.andExpect(model().attributeHasFieldErrorCode("groupForm", "name", "admin.groups.name.taken"));
	}

	@Test
	void theEditedPriorityMatrixPrioritisesTheNextTicket() throws Exception {
		MockHttpSession admin = login(fixtures.user("admin", Role.ADMINISTRATOR));
		MockHttpServletRequestBuilder form = submit("/admin/settings/matrix", admin);
		for (Urgency urgency : Urgency.values()) {
			for (Impact impact : Impact.values()) {
				Priority priority = urgency == Urgency.HIGH && impact == Impact.LOW ? Priority.VERY_HIGH
						: matrixBefore.cell(urgency, impact);
				form.param("cells[" + urgency + "-" + impact + "]", priority.name());
			}
		}

		mvc.perform(form).andExpect(redirectedUrl("/admin/settings"));

		User requester = fixtures.user("requester", Role.REQUESTER);
		Ticket ticket = tickets.register(new NewTicket(TicketType.INCIDENT, "Printer on fire", "Smoke everywhere", null,
				Channel.PORTAL, null, Urgency.HIGH, Impact.LOW, List.of()), TestFixtures.current(requester));
		assertThat(ticket.getImpact()).isEqualTo(Impact.LOW);
		assertThat(ticket.getPriority()).isEqualTo(Priority.VERY_HIGH);
		String page = mvc.perform(get("/admin/settings").session(admin)).andReturn().getResponse().getContentAsString();
		String cell = page.substring(page.indexOf("name=\"cells[HIGH-LOW]\""));
		assertThat(cell.substring(0, cell.indexOf("</select>"))).containsPattern("value=\"VERY_HIGH\"\\s+selected=\"selected\"");
	}

	@Test
	void theAdministratorChoosesThatRepliesToAResolvedTicketRefuseItsSolution() throws Exception {
		MockHttpSession admin = login(fixtures.user("admin", Role.ADMINISTRATOR));
		assertThat(settings.replyToResolved()).isEqualTo(ReplyToResolved.FLAG);

		mvc.perform(submit("/admin/settings/reply-to-resolved", admin).param("replyToResolved", "REFUSE"))
			.andExpect(redirectedUrl("/admin/settings"));

		assertThat(settings.replyToResolved()).isEqualTo(ReplyToResolved.REFUSE);
		String page = mvc.perform(get("/admin/settings").session(admin)).andReturn().getResponse().getContentAsString();
		assertThat(page).containsPattern("value=\"REFUSE\"[^>]*checked=\"checked\"");
		mvc.perform(submit("/admin/settings/reply-to-resolved", admin))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("replyToResolvedForm", "replyToResolved", "NotNull"));
		assertThat(settings.replyToResolved()).isEqualTo(ReplyToResolved.REFUSE);
	}

	@Test
	void anAutoCloseDelayAboveAYearIsRefusedNextToTheFieldKeepingWhatWasTyped() throws Exception {
		MockHttpSession admin = login(fixtures.user("admin", Role.ADMINISTRATOR));

		mvc.perform(submit("/admin/settings/closure", admin).param("autoCloseDays", "400"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("closureForm", "autoCloseDays", "settings.auto-close.range"))
			.andExpect(content().string(containsString("id=\"autoCloseDays-error\"")))
			.andExpect(content().string(containsString("from 0 (never) to 365 days")))
			.andExpect(content().string(containsString("value=\"400\"")));

		assertThat(settings.closure()).isEqualTo(closureBefore);
	}

	@Test
	void turningRequesterValidationOffAndAutoCloseToNeverIsSaved() throws Exception {
		MockHttpSession admin = login(fixtures.user("admin", Role.ADMINISTRATOR));

		// an unchecked box sends only Spring's marker field
		mvc.perform(submit("/admin/settings/closure", admin).param("_requesterValidation", "on")
			.param("autoCloseDays", "0")).andExpect(status().is3xxRedirection());

		assertThat(settings.closure()).isEqualTo(new ClosureSettings(false, 0));
		String page = mvc.perform(get("/admin/settings").session(admin)).andReturn().getResponse().getContentAsString();
		assertThat(page).doesNotContainPattern("name=\"requesterValidation\"[^>]*checked");
	}

	@Test
	void theSurveyFormRefusesWrongFieldsNextToThemAndKeepsWhatWasTyped() throws Exception {
		MockHttpSession admin = login(fixtures.user("admin", Role.ADMINISTRATOR));

		mvc.perform(submit("/admin/settings/survey", admin).param("enabled", "true")
			.param("sharePercent", "150")
			.param("delayHours", "douze")
			.param("validityDays", "0"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("surveyForm", "delayHours", "typeMismatch"))
			.andExpect(content().string(containsString("value=\"150\"")))
			.andExpect(content().string(containsString("value=\"douze\"")))
			.andExpect(content().string(containsString("Enter a whole number of hours.")));
		assertThat(settings.survey()).isEqualTo(surveyBefore);

		mvc.perform(submit("/admin/settings/survey", admin).param("enabled", "true")
			.param("sharePercent", "150")
			.param("delayHours", "12")
			.param("validityDays", "0"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("surveyForm", "sharePercent", "settings.survey.share-range"))
			.andExpect(model().attributeHasFieldErrorCode("surveyForm", "validityDays", "settings.survey.validity-range"))
			.andExpect(content().string(containsString("id=\"sharePercent-error\"")))
			.andExpect(content().string(containsString("id=\"validityDays-error\"")))
			.andExpect(content().string(containsString("value=\"150\"")));
		assertThat(settings.survey()).isEqualTo(surveyBefore);

		mvc.perform(submit("/admin/settings/survey", admin).param("enabled", "true")
			.param("sharePercent", "25")
			.param("delayHours", "12")
			.param("validityDays", "10"))
			.andExpect(status().is3xxRedirection());
		assertThat(settings.survey()).isEqualTo(new SurveySettings(true, 25, 12, 10));
	}

	@Test
	void aCategoryCannotMoveUnderItsOwnSubCategory() throws Exception {
		MockHttpSession admin = login(fixtures.user("admin", Role.ADMINISTRATOR));
		Category root = fixtures.category("Printer");
		Category child = categories.save(new Category("Paper jam", root));

		mvc.perform(submit("/admin/categories/" + root.getId() + "/edit", admin).param("name", root.getName())
			.param("parentId", String.valueOf(child.getId()))
			.param("version", String.valueOf(root.getVersion())))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("categoryForm", "parentId", "category.parent-cycle"));
		mvc.perform(submit("/admin/categories/" + child.getId() + "/deactivate", admin))
			.andExpect(redirectedUrl("/admin/categories"));

		assertThat(categories.findById(root.getId()).orElseThrow().getParent()).isNull();
		assertThat(categories.findById(child.getId()).orElseThrow().isActive()).isFalse();
	}

	@Test
	void aRequesterIsForbiddenFromTheAdministration() throws Exception {
		MockHttpSession requester = login(fixtures.user("requester", Role.REQUESTER));

		mvc.perform(get("/admin").session(requester)).andExpect(status().isForbidden());
		mvc.perform(get("/admin/settings").session(requester)).andExpect(status().isForbidden());
	}

	@Test
	void aPersonalApiTokenIsShownOnceAndStopsWorkingWhenRevoked() throws Exception {
		User user = fixtures.user("scripter", Role.REQUESTER);
		MockHttpSession session = login(user);

		MvcResult created = mvc.perform(submit("/profile/tokens", session).param("name", "backup script"))
			.andExpect(redirectedUrl("/profile/tokens/created"))
			.andReturn();
		String secret = (String) created.getFlashMap().get("tokenSecret");
		mvc.perform(get("/profile/tokens/created").session(session))
			.andExpect(content().string(containsString(secret)));
		mvc.perform(get("/profile/tokens/created").session(session)).andExpect(redirectedUrl("/profile"));
		assertThat(tokens.authenticate(secret))
			.hasValueSatisfying(bearer -> assertThat(bearer.user().id()).isEqualTo(user.getId()));

		ApiToken token = tokens.of(user.id()).get(0);
		mvc.perform(get("/profile").session(session))
			.andExpect(content().string(containsString("backup script")))
			.andExpect(content().string(not(containsString(secret))));
		mvc.perform(submit("/profile/tokens/" + token.getId() + "/revoke", session)).andExpect(redirectedUrl("/profile"));

		assertThat(tokens.authenticate(secret)).isEmpty();
	}

	@Test
	void aReadOnlyTokenReadsButChangesNothingAndATokenPastItsLastDayIsRefused() throws Exception {
		User user = fixtures.user("reporter", Role.REQUESTER);
		MockHttpSession session = login(user);
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Paris"));
		mvc.perform(submit("/profile/tokens", session).param("name", "weekly report").param("scope", "READ_ONLY")
			.param("expiresOn", today.minusDays(1).toString()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("tokenForm", "expiresOn", "api.token.expiry-past"))
			.andExpect(content().string(containsString("weekly report")));
		MvcResult created = mvc.perform(submit("/profile/tokens", session).param("name", "weekly report")
			.param("scope", "READ_ONLY").param("expiresOn", today.toString()))
			.andExpect(redirectedUrl("/profile/tokens/created"))
			.andReturn();
		String bearer = "Bearer " + created.getFlashMap().get("tokenSecret");

		mvc.perform(get("/api/v1/users/me").header("Authorization", bearer)).andExpect(status().isOk());
		mvc.perform(post("/api/v1/tickets").header("Authorization", bearer).header("Accept-Language", "en")
			.contentType("application/json").content("{\"title\": \"Printer\", \"description\": \"Jammed\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(content().string(containsString("may only read")));
		mvc.perform(get("/profile").session(session)).andExpect(content().string(containsString("Read only")));
		try {
			clock.advance(Duration.ofDays(2));
			mvc.perform(get("/api/v1/users/me").header("Authorization", bearer).header("Accept-Language", "en"))
				.andExpect(status().isUnauthorized())
				.andExpect(content().string(containsString("has expired")));
			mvc.perform(get("/profile").session(session)).andExpect(content().string(containsString("Expired")));
		}
		finally {
			clock.reset();
		}
	}

	@Test
	void aPasswordChangeWithAWrongCurrentPasswordIsRefused() throws Exception {
		User user = fixtures.user("forgetful", Role.REQUESTER);
		MockHttpSession session = login(user);

		mvc.perform(submit("/profile/password", session).param("currentPassword", "not-my-password")
			.param("newPassword", "a-brand-new-password")
			.param("confirmation", "a-brand-new-password"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("passwordForm", "currentPassword", "password.current-wrong"));
		mvc.perform(submit("/profile/password", session).param("currentPassword", TestFixtures.PASSWORD)
			.param("newPassword", "a-brand-new-password")
			.param("confirmation", "another-new-password"))
			.andExpect(model().attributeHasFieldErrorCode("passwordForm", "confirmation", "profile.password.mismatch"));

		mvc.perform(formLogin("/login").user(user.getUsername()).password(TestFixtures.PASSWORD))
			.andExpect(authenticated());
	}

	@Test
	void aLanguageChangeTakesEffectOnTheNextPage() throws Exception {
		MockHttpSession session = login(fixtures.user("polyglot", Role.REQUESTER));

		mvc.perform(submit("/profile/language", session).param("language", "fr")).andExpect(redirectedUrl("/profile"));
		mvc.perform(get("/profile").session(session))
			.andExpect(content().string(containsString("<h1 class=\"h2 mb-3\">Mon profil</h1>")));
		mvc.perform(submit("/profile/language", session).param("language", "en")).andExpect(redirectedUrl("/profile"));
		mvc.perform(get("/profile").session(session))
			.andExpect(content().string(containsString("<h1 class=\"h2 mb-3\">My profile</h1>")))
			.andExpect(content().string(containsString("lang=\"en\"")));
	}

	@Test
	void aPersonWithoutALanguageOfTheirOwnGetsTheBrowsersAndCanGoBackToIt() throws Exception {
		User user = fixtures.user("browser-led", Role.REQUESTER);
		user.setLanguage(null);
		users.save(user);
		MockHttpSession session = login(user);

		mvc.perform(get("/profile").session(session).header("Accept-Language", "en-GB,en;q=0.8"))
			.andExpect(content().string(containsString("<h1 class=\"h2 mb-3\">My profile</h1>")))
			.andExpect(content().string(containsString("<option value=\"\" selected=\"selected\">")));
		mvc.perform(get("/profile").session(session).header("Accept-Language", "fr-CA"))
			.andExpect(content().string(containsString("<h1 class=\"h2 mb-3\">Mon profil</h1>")));

		mvc.perform(submit("/profile/language", session).param("language", "fr")).andExpect(redirectedUrl("/profile"));
		mvc.perform(get("/profile").session(session).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("Mon profil")));
		mvc.perform(submit("/profile/language", session).param("language", "")).andExpect(redirectedUrl("/profile"));
		mvc.perform(get("/profile").session(session).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("My profile")));
	}

	@Test
	void aClosureOrSurveyFormOpenedBeforeAnotherSaveIsRefusedKeepingWhatWasTyped() throws Exception {
		MockHttpSession admin = login(fixtures.user("admin", Role.ADMINISTRATOR));
		String staleTab = mvc.perform(get("/admin/settings").session(admin)).andReturn().getResponse().getContentAsString();
		String staleClosure = HtmlForms.hiddenFields(staleTab, "/admin/settings/closure").get("loaded");
		String staleSurvey = HtmlForms.hiddenFields(staleTab, "/admin/settings/survey").get("loaded");
		assertThat(staleClosure).as("the closure form says what it was loaded with").isNotBlank();
		assertThat(staleSurvey).as("the survey form says what it was loaded with").isNotBlank();

		// another tab saves both forms first
		mvc.perform(submit("/admin/settings/closure", admin).param("_requesterValidation", "on")
			.param("autoCloseDays", "3")
			.param("loaded", staleClosure)).andExpect(redirectedUrl("/admin/settings"));
		mvc.perform(submit("/admin/settings/survey", admin).param("enabled", "true")
			.param("sharePercent", "25")
			.param("delayHours", "1")
			.param("validityDays", "5")
			.param("loaded", staleSurvey)).andExpect(redirectedUrl("/admin/settings"));

		String refusedClosure = mvc
			.perform(submit("/admin/settings/closure", admin).param("requesterValidation", "true")
				.param("autoCloseDays", "10")
				.param("loaded", staleClosure))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasErrors("closureForm"))
			.andExpect(content().string(containsString("id=\"closure-changed\"")))
			.andExpect(content().string(containsString("value=\"10\"")))
			.andReturn().getResponse().getContentAsString();
		assertThat(settings.closure()).as("the other tab's change stays").isEqualTo(new ClosureSettings(false, 3));
		String refusedSurvey = mvc
			.perform(submit("/admin/settings/survey", admin).param("enabled", "true")
				.param("sharePercent", "80")
				.param("delayHours", "2")
				.param("validityDays", "14")
				.param("loaded", staleSurvey))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"survey-changed\"")))
			.andExpect(content().string(containsString("value=\"80\"")))
			.andReturn().getResponse().getContentAsString();
		assertThat(settings.survey()).isEqualTo(new SurveySettings(true, 25, 1, 5));

		// saving the refused form again replaces the other tab's values knowingly
		mvc.perform(submit("/admin/settings/closure", admin).param("requesterValidation", "true")
			.param("autoCloseDays", "10")
			.param("loaded", HtmlForms.hiddenFields(refusedClosure, "/admin/settings/closure").get("loaded")))
			.andExpect(redirectedUrl("/admin/settings"));
		assertThat(settings.closure()).isEqualTo(new ClosureSettings(true, 10));
		mvc.perform(submit("/admin/settings/survey", admin).param("enabled", "true")
			.param("sharePercent", "80")
			.param("delayHours", "2")
			.param("validityDays", "14")
			.param("loaded", HtmlForms.hiddenFields(refusedSurvey, "/admin/settings/survey").get("loaded")))
			.andExpect(redirectedUrl("/admin/settings"));
		assertThat(settings.survey()).isEqualTo(new SurveySettings(true, 80, 2, 14));
	}

	private MockHttpSession login(User user) throws Exception {
		MvcResult result = mvc.perform(formLogin("/login").user(user.getUsername()).password(TestFixtures.PASSWORD))
			.andExpect(authenticated())
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	private static MockHttpServletRequestBuilder submit(String url, MockHttpSession session) {
		return post(url).session(session).with(csrf());
	}

}

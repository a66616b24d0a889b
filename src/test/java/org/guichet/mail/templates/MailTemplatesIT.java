package org.guichet.mail.templates;

import java.util.List;
import java.util.Map;

import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.mail.MailKind;
import org.guichet.system.OneLine;
import org.guichet.testing.ApiClient;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Administration › Mail out › Mail texts and {@code /api/v1/mail-templates} on the whole application:
 * saving, previewing, every refusal with what was typed kept, going back to the default texts, and
 * no one but administrators.
 */
@GuichetIntegrationTest
@DatabaseNeutral
class MailTemplatesIT {

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private MailTemplates templates;

	@LocalServerPort
	private int port;

	@AfterEach
	void backToDefaults() {
		for (MailKind kind : MailKind.values()) {
			MailTemplates.LANGUAGES.forEach(language -> templates.reset(kind, language, templates.version(kind, language)));
		}
	}

	@Test
	void theListShowsEveryKindInEachLanguageAndLinksToItsEditor() throws Exception {
		String page = page(admin(), "/admin/mail/templates");
		for (MailKind kind : MailKind.values()) {
			assertThat(page).contains("/admin/mail/templates/" + kind.key() + "/fr", "/admin/mail/templates/" + kind.key() + "/en");
		}
		assertThat(page).contains("Request received", "Default text");
		assertThat(page(admin(), "/admin/mail")).contains("href=\"/admin/mail/templates\"");
	}

	@Test
	void theEditorShowsTheTextsWithTheirPlaceholdersExplained() throws Exception {
		String page = page(admin(), "/admin/mail/templates/reply/en");
		assertThat(page).contains("value=\"New reply: {title}\"", "{author}",
				"the name of the member of the IT team who replied", "{ticket}", "the reference of the ticket")
			.doesNotContain("{what}");
		assertThat(page(admin(), "/admin/mail/templates/agent/fr")).contains("{what}", "what happened, as the notification in Guichet says it",
				"value=\"{title}\"");
	}

	@Test
	void savingOnThePageReplacesTheTextsAndBackToDefaultBringsThemBack() throws Exception {
		MockHttpSession admin = admin();
		mvc().perform(post("/admin/mail/templates/received/en").session(admin).with(csrf())
			.param("version", receivedVersion())
			.param("subject", "Got it: {title}").param("body", "Thanks {name}, we have {ticket}."))
			.andExpect(status().is3xxRedirection());
		assertThat(templates.current(MailKind.RECEIVED, java.util.Locale.ENGLISH))
			.isEqualTo(new MailTemplate("Got it: {title}", "Thanks {name}, we have {ticket}."));
		String page = page(admin, "/admin/mail/templates/received/en");
		assertThat(page).contains("value=\"Got it: {title}\"", "id=\"template-reset\"");
		assertThat(page(admin, "/admin/mail/templates")).contains("Edited");

		mvc().perform(post("/admin/mail/templates/received/en/reset").session(admin).with(csrf())
			.param("version", Long.toString(templates.version(MailKind.RECEIVED, "en"))))
			.andExpect(status().is3xxRedirection());
		assertThat(templates.current(MailKind.RECEIVED, java.util.Locale.ENGLISH).subject())
			.isEqualTo("Request received: {title}");
		assertThat(page(admin, "/admin/mail/templates/received/en")).doesNotContain("id=\"template-reset\"");
	}

	@Test
	void aRefusedFormComesBackWithWhatWasTypedAndEachErrorNextToItsField() throws Exception {
		String page = mvc().perform(post("/admin/mail/templates/received/en").session(admin()).with(csrf())
			.header("Accept-Language", "en")
			.param("version", receivedVersion())
			.param("subject", "Line one\nline two {tittle}").param("body", "Kept {author} text"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"subject-error\"", "Write this on one line: line breaks, tabs",
				"id=\"body-error\"", "There is no placeholder {author} in this mail: use only {name}, {ticket}, {title}",
				"Kept {author} text", "Line one");
		assertThat(templates.override(MailKind.RECEIVED, "en")).isEmpty();

		String empty = mvc().perform(post("/admin/mail/templates/received/en").session(admin()).with(csrf())
			.header("Accept-Language", "en").param("version", receivedVersion()).param("subject", " ").param("body", ""))
			.andReturn().getResponse().getContentAsString();
		assertThat(empty).contains("Write the subject of the mail.", "Write the text of the mail.");
		String tooLong = mvc().perform(post("/admin/mail/templates/received/en").session(admin()).with(csrf())
			.header("Accept-Language", "en").param("version", receivedVersion()).param("subject", "s".repeat(201))
			.param("body", "b".repeat(5001)))
			.andReturn().getResponse().getContentAsString();
		assertThat(tooLong).contains("Too long: enter at most 200 characters.", "Too long: enter at most 5,000 characters.");
	}

	@Test
	void thePreviewShowsTheSubjectTheSandboxedHtmlAndTheTextForTheExampleInTheTextsLanguageWithoutSaving()
			throws Exception {
		String preview = mvc().perform(post("/admin/mail/templates/reply/fr/preview").session(admin()).with(csrf())
			.header("HX-Request", "true").header("Accept-Language", "en")
			.param("subject", "Réponse : {title}").param("body", "**{author}** vous répond, {name}."))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(preview).doesNotContain("<html").contains("id=\"template-preview-subject\"",
				"[#1042] Réponse : L’imprimante du deuxième étage n’imprime pas", "sandbox=\"\"", "srcdoc=\"",
				"&lt;strong&gt;Camille Durand&lt;/strong&gt; vous répond, Alice Martin.",
				"**Camille Durand** vous répond, Alice Martin.", "Camille Durand a écrit :", "file-impression.png");
		assertThat(templates.override(MailKind.PUBLIC_REPLY, "fr")).as("nothing saved").isEmpty();

		String refused = mvc().perform(post("/admin/mail/templates/reply/fr/preview").session(admin()).with(csrf())
			.header("Accept-Language", "en").param("subject", "").param("body", "{nope}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("Write the subject of the mail.", "There is no placeholder {nope}")
			.doesNotContain("srcdoc");
	}

	@Test
	void requestersAndTechniciansMayNeitherSeeNorChangeTheTexts() throws Exception {
		for (Role role : List.of(Role.REQUESTER, Role.TECHNICIAN, Role.SUPERVISOR)) {
			MockHttpSession session = login(fixtures.user("tpl-" + role.name().toLowerCase(), role));
			mvc().perform(get("/admin/mail/templates").session(session)).andExpect(status().isForbidden());
			mvc().perform(post("/admin/mail/templates/received/en").session(session).with(csrf())
				.param("subject", "x").param("body", "y")).andExpect(status().isForbidden());
			ApiClient api = api(role);
			assertThat(api.get("/api/v1/mail-templates").status()).isEqualTo(403);
			assertThat(api.put("/api/v1/mail-templates/RECEIVED/en", Map.of("subject", "x", "body", "y")).status())
				.isEqualTo(403);
			assertThat(api.delete("/api/v1/mail-templates/RECEIVED/en").status()).isEqualTo(403);
		}
		assertThat(templates.override(MailKind.RECEIVED, "en")).isEmpty();
	}

	@Test
	void theApiListsReadsReplacesPreviewsAndResetsTheTexts() {
		ApiClient api = api(Role.ADMINISTRATOR);
		JsonNode all = api.get("/api/v1/mail-templates").json();
		assertThat(all.size()).isEqualTo(MailKind.values().length * 2);

		long read = api.get("/api/v1/mail-templates/PUBLIC_REPLY/en").json().get("version").asLong();
		ApiClient.Response saved = api.put("/api/v1/mail-templates/PUBLIC_REPLY/en",
				Map.of("subject", "Answer: {title}", "body", "{author} answered, {name}.", "version", read));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		assertThat(saved.json().get("edited").asBoolean()).isTrue();
		assertThat(saved.json().get("subject").asString()).isEqualTo("Answer: {title}");
		assertThat(saved.json().get("updatedAt").asString()).isNotBlank();
		assertThat(saved.header("ETag")).isEqualTo("\"" + (read + 1) + "\"");
		assertThat(saved.json().get("defaultSubject").asString()).isEqualTo("New reply: {title}");
		assertThat(saved.json().get("placeholders").toString()).contains("{author}", "{name}", "{ticket}", "{title}");
		assertThat(api.get("/api/v1/mail-templates/PUBLIC_REPLY/en").json().get("body").asString())
			.isEqualTo("{author} answered, {name}.");

		JsonNode preview = api.post("/api/v1/mail-templates/PUBLIC_REPLY/en/preview",
				Map.of("subject", "Hi {title}", "body", "Dear *{name}*")).json();
		assertThat(preview.get("subject").asString()).isEqualTo("[#1042] Hi The printer of the second floor does not print");
		assertThat(preview.get("html").asString()).contains("Dear <em>Alice Martin</em>", "Camille Durand wrote:");
		assertThat(preview.get("text").asString()).contains("Dear *Alice Martin*", "print-queue.png");

		assertThat(api.delete("/api/v1/mail-templates/PUBLIC_REPLY/en").status()).as("a reset names its version")
			.isEqualTo(428);
		ApiClient.Response reset = api.delete("/api/v1/mail-templates/PUBLIC_REPLY/en", "If-Match", "\"" + (read + 1) + "\"");
		assertThat(reset.json().get("edited").asBoolean()).isFalse();
		assertThat(reset.json().get("version").asLong()).as("a reset is a change too").isEqualTo(read + 2);
		assertThat(reset.json().get("subject").asString()).isEqualTo("New reply: {title}");
	}

	@Test
	void theApiRefusesEveryWrongFieldAtOnceAndAnUnknownKindOrLanguage() {
		ApiClient api = api(Role.ADMINISTRATOR);
		long version = templates.version(MailKind.RECEIVED, "en");
		ApiClient.Response refused = api.put("/api/v1/mail-templates/RECEIVED/en",
				Map.of("subject", "x".repeat(MailTemplates.SUBJECT_MAX + 1), "body", "x {what}", "version", version));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.json().get("errors").toString()).contains("\"field\":\"subject\"",
				"field.too-long", "\"field\":\"body\"", "mail.templates.placeholder.unknown",
				"There is no placeholder {what} in this mail");
		ApiClient.Response twoLines = api.put("/api/v1/mail-templates/RECEIVED/en",
				Map.of("subject", "Two\r\nBcc: x@example.org", "body", "Text", "version", version));
		assertThat(twoLines.status()).isEqualTo(400);
		assertThat(twoLines.json().get("field").asString()).isEqualTo("subject");
		assertThat(twoLines.json().get("code").asString()).isEqualTo(OneLine.CODE);
		ApiClient.Response missing = api.put("/api/v1/mail-templates/RECEIVED/en", Map.of());
		assertThat(missing.json().get("errors").findValuesAsString("field")).containsExactly("subject", "body");
		assertThat(missing.json().get("errors").findValuesAsString("code")).containsOnly("field.required");
		ApiClient.Response tooLong = api.put("/api/v1/mail-templates/RECEIVED/en",
				Map.of("subject", "s".repeat(201), "body", "b".repeat(5001), "version", version));
		assertThat(tooLong.json().get("errors").toString()).contains("\"field\":\"subject\"", "\"field\":\"body\"",
				"field.too-long");
		assertThat(api.post("/api/v1/mail-templates/RECEIVED/en/preview", Map.of("subject", "", "body", "b")).status())
			.isEqualTo(400);
		assertThat(templates.override(MailKind.RECEIVED, "en")).isEmpty();
		assertThat(api.get("/api/v1/mail-templates/NOPE/en").status()).isEqualTo(404);
		assertThat(api.put("/api/v1/mail-templates/RECEIVED/de", Map.of("subject", "s", "body", "b")).status())
			.isEqualTo(404);
	}

	@Test
	void textsSavedOnAnOldVersionComeBackAsTypedSayingTheyChangedMeanwhileAndChangeNothing() throws Exception {
		String read = receivedVersion();
		templates.save(MailKind.RECEIVED, "en", Long.parseLong(read), "Theirs: {title}", "Their text, {name}.",
				fixtures.user("tpl-other-admin", Role.ADMINISTRATOR).getId());

		String page = mvc().perform(post("/admin/mail/templates/received/en").session(admin()).with(csrf())
			.header("Accept-Language", "en")
			.param("version", read)
			.param("subject", "Mine: {title}")
			.param("body", "My text, {name}."))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("Someone else changed this since you opened the form", "value=\"Mine: {title}\"",
				"My text, {name}.", "name=\"version\" value=\"" + receivedVersion() + "\"");
		assertThat(templates.current(MailKind.RECEIVED, java.util.Locale.ENGLISH).subject()).isEqualTo("Theirs: {title}");
	}

	@Test
	void backToDefaultFromAPageOlderThanTheTextsKeepsTheOtherAdministratorsTexts() throws Exception {
		String read = receivedVersion();
		templates.save(MailKind.RECEIVED, "en", Long.parseLong(read), "Theirs: {title}", "Their text, {name}.",
				fixtures.user("tpl-other-admin", Role.ADMINISTRATOR).getId());

		mvc().perform(post("/admin/mail/templates/received/en/reset").session(admin()).with(csrf())
			.header("Accept-Language", "en")
			.param("version", read));

		assertThat(templates.current(MailKind.RECEIVED, java.util.Locale.ENGLISH).subject()).isEqualTo("Theirs: {title}");
	}

	@Test
	void theApiRefusesABackToDefaultOnAnOldVersion() {
		ApiClient api = api(Role.ADMINISTRATOR);
		String read = receivedVersion();
		templates.save(MailKind.RECEIVED, "en", Long.parseLong(read), "Theirs: {title}", "Their text, {name}.",
				fixtures.user("tpl-other-admin", Role.ADMINISTRATOR).getId());

		ApiClient.Response reset = api.delete("/api/v1/mail-templates/RECEIVED/en", "If-Match", "\"" + read + "\"");

		assertThat(reset.status()).as(reset.toString()).isEqualTo(412);
		assertThat(templates.current(MailKind.RECEIVED, java.util.Locale.ENGLISH).subject()).isEqualTo("Theirs: {title}");
	}

	/** The version of the received mail's English texts, as the editor puts it in its form. */
	private String receivedVersion() {
		return String.valueOf(templates.version(MailKind.RECEIVED, "en"));
	}

	private ApiClient api(Role role) {
		User user = fixtures.user("tpl-api-" + role.name().toLowerCase(), role);
		return ApiClient.bearer(port, fixtures.token(user));
	}

	private MockMvc mvc() {
		return MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	private MockHttpSession admin() throws Exception {
		return login(fixtures.user("tpl-admin", Role.ADMINISTRATOR));
	}

	private MockHttpSession login(User user) throws Exception {
		return (MockHttpSession) mvc().perform(formLogin().user(user.getUsername()).password(TestFixtures.PASSWORD))
			.andReturn()
			.getRequest()
			.getSession();
	}

	private String page(MockHttpSession session, String path) throws Exception {
		return mvc().perform(get(path).session(session).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}

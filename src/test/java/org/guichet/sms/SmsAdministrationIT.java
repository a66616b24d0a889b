package org.guichet.sms;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.system.CacheGenerations;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Administration › SMS in the whole application: the page's settings put in force at once and
 * again at a start, their secrets encrypted in {@code sms_settings}, wrong values refused field by
 * field with what was typed kept, a failed SMS sent once again on demand, a test SMS straight to
 * the gateway; the same through the API ({@code /api/v1/admin/sms}), its secrets write-only. The
 * gateway is a local HTTP server started by the test; the saved row is removed
 * and the settings put back after each test, as this class shares the other tests' application.
 */
@GuichetIntegrationTest
@DatabaseNeutral
class SmsAdministrationIT {

	private static final String SMS = "/api/v1/admin/sms";

	private static final String GATEWAY_KEY = "Bearer admin-gateway-key";

	private static final String INBOUND_SECRET = "an-inbound-secret-" + UUID.randomUUID();

	private static final String TWILIO_TOKEN = "twilio-token-" + UUID.randomUUID();

	private static HttpServer gateway;

	/** The bodies the local gateway took. */
	private static final List<String> delivered = Collections.synchronizedList(new ArrayList<>());

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private SmsSettings settings;

	@Autowired
	private SmsAdministration administration;

	@Autowired
	private SmsSendingJob job;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private StoredSmsSettings stored;

	@Autowired
	private SmsProperties properties;

	@Autowired
	private CacheGenerations generations;

	@LocalServerPort
	private int port;

	private MockMvc mvc;

	private SmsProperties original;

	@BeforeAll
	static void startGateway() throws IOException {
		gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		gateway.createContext("/send", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			boolean authorised = GATEWAY_KEY.equals(exchange.getRequestHeaders().getFirst("Authorization"));
			if (authorised) {
				delivered.add(body);
			}
			byte[] answer = (authorised ? "{\"id\":\"gw-" + delivered.size() + "\"}" : "who?").getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(authorised ? 200 : 401, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		gateway.start();
	}

	@AfterAll
	static void stopGateway() {
		gateway.stop(0);
	}

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		original = settings.current();
	}

	@AfterEach
	void putBack() {
		fixtures.removeSavedSmsSettings();
		settings.replaceDefaults(original);
	}

	@Test
	void savingThePagePutsItInForceAtOnceAndAtTheNextStartWithItsSecretsEncryptedInTheDatabase() throws Exception {
		MockHttpSession admin = login(Role.ADMINISTRATOR);
		SupportGroup group = fixtures.group(SupportLevel.N1);

		mvc.perform(valid(submit("/admin/sms", admin), group))
			.andExpect(redirectedUrl("/admin/sms"))
			.andExpect(flash().attribute("flash", "sms.admin.saved"));

		SmsProperties inForce = settings.current();
		assertThat(inForce.enabled()).isTrue();
		assertThat(inForce.provider()).isEqualTo(SmsProperties.Provider.HTTP);
		assertThat(inForce.number()).isEqualTo("+33612345678");
		assertThat(inForce.group()).isEqualTo(group.getName());
		assertThat(inForce.followUpWindow().toHours()).isEqualTo(48);
		assertThat(inForce.segments()).isEqualTo(2);
		assertThat(inForce.inboundSecret()).isEqualTo(INBOUND_SECRET);
		assertThat(inForce.http().authHeader()).isEqualTo("Authorization: " + GATEWAY_KEY);
		assertThat(inForce.twilio().authToken()).isEqualTo(TWILIO_TOKEN);
		mvc.perform(post("/api/v1/sms/inbound/generic").contentType(MediaType.APPLICATION_JSON)
			.header("X-Guichet-Sms-Secret", INBOUND_SECRET)
			.content("{\"from\":\"+33 6 98 76 54 32\",\"to\":\"+33612345678\",\"text\":\"Allô ?\",\"messageId\":\"" + UUID.randomUUID()
					+ "\"}"))
			.andExpect(status().isOk());

		Map<String, Object> row = jdbc.queryForMap("select * from sms_settings");
		assertThat(row.values()).noneSatisfy(value -> assertThat(String.valueOf(value))
			.containsAnyOf(INBOUND_SECRET, TWILIO_TOKEN, "admin-gateway-key"));
		assertThat(row).hasEntrySatisfying("INBOUND_SECRET", value -> assertThat((String) value).startsWith("v1."));
		assertThat(page(admin, "/admin/sms")).doesNotContain(INBOUND_SECRET, TWILIO_TOKEN, "admin-gateway-key")
			.contains("id=\"inboundSecret-help\"");

		SmsSettings anotherNode = new SmsSettings(properties, stored, generations, "http://localhost:8080");
		assertThat(anotherNode.current()).as("read by another node, or at a start").isEqualTo(inForce);
	}

	@Test
	void anEmptySecretKeepsTheOneInForceAndItsBoxRemovesIt() throws Exception {
		MockHttpSession admin = login(Role.ADMINISTRATOR);
		SupportGroup group = fixtures.group(SupportLevel.N1);
		mvc.perform(valid(submit("/admin/sms", admin), group)).andExpect(redirectedUrl("/admin/sms"));

		mvc.perform(valid(submit("/admin/sms", admin), group, "version", "1", "inboundSecret", "",
				"httpAuthHeaderValue", "", "twilioAuthToken", "", "clearTwilioAuthToken", "true"))
			.andExpect(redirectedUrl("/admin/sms"));

		assertThat(settings.current().inboundSecret()).isEqualTo(INBOUND_SECRET);
		assertThat(settings.current().http().authHeader()).isEqualTo("Authorization: " + GATEWAY_KEY);
		assertThat(settings.current().twilio().authToken()).isEmpty();
		assertThat(jdbc.queryForObject("select twilio_auth_token from sms_settings", String.class)).isNull();
	}

	@Test
	void wrongValuesAreRefusedNextToTheirFieldsWithWhatWasTypedKeptAndNothingChanged() throws Exception {
		MockHttpSession admin = login(Role.ADMINISTRATOR);
		SmsProperties before = settings.current();

		String refused = mvc.perform(submit("/admin/sms", admin).param("enabled", "true")
			.param("provider", "HTTP")
			.param("number", "12")
			.param("defaultRegion", "ZZ")
			.param("followUpHours", "-3")
			.param("segments", "9")
			.param("inboundSecret", "short")
			.param("httpUrl", "not an address")
			.param("httpAuthHeaderName", "Bad Header")
			.param("httpBodyTemplate", "{\"to\":\"{to}\"}")
			.param("twilioBaseUrl", "https://api.twilio.com"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		for (String field : List.of("defaultRegion", "followUpHours", "segments", "inboundSecret", "httpUrl",
				"httpAuthHeaderName", "httpBodyTemplate")) {
			assertThat(refused).as(field).contains("id=\"" + field + "-error\"");
		}
		assertThat(refused).contains("value=\"not an address\"").contains("value=\"Bad Header\"").contains("value=\"-3\"")
			.contains("{&quot;to&quot;:&quot;{to}&quot;}");
		assertThat(settings.current()).isEqualTo(before);
		assertThat(jdbc.queryForObject("select count(*) from sms_settings", Integer.class)).isZero();

		String badNumber = mvc.perform(valid(submit("/admin/sms", admin), fixtures.group(SupportLevel.N1), "number", "12"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(badNumber).contains("id=\"number-error\"").contains("value=\"12\"");
	}

	@Test
	void settingsSavedOnAnOldVersionComeBackAsTypedSayingTheyChangedMeanwhileAndChangeNothing() throws Exception {
		MockHttpSession admin = login(Role.ADMINISTRATOR);
		SupportGroup group = fixtures.group(SupportLevel.N1);
		// another administrator, meanwhile: version 1
		mvc.perform(valid(submit("/admin/sms", admin), group)).andExpect(redirectedUrl("/admin/sms"));

		String page = mvc.perform(valid(submit("/admin/sms", admin).header("Accept-Language", "en"), group,
				"version", "0", "followUpHours", "72"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("Someone else changed this since you opened the form", "value=\"72\"",
				"name=\"version\" value=\"1\"");
		assertThat(settings.current().followUpWindow().toHours()).isEqualTo(48);
	}

	@Test
	void aFailedSmsResentFromThePageIsSentOnceAndASecondResendChangesNothing() throws Exception {
		MockHttpSession admin = login(Role.ADMINISTRATOR);
		mvc.perform(valid(submit("/admin/sms", admin), fixtures.group(SupportLevel.N1))).andExpect(redirectedUrl("/admin/sms"));
		User recipient = fixtures.user("texted", Role.REQUESTER);
		String text = "Failed once " + UUID.randomUUID();
		jdbc.update("insert into sms_outbox (recipient_id, to_number, ticket_id, body, status, attempts, created_at,"
				+ " next_attempt_at, last_error) values (?, '+33611111111', null, ?, 'FAILED', 8, ?, ?, 'HTTP 401: who?')",
				recipient.getId(), text, Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
		long id = jdbc.queryForObject("select id from sms_outbox where body = ?", Long.class, text);
		assertThat(page(admin, "/admin/sms")).contains("id=\"sms-resend-" + id + "\"").contains("HTTP 401: who?");

		mvc.perform(submit("/admin/sms/" + id + "/resend", admin))
			.andExpect(redirectedUrl("/admin/sms"))
			.andExpect(flash().attribute("resent", id));
		job.sendDue();
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (!"SENT".equals(statusOf(id)) && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		mvc.perform(submit("/admin/sms/" + id + "/resend", admin))
			.andExpect(redirectedUrl("/admin/sms"))
			.andExpect(flash().attribute("alreadyResent", id));
		job.sendDue();

		assertThat(statusOf(id)).isEqualTo("SENT");
		assertThat(delivered.stream().filter(body -> body.contains(text))).hasSize(1);
		mvc.perform(submit("/admin/sms/999999999/resend", admin)).andExpect(status().isNotFound());
	}

	@Test
	void aTestSmsGoesStraightToTheGatewayAndThePageShowsItsAnswer() throws Exception {
		MockHttpSession admin = login(Role.ADMINISTRATOR);
		mvc.perform(valid(submit("/admin/sms", admin), fixtures.group(SupportLevel.N1))).andExpect(redirectedUrl("/admin/sms"));
		int before = delivered.size();

		String sent = mvc.perform(submit("/admin/sms/test", admin).param("testNumber", "06 55 44 33 22"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(sent).contains("+33655443322").contains("gw-");
		assertThat(delivered).hasSize(before + 1);
		assertThat(delivered.get(before)).contains("+33655443322");
		String refused = mvc.perform(submit("/admin/sms/test", admin).param("testNumber", "123"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("id=\"testNumber-error\"").contains("value=\"123\"");
		assertThat(delivered).hasSize(before + 1);
	}

	@Test
	void onlyAdministratorsOpenThePage() throws Exception {
		mvc.perform(get("/admin/sms").session(login(Role.TECHNICIAN))).andExpect(status().isForbidden());
		assertThat(page(login(Role.ADMINISTRATOR), "/admin")).contains("href=\"/admin/sms\"");
	}

	/** Every field of the page, valid: the local gateway, every secret typed. */
	/** Every field of the page, valid (the local gateway, every secret typed), but for the overrides: name, value… */
	@Test
	void theApiPutsTheSettingsInForceWithItsSecretsWriteOnlyAndSendsATestSms() {
		ApiClient admin = api();
		Response saved = save(admin, httpGateway());
		assertThat(saved.status()).as(saved.text()).isEqualTo(200);
		assertThat(saved.json().get("provider").asString()).isEqualTo("HTTP");
		assertThat(saved.json().get("number").asString()).isEqualTo("+33612345678");
		assertThat(saved.json().get("inboundSecretSet").asBoolean()).isTrue();
		assertThat(saved.json().get("httpAuthHeaderValueSet").asBoolean()).isTrue();
		assertThat(saved.json().get("savedAt").isNull()).isFalse();
		assertThat(saved.text()).doesNotContain(INBOUND_SECRET).doesNotContain(GATEWAY_KEY);
		assertThat(settings.current().inboundSecret()).isEqualTo(INBOUND_SECRET);
		Response test = admin.post(SMS + "/test", Map.of("testNumber", "06 98 76 54 32"));
		assertThat(test.status()).as(test.text()).isEqualTo(200);
		assertThat(test.json().get("sent").asBoolean()).isTrue();
		assertThat(test.json().get("to").asString()).isEqualTo("+33698765432");

		Map<String, Object> again = httpGateway();
		again.remove("inboundSecret");
		again.put("segments", 3);
		assertThat(save(admin, again).json().get("inboundSecretSet").asBoolean())
			.as("a secret left out is kept").isTrue();
		assertThat(settings.current().inboundSecret()).isEqualTo(INBOUND_SECRET);
		assertThat(settings.current().segments()).isEqualTo(3);

		again.put("clearInboundSecret", true);
		assertThat(save(admin, again).json().get("inboundSecretSet").asBoolean()).isFalse();
	}

	@Test
	void theApiRefusesWrongSettingsNamingEveryFieldAndNothingChanges() {
		ApiClient admin = api();
		Map<String, Object> wrong = httpGateway();
		wrong.put("provider", "CARRIER_PIGEON");
		wrong.put("segments", 9);
		wrong.put("httpBodyTemplate", "{\"text\": \"{text}\"}");
		Response refused = save(admin, wrong);
		assertThat(refused.status()).as(refused.text()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.json().get("errors").findValuesAsString("field")).contains("provider", "segments");
		assertThat(settings.current()).as("nothing in force changed").isEqualTo(original);
		Map<String, Object> partial = httpGateway();
		partial.remove("enabled");
		Response incomplete = save(admin, partial);
		assertThat(incomplete.status()).as("left out, enabled is not read as off: " + incomplete.text()).isEqualTo(400);
		assertThat(incomplete.json().get("field").asString()).isEqualTo("enabled");
		assertThat(incomplete.json().get("code").asString()).isEqualTo("field.required");
		assertThat(settings.current()).isEqualTo(original);

		Response test = admin.post(SMS + "/test", Map.of("testNumber", "+33612345678"));
		assertThat(test.status()).as("no gateway chosen: " + test.text()).isEqualTo(400);
		assertThat(test.json().get("field").asString()).isEqualTo("testNumber");
	}

	@Test
	void theApiListsAFailedSmsWithWhyAndSendsItAgainOnce() {
		ApiClient admin = api();
		String text = "Failed through the API " + UUID.randomUUID();
		jdbc.update("insert into sms_outbox (recipient_id, to_number, ticket_id, body, status, attempts, created_at,"
				+ " next_attempt_at, last_error) values (?, '+33611111111', null, ?, 'FAILED', 8, ?, ?, 'HTTP 401: who?')",
				fixtures.user("sms-api-texted", Role.REQUESTER).getId(), text, Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
		long id = jdbc.queryForObject("select id from sms_outbox where body = ?", Long.class, text);
		long failedBefore = admin.get(SMS).json().get("counts").get("FAILED").asLong();
		assertThat(failedBefore).isPositive();

		JsonNode listed = admin.get(SMS + "/outbox?status=FAILED").json().valueStream()
			.filter(sms -> sms.get("id").asLong() == id).findFirst().orElseThrow();
		assertThat(listed.get("lastError").asString()).isEqualTo("HTTP 401: who?");

		Response resent = admin.post(SMS + "/outbox/" + id + "/resend", "");
		assertThat(resent.status()).as(resent.text()).isEqualTo(200);
		assertThat(resent.json().get("queued").asBoolean()).isTrue();
		assertThat(admin.get(SMS).json().get("counts").get("FAILED").asLong()).isEqualTo(failedBefore - 1);

		Response again = admin.post(SMS + "/outbox/" + id + "/resend", "");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("code").asString()).isEqualTo("sms.outbox.resent.already");
		assertThat(admin.post(SMS + "/outbox/987654321/resend", "").status()).isEqualTo(404);
		Response unknown = admin.get(SMS + "/outbox?status=LOST");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("field").asString()).isEqualTo("status");
	}

	@Test
	void onlyAdministratorsUseTheSmsApi() {
		ApiClient technician = ApiClient.bearer(port, fixtures.token(fixtures.user("sms-api-tech", Role.TECHNICIAN)));
		assertThat(technician.get(SMS + "/settings").status()).isEqualTo(403);
		assertThat(technician.put(SMS + "/settings", httpGateway()).status()).isEqualTo(403);
		assertThat(technician.get(SMS + "/outbox").status()).isEqualTo(403);
		assertThat(ApiClient.anonymous(port).get(SMS).status()).isEqualTo(401);
		assertThat(settings.current()).isEqualTo(original);
	}

	/** The test's gateway as the API sends it, the channel left off so that no SMS of a ticket goes out. */
	private static Map<String, Object> httpGateway() {
		Map<String, Object> body = new HashMap<>();
		body.put("enabled", false);
		body.put("provider", "HTTP");
		body.put("number", "06 12 34 56 78");
		body.put("defaultRegion", "FR");
		body.put("followUpHours", 48);
		body.put("segments", 2);
		body.put("inboundSecret", INBOUND_SECRET);
		body.put("httpUrl", "http://127.0.0.1:" + gateway.getAddress().getPort() + "/send");
		body.put("httpAuthHeaderName", "Authorization");
		body.put("httpAuthHeaderValue", GATEWAY_KEY);
		body.put("httpBodyTemplate", "{\"to\": \"{to}\", \"text\": \"{text}\"}");
		body.put("twilioAccountSid", "");
		body.put("twilioBaseUrl", "");
		body.put("twilioWebhookUrl", "");
		return body;
	}

	/** Saves the settings through the API on the version read just before, as a client does. */
	private static Response save(ApiClient admin, Map<String, Object> settings) {
		return admin.put(SMS + "/settings", settings, "If-Match", admin.get(SMS + "/settings").header("ETag"));
	}

	/** An administrator's API client. */
	private ApiClient api() {
		return ApiClient.bearer(port, fixtures.token(fixtures.user("sms-api-admin", Role.ADMINISTRATOR)));
	}

	private static MockHttpServletRequestBuilder valid(MockHttpServletRequestBuilder request, SupportGroup group,
			String... overrides) {
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("enabled", "true");
		fields.put("provider", "HTTP");
		fields.put("number", "06 12 34 56 78");
		fields.put("defaultRegion", "fr");
		fields.put("groupId", String.valueOf(group.getId()));
		fields.put("followUpHours", "48");
		fields.put("segments", "2");
		fields.put("inboundSecret", INBOUND_SECRET);
		fields.put("httpUrl", "http://127.0.0.1:" + gateway.getAddress().getPort() + "/send");
		fields.put("httpAuthHeaderName", "Authorization");
		fields.put("httpAuthHeaderValue", GATEWAY_KEY);
		fields.put("httpBodyTemplate", "{\"to\":\"{to}\",\"text\":\"{text}\"}");
		fields.put("twilioAccountSid", "AC-test");
		fields.put("twilioAuthToken", TWILIO_TOKEN);
		fields.put("twilioBaseUrl", "https://api.twilio.com");
		fields.put("twilioWebhookUrl", "");
		for (int i = 0; i < overrides.length; i += 2) {
			fields.put(overrides[i], overrides[i + 1]);
		}
		fields.forEach(request::param);
		return request;
	}

	private String statusOf(long id) {
		return jdbc.queryForObject("select status from sms_outbox where id = ?", String.class, id);
	}

	private MockHttpSession login(Role role) throws Exception {
		User user = fixtures.user("sms-" + role.name().toLowerCase(), role);
		return (MockHttpSession) mvc.perform(formLogin("/login").user(user.getUsername()).password(TestFixtures.PASSWORD))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	private String page(MockHttpSession session, String path) throws Exception {
		return mvc.perform(get(path).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static MockHttpServletRequestBuilder submit(String url, MockHttpSession session) {
		return post(url).session(session).with(csrf());
	}

}

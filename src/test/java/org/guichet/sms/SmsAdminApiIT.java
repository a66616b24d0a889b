package org.guichet.sms;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.guichet.directory.Role;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administration › SMS through the API, with the rules of the page: the settings checked field by
 * field, their secrets write-only, the SMS out listed by state and a failed one sent again once.
 * The saved row is removed and the settings put back after each test, as this class shares the
 * other tests' application.
 */
@GuichetIntegrationTest
@DatabaseNeutral
class SmsAdminApiIT {

	private static final String SMS = "/api/v1/admin/sms";

	private static final String INBOUND_SECRET = "api-inbound-secret-" + UUID.randomUUID();

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private SmsSettings settings;

	@Autowired
	private JdbcTemplate jdbc;

	@LocalServerPort
	private int port;

	private ApiClient admin;

	private SmsProperties original;

	@BeforeEach
	void setUp() {
		admin = ApiClient.bearer(port, fixtures.token(fixtures.user("sms-api-admin", Role.ADMINISTRATOR)));
		original = settings.current();
	}

	@AfterEach
	void putBack() {
		jdbc.update("delete from sms_settings");
		settings.replace(original);
	}

	@Test
	void theSettingsArePutInForceAndTheirSecretsAreWriteOnly() {
		Response saved = admin.put(SMS + "/settings", httpGateway());
		assertThat(saved.status()).as(saved.text()).isEqualTo(200);
		assertThat(saved.json().get("provider").asString()).isEqualTo("HTTP");
		assertThat(saved.json().get("number").asString()).isEqualTo("+33612345678");
		assertThat(saved.json().get("inboundSecretSet").asBoolean()).isTrue();
		assertThat(saved.json().get("httpAuthHeaderValueSet").asBoolean()).isTrue();
		assertThat(saved.json().get("savedAt").isNull()).isFalse();
		assertThat(saved.text()).doesNotContain(INBOUND_SECRET).doesNotContain("gateway-key");
		assertThat(settings.current().inboundSecret()).isEqualTo(INBOUND_SECRET);

		Map<String, Object> again = httpGateway();
		again.remove("inboundSecret");
		again.put("segments", 3);
		assertThat(admin.put(SMS + "/settings", again).json().get("inboundSecretSet").asBoolean())
			.as("a secret left out is kept").isTrue();
		assertThat(settings.current().inboundSecret()).isEqualTo(INBOUND_SECRET);
		assertThat(settings.current().segments()).isEqualTo(3);

		again.put("clearInboundSecret", true);
		assertThat(admin.put(SMS + "/settings", again).json().get("inboundSecretSet").asBoolean()).isFalse();
	}

	@Test
	void wrongSettingsAreRefusedNamingEveryFieldAndNothingChanges() {
		Map<String, Object> wrong = httpGateway();
		wrong.put("provider", "CARRIER_PIGEON");
		wrong.put("segments", 9);
		wrong.put("httpBodyTemplate", "{\"text\": \"{text}\"}");
		Response refused = admin.put(SMS + "/settings", wrong);
		assertThat(refused.status()).as(refused.text()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.json().get("errors").findValuesAsString("field")).contains("provider", "segments");
		assertThat(settings.current()).as("nothing in force changed").isEqualTo(original);

		Response test = admin.post(SMS + "/test", Map.of("testNumber", "+33612345678"));
		assertThat(test.status()).as("no gateway chosen: " + test.text()).isEqualTo(400);
		assertThat(test.json().get("field").asString()).isEqualTo("testNumber");
	}

	@Test
	void anAdministratorSeesAFailedSmsWithWhyAndSendsItAgainOnce() {
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
	void onlyAdministratorsSeeOrChangeTheSmsChannel() {
		ApiClient technician = ApiClient.bearer(port, fixtures.token(fixtures.user("sms-api-tech", Role.TECHNICIAN)));
		assertThat(technician.get(SMS + "/settings").status()).isEqualTo(403);
		assertThat(technician.put(SMS + "/settings", httpGateway()).status()).isEqualTo(403);
		assertThat(technician.get(SMS + "/outbox").status()).isEqualTo(403);
		assertThat(ApiClient.anonymous(port).get(SMS).status()).isEqualTo(401);
		assertThat(settings.current()).isEqualTo(original);
	}

	/** An HTTP gateway, the channel left off so that no SMS goes out during the test. */
	private static Map<String, Object> httpGateway() {
		Map<String, Object> body = new HashMap<>();
		body.put("enabled", false);
		body.put("provider", "HTTP");
		body.put("number", "06 12 34 56 78");
		body.put("defaultRegion", "FR");
		body.put("followUpHours", 48);
		body.put("segments", 2);
		body.put("inboundSecret", INBOUND_SECRET);
		body.put("httpUrl", "http://127.0.0.1:9/send");
		body.put("httpAuthHeaderName", "Authorization");
		body.put("httpAuthHeaderValue", "Bearer gateway-key");
		body.put("httpBodyTemplate", "{\"to\": \"{to}\", \"text\": \"{text}\"}");
		return body;
	}

}

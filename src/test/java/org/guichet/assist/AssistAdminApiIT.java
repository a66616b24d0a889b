package org.guichet.assist;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.guichet.directory.Role;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administration › Assistant through the API, with the rules of its three pages: the thresholds,
 * Train now, the generative help (its API key never shown) and the self-service resolution, each
 * change naming the version it was made on.
 */
@GuichetIntegrationTest
class AssistAdminApiIT {

	private static final String ASSIST = "/api/v1/admin/assist";

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private AssistSettings triage;

	@Autowired
	private GenerativeSettings generative;

	@Autowired
	private SelfServiceSettings selfService;

	@LocalServerPort
	private int port;

	private ApiClient admin;

	@BeforeEach
	void setUp() {
		admin = ApiClient.bearer(port, fixtures.token(fixtures.user("assist-api-admin", Role.ADMINISTRATOR)));
	}

	@AfterEach
	void backToANewDesksSettings() {
		triage.setThresholds(AssistSettings.DEFAULT_THRESHOLD, null);
		generative.save(new GenerativeSettings.Changes(false, null, null, null, true, Set.of(GenerativeFeature.values()),
				Set.of(), 200, null, 30, true));
		selfService.set(SelfServiceSettings.DEFAULT_THRESHOLD, List.of());
	}

	@Test
	void theThresholdsAreSetCheckedAndAChangeOnAStaleVersionIsRefused() {
		Response read = admin.get(ASSIST);
		assertThat(read.json().get("models").isArray()).isTrue();
		String etag = read.header("ETag");

		Response saved = admin.put(ASSIST, Map.of("threshold", 0.4, "autoApplyThreshold", 0.9), "If-Match", etag);
		assertThat(saved.status()).as(saved.text()).isEqualTo(200);
		assertThat(saved.json().get("threshold").asDouble()).isEqualTo(0.4);
		assertThat(saved.json().get("autoApplyThreshold").asDouble()).isEqualTo(0.9);
		assertThat(triage.threshold()).isEqualTo(0.4);

		Response stale = admin.put(ASSIST, Map.of("threshold", 0.6), "If-Match", etag);
		assertThat(stale.status()).as(stale.text()).isEqualTo(412);
		assertThat(stale.json().get("code").asString()).isEqualTo("record.version-stale");
		assertThat(admin.put(ASSIST, Map.of("threshold", 0.6)).status()).isEqualTo(428);

		Response refused = admin.put(ASSIST, Map.of("threshold", 0.5, "autoApplyThreshold", 0.3), "If-Match",
				saved.header("ETag"));
		assertThat(refused.status()).as(refused.text()).isEqualTo(400);
		assertThat(refused.json().get("field").asString()).isEqualTo("autoApplyThreshold");
		assertThat(triage.threshold()).as("nothing saved").isEqualTo(0.4);

		Response training = admin.post(ASSIST + "/training", Map.of());
		assertThat(training.status()).isEqualTo(202);
		assertThat(training.json().has("started")).isTrue();
	}

	@Test
	void theGenerativeHelpsKeyIsWriteOnlyAndItsSettingsAreChecked() {
		String etag = admin.get(ASSIST + "/generative").header("ETag");
		Map<String, Object> settings = new HashMap<>(Map.of("enabled", true, "baseUrl", "http://127.0.0.1:9/v1",
				"model", "test-model", "apiKey", "sk-never-shown", "features", List.of("SUMMARY", "REPLY"),
				"groupIds", List.of(), "dailyRequests", 50, "timeoutSeconds", 5, "maskPersonalData", true));
		Response saved = admin.put(ASSIST + "/generative", settings, "If-Match", etag);
		assertThat(saved.status()).as(saved.text()).isEqualTo(200);
		assertThat(saved.json().get("hasApiKey").asBoolean()).isTrue();
		assertThat(saved.text()).doesNotContain("sk-never-shown");
		assertThat(generative.apiKey()).isEqualTo("sk-never-shown");

		// a setting left out is refused by name, never read as off (masking, features)
		Map<String, Object> partial = new HashMap<>(settings);
		partial.remove("maskPersonalData");
		partial.remove("features");
		Response incomplete = admin.put(ASSIST + "/generative", partial, "If-Match", saved.header("ETag"));
		assertThat(incomplete.status()).as(incomplete.text()).isEqualTo(400);
		assertThat(incomplete.json().get("errors").findValuesAsString("field")).containsExactly("features",
				"maskPersonalData");
		assertThat(incomplete.json().get("code").asString()).isEqualTo("field.required");
		// a group that does not exist is refused by name, not dropped
		Map<String, Object> unknownGroup = new HashMap<>(settings);
		unknownGroup.put("groupIds", List.of(987654321L));
		Response unknown = admin.put(ASSIST + "/generative", unknownGroup, "If-Match", saved.header("ETag"));
		assertThat(unknown.status()).as(unknown.text()).isEqualTo(400);
		assertThat(unknown.json().get("field").asString()).isEqualTo("groupIds");
		assertThat(unknown.json().get("code").asString()).isEqualTo("field.unknown");
		assertThat(generative.current().maskPersonalData()).isTrue();

		settings.remove("apiKey");
		settings.put("timeoutSeconds", 0);
		settings.put("baseUrl", "ftp://models.example.org");
		Response refused = admin.put(ASSIST + "/generative", settings, "If-Match", saved.header("ETag"));
		assertThat(refused.status()).as(refused.text()).isEqualTo(400);
		assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("baseUrl",
				"timeoutSeconds");
		assertThat(admin.put(ASSIST + "/generative", settings, "If-Match", etag).status()).isEqualTo(412);

		Response test = admin.post(ASSIST + "/generative/test", Map.of());
		assertThat(test.status()).as(test.text()).isEqualTo(200);
		assertThat(test.json().get("ok").asBoolean()).isFalse();
		assertThat(test.json().get("failure").asString()).isNotBlank();
		assertThat(admin.get(ASSIST + "/generative/usage").json().get("today").get("dailyRequests").asInt())
			.isEqualTo(50);
	}

	@Test
	void theSelfServiceSettingsNameOnlyExistingCategories() {
		long category = fixtures.category("Self-service API").getId();
		String etag = admin.get(ASSIST + "/self-service").header("ETag");
		Response saved = admin.put(ASSIST + "/self-service",
				Map.of("selfServiceThreshold", 0.7, "selfServiceCategories", List.of(category)), "If-Match", etag);
		assertThat(saved.status()).as(saved.text()).isEqualTo(200);
		assertThat(saved.json().get("selfServiceCategories").get(0).asLong()).isEqualTo(category);
		assertThat(selfService.on()).isTrue();

		Response refused = admin.put(ASSIST + "/self-service",
				Map.of("selfServiceThreshold", 0.7, "selfServiceCategories", List.of(987654321L)), "If-Match",
				saved.header("ETag"));
		assertThat(refused.status()).as(refused.text()).isEqualTo(400);
		assertThat(refused.json().get("field").asString()).isEqualTo("selfServiceCategories");
		assertThat(admin.put(ASSIST + "/self-service",
				Map.of("selfServiceThreshold", 0.7, "selfServiceCategories", List.of()), "If-Match", etag)
			.status()).isEqualTo(412);
		Response incomplete = admin.put(ASSIST + "/self-service", Map.of("selfServiceThreshold", 0.7), "If-Match",
				saved.header("ETag"));
		assertThat(incomplete.status()).as(incomplete.text()).isEqualTo(400);
		assertThat(incomplete.json().get("field").asString()).isEqualTo("selfServiceCategories");
		assertThat(selfService.on()).isTrue();
	}

	@Test
	void onlyAdministratorsSeeOrChangeTheAssistant() {
		ApiClient technician = ApiClient.bearer(port, fixtures.token(fixtures.user("assist-api-tech", Role.TECHNICIAN)));
		assertThat(technician.get(ASSIST).status()).isEqualTo(403);
		assertThat(technician.get(ASSIST + "/generative").status()).isEqualTo(403);
		assertThat(technician.post(ASSIST + "/training", Map.of()).status()).isEqualTo(403);
		assertThat(ApiClient.anonymous(port).get(ASSIST + "/self-service").status()).isEqualTo(401);
	}

}

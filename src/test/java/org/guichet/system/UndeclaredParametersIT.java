package org.guichet.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.guichet.directory.Role;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query parameter an operation of the API does not declare is refused, not ignored (docs/API.md,
 * "Errors"): every {@code GET} of the OpenAPI description, as an administrator, with a parameter
 * of its own declared (never refused as unknown) and with one it does not declare (400
 * {@code request.parameter-unknown} naming it), but those that take any ({@link #TAKE_ANY}). A path's
 * variables name nothing that exists: the query is checked before anything is looked up.
 */
@GuichetIntegrationTest
@DatabaseNeutral
class UndeclaredParametersIT {

	private static final String UNKNOWN = "request.parameter-unknown";

	/** The operations that take any parameter, and why. */
	private static final Map<String, String> TAKE_ANY = Map.of("/api/v1/search",
			"any parameter but q, kind, page and size is a facet filter of the kind asked for");

	@Autowired
	TestFixtures fixtures;

	@LocalServerPort
	int port;

	private ApiClient administrator() {
		return ApiClient.bearer(port, fixtures.token(fixtures.user("parameters-admin", Role.ADMINISTRATOR)));
	}

	@Test
	void aListFilteredByAParameterItDoesNotTakeIsRefusedNamingItAndTheAcceptedOnes() {
		Response answer = administrator().get("/api/v1/users?q=bob");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = answer.json();
		assertThat(problem.get("code").asString()).isEqualTo(UNKNOWN);
		assertThat(problem.get("field").asString()).isEqualTo("q");
		assertThat(problem.get("detail").asString()).contains("\"q\"", "/v3/api-docs");
	}

	@Test
	void everyGetOfTheDescriptionRefusesAParameterItDoesNotDeclareAndTakesThoseItDoes() {
		ApiClient administrator = administrator();
		JsonNode paths = administrator.get("/v3/api-docs").json().get("paths");
		List<String> problems = new ArrayList<>();
		int declared = 0;
		for (Map.Entry<String, JsonNode> path : paths.properties()) {
			JsonNode operation = path.getValue().get("get");
			if (operation == null || !path.getKey().startsWith("/api/v1/")
					|| path.getKey().startsWith("/api/v1/sms/inbound/")) {
				continue;
			}
			String uri = path.getKey().replaceAll("\\{language}", "en").replaceAll("\\{kind}", "AGENT_NOTICE")
				.replaceAll("\\{\\w+}", "987654321");
			Response undeclared = administrator.get(uri + "?undeclaredFilter=1");
			if (!TAKE_ANY.containsKey(path.getKey())
					&& !refusedAsUnknown(undeclared, "undeclaredFilter")) {
				problems.add("GET " + path.getKey() + "?undeclaredFilter=1: " + undeclared.status() + " "
						+ abridged(undeclared.text()));
			}
			for (JsonNode parameter : operation.path("parameters")) {
				if (!"query".equals(parameter.path("in").asString(""))) {
					continue;
				}
				String name = parameter.get("name").asString();
				Response answer = administrator.get(uri + "?" + name + "=1");
				declared++;
				if (refusedAsUnknown(answer, name)) {
					problems.add("GET " + path.getKey() + " refuses its declared parameter " + name);
				}
			}
		}
		assertThat(declared).as("declared parameters tried").isGreaterThan(50);
		assertThat(problems).as("operations that ignore an undeclared parameter or refuse a declared one").isEmpty();
	}

	private static boolean refusedAsUnknown(Response answer, String name) {
		if (answer.status() != 400 || !answer.text().startsWith("{")) {
			return false;
		}
		JsonNode problem = answer.json();
		return UNKNOWN.equals(problem.path("code").asString("")) && name.equals(problem.path("field").asString(""));
	}

	private static String abridged(String text) {
		return text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}

}

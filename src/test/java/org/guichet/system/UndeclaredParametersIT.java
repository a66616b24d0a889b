package org.guichet.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.guichet.directory.Role;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A query parameter an operation of the API does not declare is refused, not ignored (docs/API.md,
 * "Errors"): every {@code GET} of the OpenAPI description, as an administrator, with a parameter
 * of its own declared (never refused as unknown) and with one it does not declare (400
 * {@code request.parameter-unknown} naming it), but those that take any ({@link #TAKE_ANY}). A path's
 * variables name nothing that exists: the query is checked before anything is looked up.
 */
@GuichetIntegrationTest
@DatabaseNeutral
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UndeclaredParametersIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String UNKNOWN = "request.parameter-unknown";

	/** The operations that take any parameter, and why. */
	private static final Map<String, String> TAKE_ANY = Map.of("/api/v1/search",
			"any parameter but q, kind, page and size is a facet filter of the kind asked for");

	@Autowired
	WebApplicationContext context;

	@Autowired
	TestFixtures fixtures;

	MockMvc mvc;

	String administrator;

	JsonNode paths;

	@BeforeAll
	void setUp() throws Exception {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		administrator = "Bearer " + fixtures.token(fixtures.user("parameters-admin", Role.ADMINISTRATOR));
		paths = JSON.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString())
			.get("paths");
	}

	@Test
	void aListFilteredByAParameterItDoesNotTakeIsRefusedNamingItAndTheAcceptedOnes() throws Exception {
		MockHttpServletResponse answer = call("/api/v1/users?q=bob");
		assertThat(answer.getStatus()).isEqualTo(400);
		assertThat(answer.getContentType()).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(answer.getContentAsString());
		assertThat(problem.get("code").asString()).isEqualTo(UNKNOWN);
		assertThat(problem.get("field").asString()).isEqualTo("q");
		assertThat(problem.get("detail").asString()).contains("\"q\"", "/v3/api-docs");
	}

	@Test
	void everyGetOfTheDescriptionRefusesAParameterItDoesNotDeclareAndTakesThoseItDoes() throws Exception {
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
			MockHttpServletResponse undeclared = call(uri + "?undeclaredFilter=1");
			if (!TAKE_ANY.containsKey(path.getKey())
					&& (undeclared.getStatus() != 400 || !refusedAsUnknown(undeclared, "undeclaredFilter"))) {
				problems.add("GET " + path.getKey() + "?undeclaredFilter=1: " + undeclared.getStatus() + " "
						+ abridged(undeclared.getContentAsString()));
			}
			for (JsonNode parameter : operation.path("parameters")) {
				if (!"query".equals(parameter.path("in").asString(""))) {
					continue;
				}
				String name = parameter.get("name").asString();
				MockHttpServletResponse answer = call(uri + "?" + name + "=1");
				declared++;
				if (refusedAsUnknown(answer, name)) {
					problems.add("GET " + path.getKey() + " refuses its declared parameter " + name);
				}
			}
		}
		assertThat(declared).as("declared parameters tried").isGreaterThan(50);
		assertThat(problems).as("operations that ignore an undeclared parameter or refuse a declared one").isEmpty();
	}

	private static boolean refusedAsUnknown(MockHttpServletResponse answer, String name) throws Exception {
		String body = answer.getContentAsString();
		if (answer.getStatus() != 400 || !body.startsWith("{")) {
			return false;
		}
		JsonNode problem = JSON.readTree(body);
		return UNKNOWN.equals(problem.path("code").asString("")) && name.equals(problem.path("field").asString(""));
	}

	private MockHttpServletResponse call(String uri) throws Exception {
		return mvc.perform(get(uri).header("Authorization", administrator).header("Accept-Language", "en"))
			.andReturn()
			.getResponse();
	}

	private static String abridged(String text) {
		return text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}

}

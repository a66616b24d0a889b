package org.guichet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.guichet.directory.Role;
import org.guichet.system.OneLine;
import org.guichet.system.RequiredProperties;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.OpenApiBodies;
import org.guichet.testing.TestFixtures;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Sends, as an administrator, every operation of the OpenAPI description ({@code /v3/api-docs})
 * that takes a JSON body the bodies a careless or hostile client sends, and checks the API refuses
 * each one by name and changes nothing:
 * <ul>
 * <li>each required property of the body's schema removed in turn, the others present: {@code 400}
 * {@code field.required} naming it by its JSON path, and for a replacement ({@code PUT}) of a path
 * without variable, its {@code GET} answers the same before and after;</li>
 * <li>the required properties alone: never {@code field.required} naming a property the
 * description does not mark required. These bodies are accepted: what they change for everyone is
 * put back (settings replaced, records made), so that the tests after this one in the same fork
 * find the desk as it was;</li>
 * <li>each text property of a settings' {@code PUT} (the body its {@code GET} gives, which a
 * {@code PUT} takes back) set to 100,001 characters: {@code 400} naming it, never {@code 409} nor
 * {@code 5xx}, and the settings unchanged;</li>
 * <li>each text of a creation set to 100,001 characters: refused, never {@code 409} nor {@code 5xx};</li>
 * <li>each integer or boolean given in another JSON type ({@code 2.5}, {@code "2"}, {@code "true"}):
 * {@code 400} {@code field.type-invalid} naming it;</li>
 * <li>each one-line text (every text of a body's record not annotated {@code @MultiLine}) given a
 * line break: {@code 400} {@code field.one-line} naming it.</li>
 * </ul>
 * A path's variables name things that do not exist: the body's rule is checked before anything
 * is looked up. Both databases: a text too long for its column is a matter of persistence.
 */
@GuichetIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiBodyRefusalsIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** Longer than any column: a body's text must be refused by name, whatever it is. */
	private static final String TOO_LONG = "x".repeat(100_001);

	@Autowired
	WebApplicationContext context;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlers;

	MockMvc mvc;

	String administrator;

	JsonNode description;

	OpenApiBodies bodies;

	@BeforeAll
	void setUp() throws Exception {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		administrator = "Bearer " + fixtures.token(fixtures.user("refusals-admin", Role.ADMINISTRATOR));
		description = JSON.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
		bodies = new OpenApiBodies(description);
	}

	@Test
	void everyRequiredPropertyOfEveryBodyIsRefusedByNameWhenLeftOutAndNothingChanges() throws Exception {
		List<String> problems = new ArrayList<>();
		int checked = 0;
		for (Operation operation : bodyOperations()) {
			JsonNode schema = operation.schema();
			boolean list = "array".equals(text(schema, "type"));
			JsonNode element = list ? schema.get("items") : schema;
			for (String left : bodies.required(element)) {
				ObjectNode body = bodies.without(element, left);
				JsonNode sent = list ? NODES.arrayNode().add(body) : body;
				String path = list ? "[0]." + left : left;
				String before = readable(operation);
				MockHttpServletResponse answer = call(operation.method(), operation.uri(), sent, null);
				checked++;
				JsonNode problem = problem(answer);
				if (answer.getStatus() != 400 || !named(problem, path, "field.required")) {
					problems.add(operation + " without " + path + ": " + answer.getStatus() + " "
							+ abridged(answer.getContentAsString()));
				}
				else if (!String.valueOf(before).equals(String.valueOf(readable(operation)))) {
					problems.add(operation + " without " + path + ": refused, but " + operation.path() + " changed");
				}
			}
		}
		assertThat(checked).as("required properties checked").isGreaterThan(50);
		assertThat(problems).as("required properties not refused by name").isEmpty();
	}

	/**
	 * The reverse: a body holding only the required properties is never refused for lacking one the
	 * description does not mark required. A client that reads the description to know what to send
	 * would otherwise learn it from a refusal. Settings replaced are put back and records made are
	 * deleted or deactivated ({@link #putBack}); a settings' {@code GET} that does not answer as
	 * before is a problem too.
	 */
	@Test
	void noBodyHoldingItsRequiredPropertiesIsRefusedForLackingAnotherOne() throws Exception {
		List<String> problems = new ArrayList<>();
		for (Operation operation : bodyOperations()) {
			boolean list = "array".equals(text(operation.schema(), "type"));
			JsonNode element = list ? operation.schema().get("items") : operation.schema();
			String before = readable(operation);
			MockHttpServletResponse answer = call(operation.method(), operation.uri(), bodies.filled(operation.schema()),
					null);
			putBack(operation, before, answer, problems);
			JsonNode problem = answer.getStatus() == 400 ? problem(answer) : null;
			for (String field : problem == null ? List.<String>of() : requiredFields(problem)) {
				String property = list ? field.replaceFirst("^\\[0]\\.", "") : field;
				if (!bodies.required(element).contains(property)) {
					problems.add(operation + " refuses a body without " + field + ", which the description"
							+ " does not mark required");
				}
			}
		}
		assertThat(problems).as("properties the server requires, not required in the description").isEmpty();
	}

	/**
	 * Puts back what an accepted body changed for everyone: the settings a {@code PUT} of a path
	 * without variable replaced (their {@code GET} as {@code before}, on their new ETag), the record
	 * a {@code POST} made (deleted, else deactivated, by the operations the description gives).
	 */
	private void putBack(Operation operation, @Nullable String before, MockHttpServletResponse answer,
			List<String> problems) throws Exception {
		if (answer.getStatus() >= 300) {
			return;
		}
		if (before != null) {
			MockHttpServletResponse now = call(HttpMethod.GET, operation.path(), null, null);
			if (!before.equals(now.getContentAsString())) {
				call(HttpMethod.PUT, operation.path(), JSON.readTree(before), now.getHeader("ETag"));
			}
			if (!before.equals(call(HttpMethod.GET, operation.path(), null, null).getContentAsString())) {
				problems.add(operation + ": accepted, and what it replaced could not be put back");
			}
		}
		else if (operation.method() == HttpMethod.POST && !operation.path().contains("{")
				&& answer.getContentAsString().startsWith("{")) {
			JsonNode made = JSON.readTree(answer.getContentAsString()).get("id");
			JsonNode paths = description.get("paths");
			String one = operation.path() + "/{id}";
			if (made != null && paths.path(one).has("delete")) {
				call(HttpMethod.DELETE, operation.path() + "/" + made.asString(), null, null);
			}
			else if (made != null && paths.path(one + "/deactivate").has("post")) {
				call(HttpMethod.POST, operation.path() + "/" + made.asString() + "/deactivate", null, null);
			}
		}
	}

	/** The fields a problem says are missing ({@code field.required}), first or in {@code errors}. */
	private static List<String> requiredFields(JsonNode problem) {
		List<String> fields = new ArrayList<>();
		if ("field.required".equals(text(problem, "code")) && text(problem, "field") != null) {
			fields.add(text(problem, "field"));
		}
		for (JsonNode error : problem.path("errors")) {
			if ("field.required".equals(text(error, "code")) && !fields.contains(text(error, "field"))) {
				fields.add(text(error, "field"));
			}
		}
		return fields;
	}

	@Test
	void everyTextOfEverySettingsReplacementIsRefusedByNameWhenTooLongAndNothingChanges() throws Exception {
		List<String> problems = new ArrayList<>();
		int checked = 0;
		for (Operation operation : bodyOperations()) {
			if (operation.method() != HttpMethod.PUT || operation.path().contains("{")
					|| !description.get("paths").get(operation.path()).has("get")) {
				continue;
			}
			JsonNode object = bodies.resolved(operation.schema());
			MockHttpServletResponse read = call(HttpMethod.GET, operation.path(), null, null);
			JsonNode current = JSON.readTree(read.getContentAsString());
			if (object == null || !object.has("properties") || !current.isObject()) {
				continue;
			}
			for (Map.Entry<String, JsonNode> property : object.get("properties").properties()) {
				JsonNode type = bodies.resolved(property.getValue());
				if (type == null || !"string".equals(text(type, "type")) || type.has("enum") || type.has("format")) {
					continue;
				}
				ObjectNode body = ((ObjectNode) current).deepCopy();
				body.put(property.getKey(), TOO_LONG);
				MockHttpServletResponse answer = call(HttpMethod.PUT, operation.path(), body, read.getHeader("ETag"));
				checked++;
				JsonNode problem = problem(answer);
				if (answer.getStatus() != 400 || !named(problem, property.getKey(), null)) {
					problems.add(operation + " with a " + TOO_LONG.length() + "-character " + property.getKey() + ": "
							+ answer.getStatus() + " " + abridged(answer.getContentAsString()));
				}
				else if (!current.equals(JSON.readTree(call(HttpMethod.GET, operation.path(), null, null)
					.getContentAsString()))) {
					problems.add(operation + " with a too long " + property.getKey() + ": refused, but changed");
				}
			}
		}
		assertThat(checked).as("texts checked").isGreaterThan(10);
		assertThat(problems).as("too long texts not refused by name").isEmpty();
	}

	/**
	 * A creation ({@code POST} without path variable) with one text 100,001 characters long, the
	 * other required properties of its type ({@link OpenApiBodies#filled}): whatever else the
	 * body's values make the API say, never a conflict nor a failure of the server.
	 */
	@Test
	void noTooLongTextOfACreationIsAnsweredAsAConflictOrAFailure() throws Exception {
		List<String> problems = new ArrayList<>();
		int checked = 0;
		for (Operation operation : bodyOperations()) {
			// a test of settings stores nothing: a long text there is only an unusual question
			if (operation.method() != HttpMethod.POST || operation.path().contains("{")
					|| operation.path().endsWith("/test")) {
				continue;
			}
			JsonNode object = bodies.resolved(operation.schema());
			if (object == null || !object.has("properties")) {
				continue;
			}
			for (Map.Entry<String, JsonNode> property : object.get("properties").properties()) {
				JsonNode type = bodies.resolved(property.getValue());
				if (type == null || !"string".equals(text(type, "type")) || type.has("enum") || type.has("format")) {
					continue;
				}
				ObjectNode body = (ObjectNode) bodies.filled(operation.schema());
				body.put(property.getKey(), TOO_LONG);
				MockHttpServletResponse answer = call(HttpMethod.POST, operation.path(), body, null);
				checked++;
				if (answer.getStatus() == 409 || answer.getStatus() >= 500 || answer.getStatus() < 400) {
					problems.add(operation + " with a too long " + property.getKey() + ": " + answer.getStatus() + " "
							+ abridged(answer.getContentAsString()));
				}
			}
		}
		assertThat(checked).as("texts checked").isGreaterThan(20);
		assertThat(problems).as("too long texts answered as a conflict, a failure, or accepted").isEmpty();
	}

	/**
	 * Each integer and boolean property of every body (of the body, or of a list's element) given a
	 * value of another JSON type, the other required properties present: {@code 2.5}, {@code 1e2}
	 * or {@code "2"} for an integer, {@code "true"} or {@code 1} for a boolean. Each is refused
	 * {@code 400} {@code field.type-invalid} naming it, never rounded nor converted.
	 */
	@Test
	void everyIntegerAndBooleanOfEveryBodyIsRefusedByNameInAnotherJsonType() throws Exception {
		Map<String, List<JsonNode>> wrong = Map.of("integer",
				List.of(NODES.numberNode(new BigDecimal("2.5")), NODES.numberNode(new BigDecimal("1E+2")),
						NODES.stringNode("2")),
				"boolean", List.of(NODES.stringNode("true"), NODES.numberNode(1)));
		List<String> problems = new ArrayList<>();
		int checked = 0;
		for (Operation operation : bodyOperations()) {
			JsonNode schema = operation.schema();
			boolean list = "array".equals(text(schema, "type"));
			JsonNode element = list ? schema.get("items") : schema;
			JsonNode object = bodies.resolved(element);
			if (object == null || !object.has("properties")) {
				continue;
			}
			for (Map.Entry<String, JsonNode> property : object.get("properties").properties()) {
				JsonNode type = bodies.resolved(property.getValue());
				for (JsonNode value : type == null ? List.<JsonNode>of() : wrong.getOrDefault(text(type, "type"), List.of())) {
					ObjectNode body = (ObjectNode) bodies.filled(element);
					body.set(property.getKey(), value);
					JsonNode sent = list ? NODES.arrayNode().add(body) : body;
					String path = list ? "[0]." + property.getKey() : property.getKey();
					MockHttpServletResponse answer = call(operation.method(), operation.uri(), sent, null);
					checked++;
					if (answer.getStatus() != 400 || !named(problem(answer), path, "field.type-invalid")) {
						problems.add(operation + " with " + path + " = " + value + ": " + answer.getStatus() + " "
								+ abridged(answer.getContentAsString()));
					}
				}
			}
		}
		assertThat(checked).as("values of another type checked").isGreaterThan(50);
		assertThat(problems).as("values of another JSON type not refused by name").isEmpty();
	}

	/**
	 * Each one-line text of every body (of the body, or of a list's element), the other required
	 * properties present, given a line break that would start a mail's header
	 * ({@code Bob\r\nBcc: x@y}): refused {@code 400} {@code field.one-line} naming it. Which texts
	 * are one line is read from the records the handlers bind ({@link RequiredProperties#oneLine}).
	 */
	@Test
	void everyOneLineTextOfEveryBodyIsRefusedByNameWithALineBreak() throws Exception {
		Map<String, Class<?>> types = bodyTypes();
		List<String> problems = new ArrayList<>();
		int checked = 0;
		for (Operation operation : bodyOperations()) {
			Class<?> type = types.get(operation.toString());
			boolean list = "array".equals(text(operation.schema(), "type"));
			JsonNode element = list ? operation.schema().get("items") : operation.schema();
			for (String name : type == null ? List.<String>of() : RequiredProperties.oneLine(type)) {
				ObjectNode body = (ObjectNode) bodies.filled(element);
				body.put(name, "Bob\r\nBcc: x@y");
				JsonNode sent = list ? NODES.arrayNode().add(body) : body;
				String path = list ? "[0]." + name : name;
				MockHttpServletResponse answer = call(operation.method(), operation.uri(), sent, null);
				checked++;
				if (answer.getStatus() != 400 || !named(problem(answer), path, OneLine.CODE)) {
					problems.add(operation + " with a line break in " + path + ": " + answer.getStatus() + " "
							+ abridged(answer.getContentAsString()));
				}
			}
		}
		assertThat(checked).as("one-line texts checked").isGreaterThan(80);
		assertThat(problems).as("one-line texts that take a line break").isEmpty();
	}

	/** The type each operation binds its JSON body to (a list's element for a list), by {@code METHOD path}. */
	private Map<String, Class<?>> bodyTypes() {
		Map<String, Class<?>> types = new HashMap<>();
		handlers.getHandlerMethods().forEach((info, handler) -> {
			for (MethodParameter parameter : handler.getMethodParameters()) {
				if (!parameter.hasParameterAnnotation(RequestBody.class)) {
					continue;
				}
				ResolvableType type = ResolvableType.forMethodParameter(parameter);
				Class<?> bound = type.asCollection() != ResolvableType.NONE ? type.resolveGeneric(0) : type.resolve();
				for (RequestMethod method : info.getMethodsCondition().getMethods()) {
					info.getPatternValues().forEach(path -> types.put(method + " " + path, bound));
				}
			}
		});
		return types;
	}

	/** An operation of the description and the schema of its JSON body. */
	record Operation(HttpMethod method, String path, JsonNode schema) {

		/** The path, its variables naming nothing that exists. */
		String uri() {
			return path.replaceAll("\\{language}", "en").replaceAll("\\{kind}", "AGENT_NOTICE")
				.replaceAll("\\{\\w+}", "987654321");
		}

		@Override
		public String toString() {
			return method + " " + path;
		}

	}

	private List<Operation> bodyOperations() {
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : description.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				JsonNode content = method.getValue().path("requestBody").path("content");
				JsonNode schema = content.path(MediaType.APPLICATION_JSON_VALUE).path("schema");
				if (!schema.isMissingNode()) {
					operations.add(new Operation(HttpMethod.valueOf(method.getKey().toUpperCase()), path.getKey(),
							schema));
				}
			}
		}
		return operations;
	}

	/**
	 * What a replacement ({@code PUT}) of a path without variable replaces, read by its {@code GET}
	 * now; null for another operation (a collection's list moves with the scheduled jobs).
	 */
	private @Nullable String readable(Operation operation) throws Exception {
		if (operation.method() != HttpMethod.PUT || operation.path().contains("{")
				|| !description.get("paths").get(operation.path()).has("get")) {
			return null;
		}
		return call(HttpMethod.GET, operation.path(), null, null).getContentAsString();
	}

	/** Whether the problem names {@code field} (with {@code code}, when given) first or in {@code errors}. */
	private static boolean named(@Nullable JsonNode problem, String field, @Nullable String code) {
		if (problem == null) {
			return false;
		}
		if (field.equals(text(problem, "field")) && (code == null || code.equals(text(problem, "code")))) {
			return true;
		}
		for (JsonNode error : problem.path("errors")) {
			if (field.equals(text(error, "field")) && (code == null || code.equals(text(error, "code")))) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable JsonNode problem(MockHttpServletResponse answer) throws Exception {
		String body = answer.getContentAsString();
		return body.isEmpty() ? null : JSON.readTree(body);
	}

	private static @Nullable String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return value == null || value.isNull() ? null : value.asString();
	}

	private static String abridged(String text) {
		return text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}

	private MockHttpServletResponse call(HttpMethod method, String uri, @Nullable JsonNode body,
			@Nullable String ifMatch) throws Exception {
		MockHttpServletRequestBuilder request = request(method, uri).header("Authorization", administrator);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body.toString());
		}
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

}

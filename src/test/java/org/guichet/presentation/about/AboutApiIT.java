package org.guichet.presentation.about;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.ApiClient;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestDatabase;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/about} and the tool page, on the database the tests run on. */
@GuichetIntegrationTest
class AboutApiIT {

	@Autowired
	private TestFixtures fixtures;

	@LocalServerPort
	private int port;

	private ApiClient supervisor;

	@BeforeEach
	void setUp() {
		User user = fixtures.user("about-supervisor", Role.SUPERVISOR);
		supervisor = ApiClient.basic(port, user.getUsername(), TestFixtures.PASSWORD);
	}

	@Test
	void theDatabaseKindAndVersionAreReadFromTheConnection() {
		ApiClient.Response answer = supervisor.get("/api/v1/about");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header("Content-Type")).startsWith("application/json");
		JsonNode database = answer.json().get("deployment").get("database");
		if (TestDatabase.isPostgres()) {
			assertThat(database.get("kind").asText()).isEqualTo("POSTGRESQL");
			assertThat(database.get("product").asText()).isEqualTo("PostgreSQL");
			assertThat(database.get("version").asText()).startsWith("17.");
			assertThat(database.get("url").asText()).startsWith("jdbc:postgresql://").doesNotContain("user=",
					"password=");
			assertThat(answer.json().get("resources").get("disk").get("databaseBytes").asLong()).isPositive();
		}
		else {
			assertThat(database.get("kind").asText()).isEqualTo("H2_MEMORY");
			assertThat(database.get("product").asText()).isEqualTo("H2");
			assertThat(database.get("version").asText()).startsWith("2.");
			assertThat(answer.json().get("resources").get("disk").get("databaseBytes").isNull()).isTrue();
		}
	}

	@Test
	void theFeaturesAreCountedFromTheConfiguration() {
		ApiClient.Response before = supervisor.get("/api/v1/about");
		fixtures.group(SupportLevel.N3);
		fixtures.user("about-technician", Role.TECHNICIAN);

		ApiClient.Response after = supervisor.get("/api/v1/about");

		assertThat(count(after, "groups.N3")).isEqualTo(count(before, "groups.N3") + 1);
		assertThat(count(after, "users.TECHNICIAN")).isEqualTo(count(before, "users.TECHNICIAN") + 1);
		assertThat(count(after, "channels")).isEqualTo(6);
		JsonNode product = after.json().get("product");
		assertThat(product.get("name").asText()).isEqualTo("Guichet");
		assertThat(product.get("licence").asText()).isEqualTo("Apache License, Version 2.0");
		assertThat(product.get("version").asText()).isNotBlank();
		assertThat(after.json().get("prerequisites").get("javaRequired").asText()).isEqualTo("17");
		assertThat(after.json().get("deployment").get("nodes").get(0).get("port").asInt()).isEqualTo(port);
		assertThat(after.json().get("resources").get("memory").get("heapUsed").asLong()).isPositive();
	}

	private static long count(ApiClient.Response answer, String key) {
		for (JsonNode feature : answer.json().get("features")) {
			if (feature.get("key").asText().equals(key)) {
				return feature.get("count").asLong();
			}
		}
		throw new AssertionError("No feature " + key);
	}

	@Test
	void thePdfNamesTheProductAndTheDatabaseKind() throws IOException {
		ApiClient.Response answer = supervisor.get("/api/v1/about?format=pdf&lang=en");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header("Content-Type")).startsWith("application/pdf");
		try (PDDocument pdf = Loader.loadPDF(answer.bytes())) {
			String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
			assertThat(text).contains("Guichet", "ITSM service desk", "Apache License, Version 2.0",
					"Topology of this deployment", TestDatabase.isPostgres() ? "PostgreSQL server"
							: "Embedded H2 database (in memory)");
		}
	}

	@Test
	void aFormatThatDoesNotFitIsRefusedNamingItsParameter() {
		ApiClient.Response answer = supervisor.get("/api/v1/about?format=docx");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.json().get("field").asText()).isEqualTo("format");
	}

	@Test
	void requestersAndTechniciansAreRefused() {
		for (Role role : new Role[] { Role.REQUESTER, Role.TECHNICIAN }) {
			User user = fixtures.user("about-" + role.name().toLowerCase(), role);
			ApiClient client = ApiClient.basic(port, user.getUsername(), TestFixtures.PASSWORD);

			ApiClient.Response answer = client.get("/api/v1/about");

			assertThat(answer.status()).as(role.name()).isEqualTo(403);
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
			assertThat(client.get("/api/v1/about?format=pdf").status()).as(role.name()).isEqualTo(403);
			assertThat(client.get("/presentation/about").status()).as(role.name()).isEqualTo(403);
		}
	}

	@Test
	void thePageShowsTheTopologyAndTheResources() {
		ApiClient.Response page = supervisor.get("/presentation/about");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("<svg", "data-node=\"application.1\"", "data-node=\"database\"",
				"id=\"about-resources\"", "/presentation/about/download?format=pdf");
	}

	/** The administrator reads which PostgreSQL to install, not what the developers' tests use. */
	@Test
	void thePrerequisitesNameTheOldestPostgresqlSupportedAndNotTheTests() {
		assertThat(supervisor.get("/api/v1/about").json().get("prerequisites").get("postgresqlMinimum").asInt())
			.isEqualTo(12);
		for (String language : List.of("en", "fr")) {
			String page = supervisor.get("/presentation/about", "Accept-Language", language).text();
			String prerequisites = page.substring(page.indexOf("id=\"about-prerequisites\""));
			prerequisites = prerequisites.substring(0, prerequisites.indexOf("</table>"));
			assertThat(prerequisites).as(language).containsPattern("PostgreSQL 12 (or later|ou plus récent)")
				.doesNotContainIgnoringCase("test");
		}
	}

}

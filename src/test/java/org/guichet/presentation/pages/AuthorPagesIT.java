package org.guichet.presentation.pages;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.testing.ApiClient;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The author's pages through the API: who may do what, the checks, the order and the stale-copy conflict. */
@GuichetIntegrationTest
class AuthorPagesIT {

	private static final String BASE = "/api/v1/presentation/pages";

	@Autowired
	private TestFixtures fixtures;

	@LocalServerPort
	private int port;

	private ApiClient supervisor;

	private String slug;

	@BeforeEach
	void aSupervisor() {
		supervisor = client(fixtures.user("pages-supervisor", Role.SUPERVISOR));
		slug = "our-desk-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void aSupervisorWritesAPageThatTheTeamReadsAndASecondTabCannotOverwriteUnseen() {
		ApiClient.Response created = supervisor.post(BASE,
				Map.of("title", "Our desk", "slug", slug, "body", "We **answer** every call."));
		assertThat(created.status()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		long version = created.json().get("version").asLong();
		assertThat(created.header("Location")).endsWith(BASE + "/" + id);

		ApiClient technician = client(fixtures.user("pages-tech", Role.TECHNICIAN));
		JsonNode read = technician.get(BASE + "/" + id).json();
		assertThat(read.get("body").asText()).isEqualTo("We **answer** every call.");
		assertThat(read.get("editedBy").get("fullName").asText()).isNotBlank();
		assertThat(technician.put(BASE + "/" + id, page("Mine", slug, "x", version)).status())
			.as("a technician reads only").isEqualTo(404);
		assertThat(technician.get("/presentation/pages/" + slug).text()).contains("<strong>answer</strong>");

		ApiClient.Response first = supervisor.put(BASE + "/" + id, page("Our desk", slug, "First tab", version));
		assertThat(first.status()).isEqualTo(200);
		ApiClient.Response second = supervisor.put(BASE + "/" + id, page("Our desk", slug, "Second tab", version));
		assertThat(second.status()).isEqualTo(412);
		assertThat(second.header("Content-Type")).startsWith("application/problem+json");
		assertThat(second.json().get("code").asText()).isEqualTo("record.version-stale");
		assertThat(supervisor.get(BASE + "/" + id).json().get("body").asText()).isEqualTo("First tab");

		assertThat(supervisor.delete(BASE + "/" + id).status()).isEqualTo(204);
		assertThat(supervisor.get(BASE + "/" + id).status()).isEqualTo(404);
	}

	@Test
	void everyRefusedFieldIsNamedAndNothingIsSaved() {
		ApiClient.Response blank = supervisor.post(BASE, Map.of("title", " ", "slug", "Not A Slug!", "body", ""));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.header("Content-Type")).startsWith("application/problem+json");
		assertThat(blank.json().get("field").asText()).isEqualTo("title");

		ApiClient.Response badSlug = supervisor.post(BASE, Map.of("title", "T", "slug", "Not A Slug!", "body", "b"));
		assertThat(badSlug.json().get("field").asText()).isEqualTo("slug");
		assertThat(badSlug.json().get("detail").asText()).contains("Not A Slug!");

		ApiClient.Response tooLong = supervisor.post(BASE,
				Map.of("title", "T", "body", "x".repeat(PageDefinition.BODY_MAX + 1)));
		assertThat(tooLong.json().get("field").asText()).isEqualTo("body");

		assertThat(supervisor.post(BASE, Map.of("title", "Taken", "slug", slug, "body", "b")).status()).isEqualTo(201);
		ApiClient.Response taken = supervisor.post(BASE, Map.of("title", "Again", "slug", slug, "body", "b"));
		assertThat(taken.status()).isEqualTo(400);
		assertThat(taken.json().get("field").asText()).isEqualTo("slug");

		long id = supervisor.get(BASE).json().valueStream()
			.filter(page -> page.get("slug").asText().equals(slug))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();
		Map<String, Object> noVersion = new HashMap<>(Map.of("title", "T", "slug", slug, "body", "b"));
		ApiClient.Response unversioned = supervisor.put(BASE + "/" + id, noVersion);
		assertThat(unversioned.status()).isEqualTo(428);
		assertThat(unversioned.json().get("code").asText()).isEqualTo("record.version-required");
	}

	@Test
	void pagesMoveInTheOrderAndNewOnesComeLast() {
		long a = supervisor.post(BASE, Map.of("title", "A", "slug", slug + "-a", "body", "a")).json().get("id").asLong();
		long b = supervisor.post(BASE, Map.of("title", "B", "slug", slug + "-b", "body", "b")).json().get("id").asLong();
		assertThat(positionOf(a)).isLessThan(positionOf(b));

		assertThat(supervisor.post(BASE + "/" + b + "/move?offset=-1", Map.of()).status()).isEqualTo(204);

		assertThat(positionOf(b)).isLessThan(positionOf(a));
		assertThat(supervisor.post(BASE + "/" + b + "/move?offset=3", Map.of()).json().get("field").asText())
			.isEqualTo("offset");
	}

	@Test
	void requestersGetNothing() {
		ApiClient requester = client(fixtures.user("pages-requester", Role.REQUESTER));
		assertThat(requester.get(BASE).status()).isEqualTo(403);
		assertThat(requester.post(BASE, Map.of("title", "T", "body", "b")).status()).isEqualTo(403);
	}

	private int positionOf(long id) {
		return supervisor.get(BASE + "/" + id).json().get("position").asInt();
	}

	private static Map<String, Object> page(String title, String slug, String body, long version) {
		return Map.of("title", title, "slug", slug, "body", body, "version", version);
	}

	private ApiClient client(User user) {
		return ApiClient.basic(port, user.getUsername(), TestFixtures.PASSWORD);
	}

}

package org.guichet.presentation.pack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.ApiClient;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Impact;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The presentation pack through the API: the offline site's files and links, the PDF's chapters, who may build it. */
@GuichetIntegrationTest
@DatabaseNeutral
class PresentationPackIT {

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@LocalServerPort
	private int port;

	private ApiClient supervisor;

	private TicketId example;

	private String pageTitle;

	private String slug;

	@BeforeEach
	void anExampleAndAnAuthorsPage() {
		User requester = fixtures.user("pack-requester", Role.REQUESTER);
		User technician = fixtures.user("pack-tech", Role.TECHNICIAN);
		var group = fixtures.group(SupportLevel.N1, technician);
		example = tickets.register(new NewTicket(TicketType.INCIDENT, "Badge reader refuses every card",
				"See [the admin page](/admin/categories).", requester.getId(), Channel.PHONE, null, Urgency.HIGH,
				Impact.MEDIUM, List.of()), TestFixtures.current(technician)).id();
		tickets.assign(example, group.getId(), technician.getId(), null, TestFixtures.current(technician));
		ApiClient tech = ApiClient.basic(port, technician.getUsername(), TestFixtures.PASSWORD);
		assertThat(tech.put("/api/v1/tickets/" + example.value() + "/example", Map.of("reason", "Shows the triage"))
			.status()).isEqualTo(200);
		supervisor = ApiClient.basic(port, fixtures.user("pack-supervisor", Role.SUPERVISOR).getUsername(),
				TestFixtures.PASSWORD);
		slug = "what-we-do-" + UUID.randomUUID().toString().substring(0, 8);
		pageTitle = "What we do " + slug;
		assertThat(supervisor.post("/api/v1/presentation/pages", Map.of("title", pageTitle, "slug", slug, "body",
				"We answer. ![logo](https://cdn.example.com/logo.png) See [ITIL](https://itil.example.org).")).status())
			.isEqualTo(201);
	}

	@Test
	void theZipIsASiteWhoseEveryLinkResolvesInsideItAndThatLoadsNothingFromOutside() throws IOException {
		ApiClient.Response answer = supervisor.get(packPath("zip"));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header("Content-Type")).startsWith("application/zip");
		Map<String, String> entries = unzip(answer.bytes());
		assertThat(entries.keySet()).allMatch(name -> name.startsWith("presentation/"));
		Map<String, String> site = new LinkedHashMap<>();
		entries.forEach((name, text) -> site.put(name.substring("presentation/".length()), text));
		assertThat(site).containsKeys("index.html", "about.html", "reference.html", "flowchart.html", "flowchart.svg",
				"kpis.html", "examples.html", "page-" + slug + ".html", "dossier-" + example.value() + ".html");
		for (Map.Entry<String, String> page : site.entrySet()) {
			if (page.getKey().endsWith(".html")) {
				assertThat(SiteLinks.problems(page.getValue(), site.keySet())).as(page.getKey()).isEmpty();
				assertThat(page.getValue()).as(page.getKey()).doesNotContain("src=\"https://cdn.example.com", "/admin/");
			}
		}
		assertThat(site.get("index.html")).contains("Presenting our service desk", pageTitle,
				"href=\"dossier-" + example.value() + ".html\"");
		assertThat(site.get("dossier-" + example.value() + ".html")).contains("Badge reader refuses every card");
		assertThat(site.get("page-" + slug + ".html")).as("an outside image is a link to follow, not loaded")
			.contains("href=\"https://itil.example.org\"", "href=\"https://cdn.example.com/logo.png\"");
		assertThat(site.get("flowchart.svg")).startsWith("<").contains("<svg");
	}

	@Test
	void thePdfHoldsTheHomeTheAuthorsPageTheReferenceAndTheDossier() throws IOException {
		ApiClient.Response answer = supervisor.get(packPath("pdf"));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header("Content-Type")).isEqualTo("application/pdf");
		try (PDDocument pdf = Loader.loadPDF(answer.bytes())) {
			String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
			assertThat(text).contains("Presenting our service desk", pageTitle,
					"Reference: categories, priorities and service levels", "Key figures",
					"Badge reader refuses every card");
		}
	}

	@Test
	void anAnonymisedPackIsBuiltAndBadParametersAreNamed() {
		ApiClient.Response built = supervisor.get(packPath("zip") + "&anonymize=true");
		assertThat(built.status()).isEqualTo(200);

		ApiClient.Response anonymised = supervisor.get(packPath("zip") + "&anonymize=maybe");
		assertThat(anonymised.status()).isEqualTo(400);
		assertThat(anonymised.header("Content-Type")).startsWith("application/problem+json");
		assertThat(anonymised.json().get("field").asText()).isEqualTo("anonymize");

		assertThat(supervisor.get("/api/v1/presentation?format=doc").json().get("field").asText()).isEqualTo("format");
		assertThat(supervisor.get("/api/v1/presentation?from=2026-02-01&to=2026-01-01").json().get("field").asText())
			.isEqualTo("to");
		assertThat(supervisor.get("/api/v1/presentation?examples=12x").json().get("field").asText())
			.isEqualTo("examples");
	}

	@Test
	void onlySupervisorsAndAdministratorsBuildIt() {
		User technician = fixtures.user("pack-other-tech", Role.TECHNICIAN);
		ApiClient tech = ApiClient.basic(port, technician.getUsername(), TestFixtures.PASSWORD);
		assertThat(tech.get(packPath("zip")).status()).isEqualTo(403);
		assertThat(tech.get("/presentation/pack").status()).isEqualTo(403);
		assertThat(supervisor.get("/presentation/pack").text()).contains("id=\"pack-form\"",
				"value=\"" + example.value() + "\"");
	}

	private String packPath(String format) {
		return "/api/v1/presentation?format=" + format + "&lang=en&examples=" + example.value();
	}

	private static Map<String, String> unzip(byte[] bytes) throws IOException {
		Map<String, String> entries = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return entries;
	}

}

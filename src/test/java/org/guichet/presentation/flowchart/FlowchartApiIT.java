package org.guichet.presentation.flowchart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.ApiClient;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code GET /api/v1/flowchart} and the page over the live configuration. */
@GuichetIntegrationTest
@DatabaseNeutral
class FlowchartApiIT {

	@Autowired
	private TestFixtures fixtures;

	@LocalServerPort
	private int port;

	private ApiClient supervisor;

	@BeforeEach
	void setUp() {
		User user = fixtures.user("flowchart-supervisor", Role.SUPERVISOR);
		supervisor = ApiClient.basic(port, user.getUsername(), TestFixtures.PASSWORD);
	}

	@Test
	void theSvgIsDrawnFromTheConfigurationInFrenchAndEnglish() {
		fixtures.group(SupportLevel.N2);
		fixtures.group(SupportLevel.N3);

		ApiClient.Response english = supervisor.get("/api/v1/flowchart?format=svg&lang=en");
		ApiClient.Response french = supervisor.get("/api/v1/flowchart?lang=fr&lanes=true");

		assertThat(english.status()).isEqualTo(200);
		assertThat(english.header("Content-Type")).startsWith("image/svg+xml");
		assertThat(english.text()).contains("<ellipse", "<polygon", "fc-document", ">Yes</text>", ">No</text>",
				"data-node=\"decision.solved.N2\"", "data-node=\"resolution.N3\"", "data-node=\"decision.validation\"");
		assertThat(french.status()).isEqualTo(200);
		assertThat(french.text()).contains(">Oui</text>", ">Non</text>", "Demandeur");
	}

	@Test
	void thePdfIsOnePageOfTheChart() throws IOException {
		ApiClient.Response answer = supervisor.get("/api/v1/flowchart?format=pdf&lang=fr");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header("Content-Type")).startsWith("application/pdf");
		try (PDDocument pdf = Loader.loadPDF(answer.bytes())) {
			assertThat(pdf.getNumberOfPages()).isEqualTo(1);
		}
	}

	@Test
	void aValueThatDoesNotFitIsRefusedNamingItsParameter() {
		for (String[] bad : new String[][] { { "format=docx", "format" }, { "lang=de", "lang" }, { "lanes=maybe", "lanes" },
				{ "format=png&width=10", "width" } }) {
			ApiClient.Response answer = supervisor.get("/api/v1/flowchart?" + bad[0]);

			assertThat(answer.status()).as(bad[0]).isEqualTo(400);
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
			assertThat(answer.json().get("field").asText()).isEqualTo(bad[1]);
		}
	}

	@Test
	void requestersAndTechniciansAreRefused() {
		for (Role role : new Role[] { Role.REQUESTER, Role.TECHNICIAN }) {
			User user = fixtures.user("flowchart-" + role.name().toLowerCase(), role);
			ApiClient client = ApiClient.basic(port, user.getUsername(), TestFixtures.PASSWORD);

			ApiClient.Response answer = client.get("/api/v1/flowchart");

			assertThat(answer.status()).as(role.name()).isEqualTo(403);
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
			assertThat(client.get("/presentation/flowchart").status()).as(role.name()).isEqualTo(403);
		}
	}

	@Test
	void thePageShowsTheChartWithItsSwitches() {
		ApiClient.Response page = supervisor.get("/presentation/flowchart?lang=en&lanes=true");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("<svg", "id=\"flowchart-lanes\"", "/presentation/flowchart/download?format=pdf&amp;lang=en&amp;lanes=true");
	}

	@Test
	void onlyAnAdministratorsChartLinksItsShapesToTheAdministrationPages() {
		User admin = fixtures.user("flowchart-admin", Role.ADMINISTRATOR);
		ApiClient administrator = ApiClient.basic(port, admin.getUsername(), TestFixtures.PASSWORD);

		assertThat(supervisor.get("/presentation/flowchart?lang=en").text()).doesNotContain("xlink:href=\"/admin/",
				"Click a shape");
		assertThat(supervisor.get("/api/v1/flowchart?format=svg").text()).doesNotContain("xlink:href");
		assertThat(administrator.get("/presentation/flowchart?lang=en").text())
			.contains("xlink:href=\"/admin/settings\"", "Click a shape");
	}

}

package org.guichet.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the public pages send to any browser: no HTML comment. The templates' notes for developers
 * are Thymeleaf comments ({@code <!--/* … *}{@code /-->}), removed when the page is drawn; a plain
 * {@code <!-- -->} would reach every visitor (TemplateCommentsTests checks the templates).
 */
@GuichetIntegrationTest
@DatabaseNeutral
class ServedPagesIT {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void noPublicPageSendsAnHtmlComment() throws Exception {
		for (String path : List.of("/login", "/login?error", "/login?logout", "/login?expired", "/login?reset",
				"/login?waited=true", "/password/forgot", "/password/reset?token=unknown", "/visit/chat")) {
			HttpResponse<String> page = http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());

			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.body()).as(path).contains("<html").doesNotContain("<!--");
		}
	}

}

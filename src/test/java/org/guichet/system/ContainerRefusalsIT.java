package org.guichet.system;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request Tomcat refuses before any servlet runs (the path or the headers cannot be read) is
 * answered as every refusal is: a problem with a {@code code} under {@code /api/}, a page in the
 * caller's language elsewhere, never Tomcat's HTML report. Sent over a plain socket: HTTP clients
 * refuse to send such requests at all; HTTP/1.0, so the body is whole, never chunked.
 */
@GuichetIntegrationTest
@DatabaseNeutral
class ContainerRefusalsIT {

	private static final String LONG_HEADER = "X-Padding: " + "x".repeat(20_000) + "\r\n";

	@LocalServerPort
	private int port;

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/tickets/%00", "/api/v1/tickets/a%2Fb", "/api/v1/tickets/%zz",
			"/api/../../etc/passwd", "/api/v1/tickets/..%2F..%2Fetc" })
	void anUnreadableApiPathIsAProblemInTheCallersLanguage(String path) throws IOException {
		Answer answer = send(path, "Accept-Language: fr\r\n");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		JsonNode problem = JsonMapper.shared().readTree(answer.body());
		assertThat(problem.path("code").asString()).isEqualTo("request.rejected");
		assertThat(problem.path("status").asInt()).isEqualTo(400);
		assertThat(problem.path("title").asString()).isEqualTo("Requête incorrecte");
		assertThat(problem.path("detail").asString()).startsWith("Le serveur n’a pas pu lire cette requête");
	}

	/**
	 * Tomcat's HTTP parser refuses a character illegal in the request line before it even has a
	 * request to hand on: a 400 without a body, but no report either.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/tickets/a|b", "/api/v1/tickets/a\\b" })
	void anIllegalCharacterInTheRequestLineIsABare400WithoutTomcatsReport(String path) throws IOException {
		Answer answer = send(path, "");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/tickets", "/portal" })
	void headersTooLongAreRefusedWithoutTomcatsReport(String path) throws IOException {
		Answer answer = send(path, "Accept-Language: en\r\n" + LONG_HEADER);

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith(path.startsWith("/api/") ? "application/problem+json" : "text/html");
		assertThat(answer.body()).doesNotContain("Tomcat").contains("The server could not read this request");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/portal/%00", "/agent/a%2Fb", "/%zz" })
	void anUnreadablePagePathIsAPageInTheCallersLanguage(String path) throws IOException {
		Answer answer = send(path, "Accept-Language: en\r\n");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("text/html");
		assertThat(answer.body()).contains("<html lang=\"en\">", "<h1>Bad Request</h1>",
				"The server could not read this request", "<a href=\"/\">").doesNotContain("Tomcat");
	}

	private Answer send(String path, String headers) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.0\r\nHost: localhost\r\n" + headers + "\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			String whole = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int end = whole.indexOf("\r\n\r\n");
			String head = whole.substring(0, end);
			String contentType = head.lines()
				.filter(line -> line.toLowerCase().startsWith("content-type:"))
				.map(line -> line.substring("content-type:".length()).strip())
				.findFirst()
				.orElse("");
			return new Answer(Integer.parseInt(head.substring(9, 12)), contentType, whole.substring(end + 4));
		}
	}

	private record Answer(int status, String contentType, String body) {
	}

}

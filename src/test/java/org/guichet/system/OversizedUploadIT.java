package org.guichet.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.HtmlForms;
import org.guichet.testing.ApiClient;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, an upload over the server's limit, end to end over a real HTTP connection (not
 * MockMvc): the bytes are streamed from a generator, never held in the test's memory, and the
 * server answers 413 — problem+json for the API, the "too large" page for a form — without
 * keeping the file. A request announcing a body over the request limit is answered from its
 * {@code Content-Length} alone, before its body is even sent; a file over the file limit within
 * a request under the request limit is parsed to disk (no memory threshold), never into the heap.
 */
@GuichetIntegrationTest
@DatabaseNeutral
class OversizedUploadIT {

	private static final long MB = 1024 * 1024;

	/** One byte over {@code spring.servlet.multipart.max-file-size} (100 MB). */
	private static final long JUST_OVER_THE_FILE_LIMIT = 100 * MB + 1;

	/** Over {@code spring.servlet.multipart.max-request-size} (110 MB). */
	private static final long OVER_THE_REQUEST_LIMIT = 120 * MB;

	private static final String BOUNDARY = "guichet-oversized-upload";

	@LocalServerPort
	private int port;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MultipartProperties multipart;

	@Test
	void anApiAttachmentOneByteOverTheLimitIsRefusedWith413ProblemJsonAndNotKept() throws Exception {
		assertThat(multipart.getMaxFileSize().toBytes()).isEqualTo(100 * MB);
		assertThat(multipart.getFileSizeThreshold().toBytes()).as("a file part goes to disk from its first byte")
			.isZero();
		User technician = fixtures.user("upload-tech", Role.TECHNICIAN);
		User caller = fixtures.user("upload-caller", Role.REQUESTER);
		String token = fixtures.token(technician);
		long ticket = ApiClient.bearer(port, token)
			.post("/api/v1/tickets", Map.of("type", "INCIDENT", "title", "Huge log file", "description", "Called",
					"urgency", "MEDIUM", "requesterId", caller.getId()))
			.json().get("id").asLong();

		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(multipartPost("/api/v1/tickets/" + ticket + "/attachments", Map.of(), JUST_OVER_THE_FILE_LIMIT)
				.header("Authorization", "Bearer " + token)
				.header("Accept-Language", "en")
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = ApiClient.JSON.readTree(answer.body());
		assertThat(problem.get("status").asInt()).isEqualTo(413);
		assertThat(problem.get("code").asString()).isEqualTo("upload.too-large");
		assertThat(problem.get("field").asString()).isEqualTo("file");
		assertThat(problem.get("detail").asString()).contains("send a smaller file");
		assertThat(jdbc.queryForObject("select count(*) from ticket_attachment where ticket_id = ?", Long.class, ticket))
			.isZero();
	}

	@Test
	void aFormSendingAFileOverTheRequestLimitGetsTheTooLargePageAndCreatesNothing() throws Exception {
		User requester = fixtures.user("upload-requester", Role.REQUESTER);
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build();
		String login = get(browser, "/login");
		browser.send(formPost("/login", Map.of("username", requester.getUsername(), "password", TestFixtures.PASSWORD,
				"_csrf", HtmlForms.hiddenFields(login, "/login").get("_csrf"))), HttpResponse.BodyHandlers.discarding());
		Map<String, String> fields = HtmlForms.hiddenFields(get(browser, "/portal/tickets/new"), "/portal/tickets/new");
		String title = "Scanned archive " + requester.getId();
		fields.putAll(Map.of("type", "INCIDENT", "title", title, "description", "The whole archive, attached.",
				"urgency", "LOW"));

		HttpResponse<String> answer = browser.send(multipartPost("/portal/tickets/new", fields, OVER_THE_REQUEST_LIMIT)
			.header("Accept", "text/html")
			.header("Accept-Language", "en")
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.body()).contains("Too large", "what you typed is still in the form");
		assertThat(jdbc.queryForObject("select count(*) from ticket where title = ?", Long.class, title)).isZero();
	}

	@Test
	void aFormWithMoreThanFiftyPartsGetsAPageSayingTooManyFilesAndCreatesNothing() throws Exception {
		User requester = fixtures.user("upload-many", Role.REQUESTER);
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build();
		String login = get(browser, "/login");
		browser.send(formPost("/login", Map.of("username", requester.getUsername(), "password", TestFixtures.PASSWORD,
				"_csrf", HtmlForms.hiddenFields(login, "/login").get("_csrf"))), HttpResponse.BodyHandlers.discarding());
		Map<String, String> fields = new LinkedHashMap<>(
				HtmlForms.hiddenFields(get(browser, "/portal/tickets/new"), "/portal/tickets/new"));
		String title = "Many screenshots " + requester.getId();
		fields.putAll(Map.of("type", "INCIDENT", "title", title, "description", "One screenshot per step.",
				"urgency", "LOW"));
		for (int i = 0; i < 60; i++) {
			fields.put("note-" + i, "step " + i);
		}

		HttpResponse<String> answer = browser.send(multipartPost("/portal/tickets/new", fields, 10)
			.header("Accept", "text/html")
			.header("Accept-Language", "en")
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.body()).contains("Too many files or fields", "what you typed is still in the form")
			.doesNotContain("larger than the server accepts");
		assertThat(jdbc.queryForObject("select count(*) from ticket where title = ?", Long.class, title)).isZero();
	}

	@Test
	void aBodyAnnouncedOverTheRequestLimitIsRefusedBeforeItIsSent() throws IOException {
		String token = fixtures.token(fixtures.user("upload-early", Role.TECHNICIAN));
		for (String path : List.of("/api/v1/tickets/1/attachments", "/portal/tickets/new")) {
			try (Socket socket = new Socket("localhost", port)) {
				socket.setSoTimeout(10_000);
				OutputStream out = socket.getOutputStream();
				// the headers and the start of the file part only: the rest of the body is never sent
				out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer " + token
						+ "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nContent-Length: "
						+ OVER_THE_REQUEST_LIMIT + "\r\n\r\n" + filePartHeader()).getBytes(StandardCharsets.US_ASCII));
				out.flush();

				String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);

				assertThat(statusLine).as("answered from the Content-Length of %s", path).isEqualTo("HTTP/1.1 413");
			}
		}
	}

	/** A multipart POST of the fields and a file of {@code size} zero bytes, streamed as it is sent. */
	private HttpRequest.Builder multipartPost(String path, Map<String, String> fields, long size) {
		StringBuilder head = new StringBuilder();
		fields.forEach((name, value) -> head.append("--").append(BOUNDARY)
			.append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
			.append(value).append("\r\n"));
		head.append(filePartHeader());
		byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
		byte[] end = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
		long length = start.length + size + end.length;
		HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
				HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(new ByteArrayInputStream(start),
						new SequenceInputStream(new Zeros(size), new ByteArrayInputStream(end)))),
				length);
		return HttpRequest.newBuilder(url(path))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(body);
	}

	private static String filePartHeader() {
		return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"archive.bin\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n";
	}

	private String get(HttpClient browser, String path) throws IOException, InterruptedException {
		return browser.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
	}

	private HttpRequest formPost(String path, Map<String, String> fields) {
		StringBuilder body = new StringBuilder();
		fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
			.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return HttpRequest.newBuilder(url(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build();
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	/** {@code size} zero bytes, made as they are read. */
	private static final class Zeros extends InputStream {

		private long left;

		Zeros(long size) {
			this.left = size;
		}

		@Override
		public int read() {
			if (left == 0) {
				return -1;
			}
			left--;
			return 0;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (left == 0) {
				return -1;
			}
			int count = (int) Math.min(length, left);
			Arrays.fill(buffer, offset, offset + count, (byte) 0);
			left -= count;
			return count;
		}

	}

}

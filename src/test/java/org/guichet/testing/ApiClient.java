package org.guichet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the running application's REST API over real HTTP, as an integration would.
 */
public final class ApiClient {

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final String baseUrl;

	private final @Nullable String authorization;

	private ApiClient(int port, @Nullable String authorization) {
		this("http://localhost:" + port, authorization);
	}

	private ApiClient(String baseUrl, @Nullable String authorization) {
		this.baseUrl = baseUrl;
		this.authorization = authorization;
	}

	public static ApiClient anonymous(int port) {
		return new ApiClient(port, null);
	}

	public static ApiClient bearer(int port, String token) {
		return new ApiClient(port, "Bearer " + token);
	}

	/** @param baseUrl scheme, host and port, without a trailing slash (e.g. {@code http://127.0.0.1:8080}) */
	public static ApiClient bearer(String baseUrl, String token) {
		return new ApiClient(baseUrl, "Bearer " + token);
	}

	public static ApiClient basic(int port, String username, String password) {
		return basic("http://localhost:" + port, username, password);
	}

	/** @param baseUrl scheme, host and port, without a trailing slash (e.g. {@code http://127.0.0.1:8080}) */
	public static ApiClient basic(String baseUrl, String username, String password) {
		return new ApiClient(baseUrl, "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	public Response get(String path, String... headers) {
		return send(request(path, headers).GET());
	}

	public Response post(String path, Object body, String... headers) {
		return send(request(path, headers).header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	public Response put(String path, Object body, String... headers) {
		return send(request(path, headers).header("Content-Type", "application/json")
			.PUT(BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	public Response delete(String path, String... headers) {
		return send(request(path, headers).DELETE());
	}

	/** Sends the body as it is, for malformed or unknown values. */
	public Response postRaw(String path, String json) {
		return send(request(path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)));
	}

	public Response patch(String path, Object body, String... headers) {
		return send(request(path, headers).header("Content-Type", "application/json")
			.method("PATCH", BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	public Response upload(String path, String fileName, String contentType, byte[] content, boolean internal) {
		String boundary = "guichet-" + UUID.randomUUID();
		List<byte[]> parts = new ArrayList<>();
		parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"internal\"\r\n\r\n" + internal
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		parts.add(content);
		parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(BodyPublishers.ofByteArrays(parts)));
	}

	private HttpRequest.Builder request(String path, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept-Language", "en");
		if (authorization != null) {
			builder.header("Authorization", authorization);
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			builder.setHeader(headers[i], headers[i + 1]);
		}
		return builder;
	}

	private static Response send(HttpRequest.Builder request) {
		try {
			var response = HTTP.send(request.build(), BodyHandlers.ofByteArray());
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record Response(int status, Map<String, List<String>> headers, byte[] bytes) {

		public JsonNode json() {
			return JSON.readTree(bytes);
		}

		public String text() {
			return new String(bytes, StandardCharsets.UTF_8);
		}

		public String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.map(e -> e.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		@Override
		public String toString() {
			return status + " " + text();
		}

	}

}

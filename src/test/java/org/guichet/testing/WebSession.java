package org.guichet.testing;

import java.io.InputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.guichet.directory.User;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One browser without a page engine, over real HTTP: its cookies (the session's), the forms' hidden
 * fields read from the pages, redirects not followed. Unlike MockMvc, its session goes through the
 * application's session store (the database), so that another node can serve it.
 */
public final class WebSession {

	private final HttpClient http;

	private final CookieManager cookies = new CookieManager();

	private String baseUrl;

	/** @param baseUrl scheme, host and port, without a trailing slash (e.g. {@code http://localhost:8080}) */
	public WebSession(String baseUrl) {
		this.baseUrl = baseUrl;
		this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5)).build();
	}

	/** A browser signed in as that person, whose password is {@link TestFixtures#PASSWORD}; fails the test if refused. */
	public static WebSession signedIn(String baseUrl, User user) throws Exception {
		return signedIn(baseUrl, user.getUsername(), TestFixtures.PASSWORD);
	}

	/** A browser signed in with that login and password; fails the test if refused. */
	public static WebSession signedIn(String baseUrl, String username, String password) throws Exception {
		WebSession session = new WebSession(baseUrl);
		Map<String, String> fields = HtmlForms.hiddenFields(session.get("/login").body(), "/login");
		fields.put("username", username);
		fields.put("password", password);
		HttpResponse<String> answer = session.post("/login", fields, Map.of());
		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		return session;
	}

	/**
	 * Sends the next requests, with the same cookies, to another address: another node behind
	 * the same reverse proxy. The cookies were given for {@code localhost}; so must the other be.
	 */
	public WebSession at(String otherBaseUrl) {
		this.baseUrl = otherBaseUrl;
		return this;
	}

	/** The cookies the server gave this browser so far, such as its session's. */
	public List<HttpCookie> cookies() {
		return cookies.getCookieStore().getCookies();
	}

	public HttpResponse<String> get(String path) throws Exception {
		return get(path, Map.of());
	}

	public HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		headers.forEach(request::header);
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Posts the form of {@code page} that posts to {@code action}, with its hidden fields and these. */
	public HttpResponse<String> submit(String page, String action, Map<String, String> fields) throws Exception {
		Map<String, String> all = HtmlForms.hiddenFields(get(page).body(), action);
		all.putAll(fields);
		return post(action, all, Map.of());
	}

	/** Posts as the page's script does: the CSRF token of {@code page}, answered 204 or with the refusal as text. */
	public HttpResponse<String> fetch(String page, String action, Map<String, String> fields) throws Exception {
		Map<String, String> all = new LinkedHashMap<>();
		Matcher token = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(get(page).body());
		assertThat(token.find()).isTrue();
		all.put("_csrf", token.group(1));
		all.putAll(fields);
		return post(action, all, Map.of("X-Requested-With", "fetch"));
	}

	public HttpResponse<String> post(String path, Map<String, String> fields, Map<String, String> headers)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
				.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"))));
		headers.forEach(request::header);
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Opens a server-sent event stream; the answer's body is read as it comes. */
	public HttpResponse<InputStream> stream(String path, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/event-stream");
		headers.forEach(request::header);
		return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
	}

	private URI uri(String path) {
		return URI.create(baseUrl + path);
	}

}

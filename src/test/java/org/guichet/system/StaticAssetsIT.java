package org.guichet.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Static assets are linked under URLs carrying a hash of their content and cached for a year;
 * pages are never cached.
 */
@GuichetIntegrationTest
@DatabaseNeutral
class StaticAssetsIT {

	private static final Pattern ASSET_LINK = Pattern
		.compile("(?:href|src)=\"(/(?:css|js|webjars)/[^\"]+\\.(?:css|js))\"");

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void pagesLinkEveryAssetUnderAVersionedUrlCachedForAYear() throws Exception {
		HttpResponse<String> page = get("/login");
		List<String> links = ASSET_LINK.matcher(page.body()).results().map(m -> m.group(1)).toList();

		assertThat(links).hasSizeGreaterThanOrEqualTo(4)
			.allMatch(link -> link.matches(".*-[0-9a-f]{32}\\.(css|js)"), "carries a content hash")
			.anyMatch(link -> link.startsWith("/css/guichet-"))
			.anyMatch(link -> link.startsWith("/webjars/htmx.org/"));
		for (String link : links) {
			HttpResponse<String> asset = get(link);
			assertThat(asset.statusCode()).as(link).isEqualTo(200);
			assertThat(asset.headers().firstValue("Cache-Control")).as(link)
				.hasValueSatisfying(value -> assertThat(value).contains("max-age=31536000", "public", "immutable")
					.doesNotContain("no-store"));
		}
	}

	@Test
	void everyPageNamesAFaviconThatIsServedToAnyoneUnderAVersionedUrl() throws Exception {
		String login = get("/login").body();
		Matcher icon = Pattern.compile("<link rel=\"icon\"[^>]*href=\"([^\"]+)\"").matcher(login);
		assertThat(icon.find()).as("the login page links the icon").isTrue();
		String link = icon.group(1);
		assertThat(link).as(icon.group()).matches("/img/favicon-[0-9a-f]{32}\\.svg");

		HttpResponse<String> svg = get(link);
		assertThat(svg.statusCode()).isEqualTo(200);
		assertThat(svg.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("image/svg+xml"));
		assertThat(svg.body()).startsWith("<svg");
	}

	@Test
	void pagesStayUncached() throws Exception {
		HttpResponse<String> page = get("/login");

		assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(
				value -> assertThat(value).contains("no-store"));
	}

	@Test
	void aChangedAssetGetsANewUrlAndTheOldHashIsNotServedAsTheNewContent() throws Exception {
		String link = versionedLink("/css/guichet-");
		String stale = link.replaceAll("-[0-9a-f]{32}\\.css$", "-00000000000000000000000000000000.css");

		assertThat(get(stale).statusCode()).isEqualTo(404);
	}

	private String versionedLink(String prefix) throws Exception {
		Matcher matcher = ASSET_LINK.matcher(get("/login").body());
		while (matcher.find()) {
			if (matcher.group(1).startsWith(prefix)) {
				return matcher.group(1);
			}
		}
		throw new AssertionError("no link starting with " + prefix);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}

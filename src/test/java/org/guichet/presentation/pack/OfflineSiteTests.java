package org.guichet.presentation.pack;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineSiteTests {

	private static final Set<String> FILES = Set.of("index.html", "dossier-12.html", "flowchart.svg");

	@Test
	void linksToTheApplicationLoseTheirAddressButKeepTheirText() {
		String page = OfflineSite.offline("<p><a href=\"/admin/categories\">Categories</a> and "
				+ "<a href=\"dossier-12.html\">#12</a> and <a href=\"dossier-13.html\">#13</a></p>", FILES, href -> href);

		assertThat(page).contains("Categories", "<a href=\"dossier-12.html\">#12</a>", "#13")
			.doesNotContain("/admin/categories", "dossier-13.html");
		assertThat(SiteLinks.problems(page, FILES)).isEmpty();
	}

	@Test
	void aFlowchartShapesLinkToItsAdminPageIsUnwrappedAndTheShapeKept() {
		String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\">"
				+ "<a xlink:href=\"/admin/sla\"><g class=\"fc-node\"><rect width=\"5\" height=\"5\"/></g></a></svg>";

		String inPage = OfflineSite.offline("<figure>" + svg + "</figure>", FILES, href -> href);
		String file = OfflineSite.svgWithoutLinks(svg);

		assertThat(inPage).contains("fc-node").doesNotContain("/admin/sla");
		assertThat(file).contains("<rect", "viewBox=\"0 0 10 10\"").doesNotContain("/admin/sla");
		assertThat(SiteLinks.problems(inPage, FILES)).isEmpty();
	}

	@Test
	void nothingIsLoadedFromOutsideTheSiteButOutsideLinksMayBeFollowed() {
		String page = OfflineSite.offline("<img src=\"https://cdn.example.com/logo.png\"><img src=\"data:image/png;base64,AA==\">"
				+ "<script src=\"https://cdn.example.com/x.js\"></script><a href=\"https://itil.example.org\">ITIL</a>",
				FILES, href -> href);

		assertThat(page).doesNotContain("cdn.example.com").contains("data:image/png", "https://itil.example.org");
		assertThat(SiteLinks.problems(page, FILES)).isEmpty();
	}

	@Test
	void inThePdfALinkToAPageBecomesItsAnchor() {
		String chapter = OfflineSite.offline("<a href=\"dossier-12.html\">#12</a>", FILES, PresentationPack::anchorOf);

		assertThat(chapter).isEqualTo("<a href=\"#dossier-12\">#12</a>");
	}

	@Test
	void theZipHoldsEveryPageUnderItsFolder() throws IOException {
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("index.html", "<html><body><a href=\"flowchart.svg\">chart</a></body></html>");
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		OfflineSite.zip("presentation", pages, Map.of("flowchart.svg", "<svg/>".getBytes(StandardCharsets.UTF_8)), out);

		Map<String, String> entries = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		assertThat(entries).containsOnlyKeys("presentation/index.html", "presentation/flowchart.svg");
		assertThat(SiteLinks.problems(entries.get("presentation/index.html"), Set.of("flowchart.svg"))).isEmpty();
	}

	@Test
	void theSiteChecksFindABrokenLinkAndAnOutsideImage() {
		assertThat(SiteLinks.problems("<a href=\"missing.html\">x</a><img src=\"http://x/y.png\">", FILES)).hasSize(2);
	}

}

package org.guichet.presentation.about;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.DocumentBuilderFactory;

import org.guichet.tickets.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class TopologySvgTests {

	static AboutTexts texts(Locale locale) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/messages", "i18n/presentation");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new AboutTexts(messages, locale);
	}

	/** The drawing, also written to {@code target/topology-<name>.svg} to be looked at. */
	private static String svg(Deployment deployment, Locale locale, String name) throws IOException {
		AboutTexts texts = texts(locale);
		String svg = TopologySvg.draw(TopologyLayout.layout(TopologyBuilder.build(deployment), texts), texts, null);
		Files.writeString(Path.of("target/topology-" + name + ".svg"), svg, StandardCharsets.UTF_8);
		return svg;
	}

	@Test
	void everyNodeIsDrawnWithItsShapeAndEveryLinkWithItsProtocol() throws Exception {
		String svg = svg(new Deployment(EnumSet.allOf(Channel.class), List.of(TopologyBuilderTests.NODE),
				TopologyBuilderTests.POSTGRESQL, List.of()), Locale.ENGLISH, "postgresql-en");

		DocumentBuilderFactory.newInstance().newDocumentBuilder()
			.parse(new java.io.ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
		assertThat(svg).contains("data-node=\"clients.requesters\"", "data-node=\"clients.team\"",
				"data-node=\"clients.api\"", "data-node=\"application.1\"", "data-node=\"database\"", "PostgreSQL server",
				"guichet-1, port 8080", ">JDBC</text>", ">HTTP</text>", "Phone, E-mail, SMS, Chat");
		assertThat(svg).doesNotContain("secret", "data-node=\"server.");
		assertThat(svg.split("class=\"tp-link\"", -1)).hasSize(4 + 1);
	}

	@Test
	void theEmbeddedDatabaseIsDrawnInFrench() throws IOException {
		String svg = svg(new Deployment(EnumSet.of(Channel.PORTAL), List.of(TopologyBuilderTests.NODE),
				TopologyBuilderTests.H2, List.of()), Locale.FRENCH, "h2-fr");

		assertThat(svg).contains("Base H2 embarquée (fichier)", "dans le même processus", "lang=\"fr\"");
	}

	@Test
	void twoNodesAndAMailServerAreEachDrawnOnce() throws IOException {
		ApplicationNode second = new ApplicationNode("guichet-2", "17.0.12+7", "Eclipse Adoptium", "Linux 6.1 (amd64)",
				2, 8080);
		ExternalServer smtp = new ExternalServer(ServerKind.MAIL_OUTGOING, "smtp.example.org", "smtp.example.org:587",
				"SMTP");

		String svg = svg(new Deployment(EnumSet.allOf(Channel.class), List.of(TopologyBuilderTests.NODE, second),
				TopologyBuilderTests.POSTGRESQL, List.of(smtp)), Locale.ENGLISH, "two-nodes-en");

		assertThat(svg).contains("data-node=\"application.2\"", "data-node=\"server.MAIL_OUTGOING.1\"",
				"Outgoing mail server", ">SMTP</text>");
		assertThat(svg.split("class=\"tp-link\"", -1)).hasSize(3 * 2 + 2 + 2 + 1);
	}


	@Test
	void aDrawingWiderThanThePaperIsScaledDownKeepingItsProportions() {
		AboutTexts texts = texts(Locale.ENGLISH);
		TopologyLayout.Laid laid = TopologyLayout.layout(TopologyBuilder.build(new Deployment(
				EnumSet.allOf(Channel.class), List.of(TopologyBuilderTests.NODE), TopologyBuilderTests.H2, List.of())),
				texts);

		String printed = TopologySvg.draw(laid, texts, 300.0);
		String own = TopologySvg.draw(laid, texts, null);

		double scale = 300.0 / laid.width();
		assertThat(printed).contains("width=\"300\"", "height=\"" + (long) Math.ceil(laid.height() * scale) + "\"",
				"viewBox=\"0 0 " + String.format(Locale.ROOT, "%.1f", laid.width()));
		assertThat(own).contains("width=\"" + (long) Math.ceil(laid.width()) + "\"");
		assertThat(TopologySvg.draw(laid, texts, 5000.0)).isEqualTo(own);
	}

}

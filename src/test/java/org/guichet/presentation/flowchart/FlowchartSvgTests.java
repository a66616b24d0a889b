package org.guichet.presentation.flowchart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class FlowchartSvgTests {

	static FlowchartTexts texts(Locale locale) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/messages", "i18n/presentation");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new FlowchartTexts(messages, locale);
	}

	private static String draw(Locale locale, boolean lanes) throws IOException {
		String svg = Flowcharts.svg(FlowchartBuilder.build(FlowchartBuilderTests.full()), texts(locale), lanes, new ShapeLinks("/ctx"));
		Path out = Path.of("target/flowchart-" + locale.getLanguage() + (lanes ? "-lanes" : "") + ".svg");
		Files.writeString(out, svg, StandardCharsets.UTF_8);
		return svg;
	}

	@Test
	void theSvgHoldsTheFourKindsOfShapesAndLabelledBranches() throws IOException {
		String svg = draw(Locale.ENGLISH, false);

		assertThat(svg).contains("<ellipse", "<rect", "<polygon", "class=\"fc-node fc-document\"");
		assertThat(svg).contains(">Yes</text>", ">No</text>", ">No: reopened</text>");
		assertThat(svg).contains("marker-end=\"url(#fc-arrow)\"", "Legend");
		assertThat(svg).contains("xlink:href=\"/ctx/admin/categories\"", "xlink:href=\"/ctx/admin/routing\"");
	}

	@Test
	void aChartWithoutShapeLinksLinksNowhere() {
		String svg = Flowcharts.svg(FlowchartBuilder.build(FlowchartBuilderTests.full()), texts(Locale.ENGLISH), false,
				ShapeLinks.NONE);

		assertThat(svg).doesNotContain("xlink:href", "<a ");
	}

	@Test
	void onlyAnAdministratorsChartLinksItsShapesToTheAdministrationPages() {
		assertThat(ShapeLinks.forReader(user(Role.ADMINISTRATOR), "/ctx").any()).isTrue();
		for (Role role : List.of(Role.REQUESTER, Role.TECHNICIAN, Role.SUPERVISOR)) {
			assertThat(ShapeLinks.forReader(user(role), "/ctx").any()).as(role.name()).isFalse();
		}
		assertThat(ShapeLinks.forReader(null, "").any()).isFalse();
	}

	private static CurrentUser user(Role role) {
		return new CurrentUser(7, "someone", "Someone", role, "en", "{noop}x", true);
	}

	@Test
	void frenchChartSaysOuiAndNon() throws IOException {
		String svg = draw(Locale.FRENCH, false);

		assertThat(svg).contains(">Oui</text>", ">Non</text>", "Enregistrement", "Légende").doesNotContain(">Yes<");
	}

	@Test
	void withLanesEachActorHasABandTitledWithItsNameAndEachNodeIsColouredByItsActorWithALegend() throws IOException {
		String svg = draw(Locale.FRENCH, true);

		assertThat(svg).contains("data-lane=\"REQUESTER\"", "data-lane=\"FIRST_LEVEL\"", "data-lane=\"UPPER_LEVELS\"",
				"data-lane=\"SYSTEM\"");
		assertThat(svg).contains("Centre de services (niveau 1)", "fill=\"#fee2e2\"");
		assertThat(svg.split("class=\"fc-lane\"", -1)).as("one band per actor").hasSize(5);
		assertThat(svg).contains("class=\"fc-lane-title\" x=\"59.0\"", ">Demandeur</text>", ">Guichet</text>",
				">Niveaux 2 et 3</text>", ">Oui</text>", ">Non</text>");
	}

	@Test
	void englishLanesAreTitledInEnglish() throws IOException {
		String svg = draw(Locale.ENGLISH, true);

		assertThat(svg).contains("class=\"fc-lane\" data-lane=\"REQUESTER\"", ">Requester</text>", ">Yes</text>")
			.doesNotContain(">Demandeur</text>");
	}

}

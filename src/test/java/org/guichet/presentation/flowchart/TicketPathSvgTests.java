package org.guichet.presentation.flowchart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guichet.directory.SupportLevel;
import org.guichet.presentation.flowchart.BranchCounts.FactRow;
import org.guichet.presentation.flowchart.TicketJourney.Move;
import org.guichet.presentation.flowchart.TicketJourney.MoveKind;
import org.guichet.tickets.Channel;
import org.junit.jupiter.api.Test;

class TicketPathSvgTests {

	private static final Flowchart FULL = FlowchartBuilder.build(FlowchartBuilderTests.full());

	private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

	private static TicketPath refusedOnce() {
		List<MoveKind> kinds = List.of(MoveKind.ASSIGNED, MoveKind.IN_PROGRESS, MoveKind.RESOLVED, MoveKind.REFUSED,
				MoveKind.IN_PROGRESS, MoveKind.RESOLVED, MoveKind.CLOSED);
		return TicketPath.of(FULL, new TicketJourney(Channel.PORTAL,
				kinds.stream().map(kind -> Move.of(T0, kind)).toList()));
	}

	@Test
	void theTicketsNodesAndEdgesAreHighlightedWithTheirOrderAndTheRestIsFaded() throws IOException {
		String svg = Flowcharts.svg(FULL, FlowchartSvgTests.texts(Locale.ENGLISH), false, ShapeLinks.NONE, null, refusedOnce());
		Files.writeString(Path.of("target/flowchart-ticket-en.svg"), svg, StandardCharsets.UTF_8);

		assertThat(svg).contains("class=\"fc-node fc-step fc-on-path\" data-node=\"resolution.N1\" data-steps=\"8, 13\"");
		assertThat(svg).contains("class=\"fc-edge fc-on-path\" data-edge=\"decision.validation-&gt;resolution.N1\" data-count=\"1\"");
		assertThat(svg).contains("data-edge=\"decision.answer-&gt;decision.validation\" data-count=\"2\"");
		assertThat(svg).containsPattern("data-node=\"resolution.N2\" opacity=\"0.3\"");
		assertThat(svg).containsPattern("class=\"fc-edge\" data-edge=\"decision.answer-&gt;auto-closure\"[^>]*opacity=\"0.3\"");
		assertThat(svg).contains("(on this ticket’s path: steps 8, 13)", "The way this ticket went");
		Matcher badges = Pattern.compile("class=\"fc-badge\"").matcher(svg);
		assertThat(badges.results().count()).as("a badge on each node passed, and the legend's")
			.isEqualTo(refusedOnce().nodeOrders().size() + 1);
	}

	@Test
	void theImagesDescriptionTellsTheTicketsPathInOrderToThoseWhoDoNotSeeIt() {
		TicketPath path = refusedOnce();
		String svg = Flowcharts.svg(FULL, FlowchartSvgTests.texts(Locale.FRENCH), true, ShapeLinks.NONE, null, path);

		assertThat(svg).contains("role=\"img\" aria-labelledby=\"flowchart-title\" aria-describedby=\"flowchart-desc\"");
		Matcher desc = Pattern.compile("<desc id=\"flowchart-desc\">([^<]*)</desc>").matcher(svg);
		assertThat(desc.find()).as("one description").isTrue();
		// the chart's French texts hold no-break spaces before their punctuation
		String words = desc.group(1).replace('\u00a0', ' ');
		assertThat(words).startsWith("Le chemin de ce ticket, dans l’ordre : étape 1 : Une personne a besoin d’aide (Demandeur) ; étape 2 : Portail")
			.contains(" ; étape 8 : 5. Résolution au niveau 1", " ; étape 13 : 5. Résolution au niveau 1")
			.as("each decision with the branch taken")
			.contains(" ; étape 4 : La demande est-elle acceptée en l’état ? Oui (Centre de services (niveau 1)) ; ")
			.contains(" ; étape 12 : Le demandeur accepte-t-il la solution ? Non : réouvert (Demandeur) ; ")
			.endsWith("étape " + path.steps().size() + " : Fin (Demandeur).");
		assertThat(Pattern.compile(" ; étape \\d+ : ").matcher(words).results().count()).as("every step, numbered")
			.isEqualTo(path.steps().size() - 1);
	}

	@Test
	void thePlainChartsDescriptionNamesEveryShape() {
		String svg = Flowcharts.svg(FULL, FlowchartSvgTests.texts(Locale.ENGLISH), false, ShapeLinks.NONE);

		assertThat(svg).contains("aria-describedby=\"flowchart-desc\"", "<desc id=\"flowchart-desc\">The steps and decisions of the lifecycle: A person needs help; ")
			.containsPattern("<desc id=\"flowchart-desc\">[^<]*; Is the demand accepted as it is\\?[^<]*; End\\.</desc>");
	}

	@Test
	void withoutPathNothingIsHighlightedNorFaded() {
		String svg = Flowcharts.svg(FULL, FlowchartSvgTests.texts(Locale.ENGLISH), false, ShapeLinks.NONE);

		assertThat(svg).doesNotContain("fc-on-path", "opacity=\"0.3\"", "fc-badge");
	}

	@Test
	void measuredBranchesCarryTheirCountAndShareOfTheTicketsCreated() throws IOException {
		LocalDate from = LocalDate.of(2026, 11, 1);
		LocalDate to = LocalDate.of(2026, 11, 30);
		BranchCounts counts = BranchCounts.of(FULL, from, to,
				List.of(new FactRow(Channel.PORTAL, SupportLevel.N1, 60, 4, 3, 40, 20),
						new FactRow(Channel.PHONE, SupportLevel.N2, 30, 0, 1, 20, 5),
						new FactRow(Channel.PHONE, SupportLevel.N3, 10, 1, 0, 5, 0),
						new FactRow(Channel.EMAIL, null, 0, 0, 0, 0, 0)));

		assertThat(counts.created()).isEqualTo(100);
		assertThat(counts.edges()).containsEntry("start->channel.PORTAL", 60L)
			.containsEntry("start->channel.PHONE", 40L)
			.containsEntry("decision.qualification->cancelled", 5L)
			.containsEntry("decision.qualification->categorisation", 95L)
			.containsEntry("decision.solved.N1->resolution.N2", 39L)
			.containsEntry("decision.solved.N2->resolution.N3", 9L)
			.containsEntry("decision.validation->resolution.N1", 4L)
			.containsEntry("closure->survey", 25L)
			.doesNotContainKey("decision.answer->auto-closure");
		assertThat(counts.closed()).isEqualTo(65);

		String svg = Flowcharts.svg(FULL, FlowchartSvgTests.texts(Locale.ENGLISH), false, ShapeLinks.NONE, counts, null);
		Files.writeString(Path.of("target/flowchart-measured-en.svg"), svg, StandardCharsets.UTF_8);
		assertThat(svg).contains(">No · 39 (39 %)</text>", ">No: reopened · 4 (4 %)</text>", ">60 (60 %)</text>", ">0 (0 %)</text>",
				"100 tickets created from 2026-11-01 to", "closed: 65 (65 %)");
	}

	@Test
	void aChartWithoutLevelTwoNorValidationHasNoCountsForTheirBranches() {
		Flowchart chart = FlowchartBuilder.build(FlowchartBuilderTests.with(FlowchartBuilderTests.full(),
				java.util.EnumSet.allOf(Channel.class), java.util.Map.of(SupportLevel.N1, 1), false, 0, 0, 3));

		BranchCounts counts = BranchCounts.of(chart, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 1),
				List.of(new FactRow(Channel.PORTAL, SupportLevel.N2, 10, 0, 2, 5, 1)));

		assertThat(counts.edges()).hasSize(8)
			.containsEntry("start->channel.PORTAL", 10L)
			.containsEntry("start->channel.SMS", 0L)
			.containsKeys("decision.qualification->cancelled", "decision.qualification->categorisation")
			.doesNotContainKeys("decision.solved.N1->resolution.N2", "decision.validation->resolution.N1",
					"closure->survey");
	}

}

package org.guichet.presentation.flowchart;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.guichet.directory.SupportLevel;
import org.guichet.presentation.flowchart.LaidOutFlowchart.Band;
import org.guichet.presentation.flowchart.LaidOutFlowchart.Placed;
import org.guichet.presentation.flowchart.LifecycleConfiguration.Registrar;
import org.guichet.tickets.Channel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FlowchartLayoutTests {

	private static final LifecycleConfiguration FULL = FlowchartBuilderTests.full();

	@Test
	void aChartAskedAgainIsPlacedOnceAndAnyChangeOfItsInputsPlacesItAgain() {
		Flowchart chart = FlowchartBuilder.build(FULL);
		FlowchartTexts english = FlowchartSvgTests.texts(Locale.ENGLISH);
		LaidOutFlowchart first = FlowchartLayout.layout(chart, english, false);

		assertThat(FlowchartLayout.layout(FlowchartBuilder.build(FULL), FlowchartSvgTests.texts(Locale.ENGLISH), false))
			.as("an equal chart in the same language").isSameAs(first);
		Flowchart withoutValidation = FlowchartBuilder.build(FlowchartBuilderTests.with(FULL, FULL.channels(),
				FULL.groupsPerLevel(), false, 7, 100, 12));
		assertThat(FlowchartLayout.layout(withoutValidation, english, false)).as("another configuration")
			.isNotSameAs(first)
			.satisfies(other -> assertThat(other.nodes()).hasSizeLessThan(first.nodes().size()));
		assertThat(FlowchartLayout.layout(chart, FlowchartSvgTests.texts(Locale.FRENCH), false)).as("another language")
			.isNotSameAs(first);
		assertThat(FlowchartLayout.layout(chart, english, true)).as("with lanes").isNotSameAs(first);
		assertThat(FlowchartLayout.layout(chart, english, false, Map.of(), Map.of(FlowchartBuilder.START, "12 created")))
			.as("with a period's counts")
			.isNotSameAs(first)
			.isSameAs(FlowchartLayout.layout(chart, english, false, Map.of(), Map.of(FlowchartBuilder.START, "12 created")));
	}


	/** The builder tests' configurations, and one where only the service desk registers, without rules nor pending. */
	private static Map<String, LifecycleConfiguration> configurations() {
		LifecycleConfiguration c = FULL;
		Map<String, LifecycleConfiguration> configurations = new LinkedHashMap<>();
		configurations.put("full", c);
		configurations.put("validation off", FlowchartBuilderTests.with(c, c.channels(), c.groupsPerLevel(), false, 7, 100, 12));
		configurations.put("no level 3", FlowchartBuilderTests.with(c, c.channels(),
				Map.of(SupportLevel.N1, 1, SupportLevel.N2, 2), true, 7, 100, 12));
		configurations.put("service desk only", FlowchartBuilderTests.with(c, c.channels(), Map.of(SupportLevel.N1, 1),
				true, 7, 100, 12));
		configurations.put("auto-close never", FlowchartBuilderTests.with(c, c.channels(), c.groupsPerLevel(), true, 0, 100, 12));
		configurations.put("survey off", FlowchartBuilderTests.with(c, c.channels(), c.groupsPerLevel(), true, 7, 0, 12));
		configurations.put("portal and e-mail only", FlowchartBuilderTests.with(c, EnumSet.of(Channel.PORTAL, Channel.EMAIL),
				c.groupsPerLevel(), true, 7, 100, 12));
		configurations.put("no category", FlowchartBuilderTests.with(c, c.channels(), c.groupsPerLevel(), true, 7, 100, 0));
		configurations.put("with approvals", c.withApprovals(true));
		configurations.put("desk registers, no rule, no pending", new LifecycleConfiguration(EnumSet.of(Channel.PHONE),
				EnumSet.of(Registrar.SERVICE_DESK), 3, false, 0, Map.of(SupportLevel.N1, 1), 1, Set.of(), Set.of(), 0,
				c.solutionKinds(), false, 0, 0));
		return configurations;
	}

	@Test
	void withLanesEveryNodeLiesInsideItsActorsBandAndTheBandsDoNotOverlap() {
		for (Map.Entry<String, LifecycleConfiguration> configuration : configurations().entrySet()) {
			for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
				Flowchart chart = FlowchartBuilder.build(configuration.getValue());
				LaidOutFlowchart laidOut = FlowchartLayout.layout(chart, FlowchartSvgTests.texts(locale), true);
				String what = configuration.getKey() + " in " + locale;

				List<Lane> actors = chart.nodes().stream().map(FlowNode::lane).distinct().sorted().toList();
				assertThat(laidOut.lanes()).as(what + ": one band per actor, in the lanes' order")
					.extracting(Band::lane)
					.containsExactlyElementsOf(actors);
				for (int i = 0; i < laidOut.lanes().size(); i++) {
					Band band = laidOut.lanes().get(i);
					assertThat(band.bottom()).as(what + ": " + band + " has a height").isGreaterThan(band.top());
					if (i + 1 < laidOut.lanes().size()) {
						assertThat(band.bottom()).as(what + ": " + band + " ends where the next starts")
							.isLessThanOrEqualTo(laidOut.lanes().get(i + 1).top());
					}
				}
				assertThat(laidOut.lanes().get(0).top()).as(what).isGreaterThanOrEqualTo(0);
				assertThat(laidOut.lanes().get(laidOut.lanes().size() - 1).bottom()).as(what)
					.isLessThanOrEqualTo(laidOut.height());
				for (Placed node : laidOut.nodes()) {
					Band band = laidOut.lanes().stream().filter(b -> b.lane() == node.node().lane()).findFirst().orElseThrow();
					assertThat(node.y()).as(what + ": top of " + node.node().id() + " in " + band)
						.isGreaterThanOrEqualTo(band.top());
					assertThat(node.y() + node.height()).as(what + ": bottom of " + node.node().id() + " in " + band)
						.isLessThanOrEqualTo(band.bottom());
					assertThat(node.x()).as(what + ": " + node.node().id() + " right of the lane titles")
						.isGreaterThanOrEqualTo(band.header());
					assertThat(node.x() + node.width()).as(what + ": " + node.node().id() + " inside the drawing")
						.isLessThanOrEqualTo(laidOut.width());
				}
			}
		}
	}

	@Test
	void withoutLanesNoBandIsDrawn() {
		assertThat(FlowchartLayout.layout(FlowchartBuilder.build(FULL), FlowchartSvgTests.texts(Locale.ENGLISH), false)
			.lanes()).isEmpty();
	}

}

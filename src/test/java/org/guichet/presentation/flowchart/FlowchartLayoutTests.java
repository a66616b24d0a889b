package org.guichet.presentation.flowchart;

import java.util.Locale;
import java.util.Map;

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

}

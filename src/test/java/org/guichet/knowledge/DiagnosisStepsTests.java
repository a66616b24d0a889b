package org.guichet.knowledge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A procedure's steps read from its Markdown: the items of its lists, as a reader sees them. */
class DiagnosisStepsTests {

	@Test
	void bulletedNumberedAndTaskItemsAreStepsInOrderWithoutTheirMarks() {
		String text = """
				Before calling the IT team:

				1. Check the **power** cable
				2. Restart the printer

				- [ ] Print a test page
				- [x] Look at the `error` code
				* Note the model
				""";
		assertThat(DiagnosisSteps.of(text)).containsExactly("Check the power cable", "Restart the printer",
				"Print a test page", "Look at the error code", "Note the model");
	}

	@Test
	void aSubListDetailsItsStepAndIsNoStepOfItsOwn() {
		String text = """
				- Check the network
				  - the cable
				  - the Wi-Fi
				- Restart
				""";
		assertThat(DiagnosisSteps.of(text)).containsExactly("Check the network", "Restart");
	}

	@Test
	void listsInCodeBlocksAndTextWithoutListsGiveNoStep() {
		assertThat(DiagnosisSteps.of("```\n- not a step\n```\n\nJust text.")).isEmpty();
		assertThat(DiagnosisSteps.of("")).isEmpty();
	}

	@Test
	void theSameStepTwiceIsOneStepAndALongStepIsCut() {
		String longStep = "x".repeat(DiagnosisSteps.MAX_LENGTH + 50);
		assertThat(DiagnosisSteps.of("- Restart\n- Restart\n- " + longStep)).hasSize(2)
			.last()
			.satisfies(step -> assertThat(step).hasSize(DiagnosisSteps.MAX_LENGTH).endsWith("…"));
	}

	/** The renderer shows typed HTML as text: the step is that text, which the page escapes again. */
	@Test
	void htmlTypedInAStepStaysTheTextTheReaderSaw() {
		assertThat(DiagnosisSteps.of("- <b>Check</b> the cable")).containsExactly("<b>Check</b> the cable");
	}

}

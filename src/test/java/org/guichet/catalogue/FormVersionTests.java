package org.guichet.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormVersionTests {

	private static final FormDefinition FORM = new FormDefinition(List.of(
			new FormField("model", FieldKind.CHOICE, "Modèle", "Model", "Aide", "Help", true, "standard", null, null, null,
					null, null, List.of(new FieldOption("standard", "Standard", "Standard"),
							new FieldOption("other", "Autre | divers", "Other")), null),
			new FormField("other-model", FieldKind.SHORT_TEXT, "Lequel ?", "Which one?", null, null, true, null, 2, 50, null,
					null, "[A-Za-z0-9 ]+", List.of(), new FieldCondition("model", "other")),
			new FormField("software", FieldKind.MULTIPLE_CHOICE, "Logiciels", "Software", null, null, false, null, null,
					null, "1", "2", null, List.of(new FieldOption("office", "Bureautique", "Office"),
							new FieldOption("vpn", "VPN", "VPN")), null)));

	@Test
	void aVersionGivesBackTheFormItWasSavedWithEveryPropertyOptionAndCondition() {
		FormVersion version = new FormVersion(1, 1, FORM, 7, Instant.EPOCH);
		assertThat(version.form()).isEqualTo(FORM);
	}

	@Test
	void aVersionChangedInPlaceAsksTheNewFieldsAndAnswersAreCheckedAgainstTheVersionFiledWith() {
		FormVersion first = new FormVersion(1, 1, FORM, 7, Instant.EPOCH);
		FormDefinition fewer = new FormDefinition(List.of(FORM.fields().get(0)));
		FormVersion second = new FormVersion(1, 2, fewer, 7, Instant.EPOCH);
		Map<String, List<String>> answers = Map.of("model", List.of("other"), "other-model", List.of("X1"));
		assertThat(first.form().fill(answers, id -> true, java.time.LocalDate.of(2026, 12, 2))).containsOnlyKeys("model", "other-model");
		assertThat(second.form().field("other-model")).isNull();

		first.replace(fewer, 8, Instant.EPOCH.plusSeconds(1));
		assertThat(first.form()).isEqualTo(fewer);
		assertThat(first.getNumber()).isEqualTo(1);
	}

}

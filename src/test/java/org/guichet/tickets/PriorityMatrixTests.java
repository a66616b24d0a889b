package org.guichet.tickets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PriorityMatrixTests {

	private final PriorityMatrix matrix = PriorityMatrix.standard();

	@Test
	void standardMatrixGivesLowPriorityToLowUrgencyForOneUser() {
		assertThat(matrix.priorityOf(Urgency.LOW, Impact.LOW, false)).isEqualTo(Priority.LOW);
	}

	@Test
	void standardMatrixGivesMajorPriorityOnlyToVeryUrgentOrganisationWideDemands() {
		assertThat(matrix.priorityOf(Urgency.VERY_HIGH, Impact.VERY_HIGH, false)).isEqualTo(Priority.MAJOR);
		for (Urgency urgency : Urgency.values()) {
			for (Impact impact : Impact.values()) {
				if (urgency != Urgency.VERY_HIGH || impact != Impact.VERY_HIGH) {
					assertThat(matrix.cell(urgency, impact)).isNotEqualTo(Priority.MAJOR);
				}
			}
		}
	}

	@Test
	void priorityNeverDecreasesWhenUrgencyOrImpactRises() {
		for (Urgency urgency : Urgency.values()) {
			for (Impact impact : Impact.values()) {
				Priority here = matrix.cell(urgency, impact);
				if (urgency.ordinal() < Urgency.values().length - 1) {
					assertThat(matrix.cell(Urgency.values()[urgency.ordinal() + 1], impact)).isGreaterThanOrEqualTo(here);
				}
				if (impact.ordinal() < Impact.values().length - 1) {
					assertThat(matrix.cell(urgency, Impact.values()[impact.ordinal() + 1])).isGreaterThanOrEqualTo(here);
				}
			}
		}
	}

	@ParameterizedTest
	@EnumSource(Urgency.class)
	void vipRequesterRaisesPriorityOneLevel(Urgency urgency) {
		Priority normal = matrix.priorityOf(urgency, Impact.MEDIUM, false);
		assertThat(matrix.priorityOf(urgency, Impact.MEDIUM, true)).isEqualTo(normal.raised());
		assertThat(normal.raised().ordinal()).isEqualTo(normal.ordinal() + 1);
	}

	@Test
	void majorPriorityStaysMajorForVip() {
		assertThat(matrix.priorityOf(Urgency.VERY_HIGH, Impact.VERY_HIGH, true)).isEqualTo(Priority.MAJOR);
	}

	@Test
	void editedCellIsWhatTheMatrixAnswers() {
		PriorityMatrix.Builder builder = PriorityMatrix.builder();
		for (Urgency urgency : Urgency.values()) {
			for (Impact impact : Impact.values()) {
				builder.set(urgency, impact, Priority.LOW);
			}
		}
		builder.set(Urgency.HIGH, Impact.LOW, Priority.VERY_HIGH);
		PriorityMatrix edited = builder.build();
		assertThat(edited.priorityOf(Urgency.HIGH, Impact.LOW, false)).isEqualTo(Priority.VERY_HIGH);
		assertThat(edited.priorityOf(Urgency.HIGH, Impact.MEDIUM, false)).isEqualTo(Priority.LOW);
	}

	@Test
	void matrixWithAMissingCellIsRefused() {
		PriorityMatrix.Builder builder = PriorityMatrix.builder().set(Urgency.LOW, Impact.LOW, Priority.LOW);
		assertThatIllegalStateException().isThrownBy(builder::build).withMessageContaining("urgency");
	}

}

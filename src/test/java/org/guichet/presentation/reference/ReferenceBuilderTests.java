package org.guichet.presentation.reference;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.guichet.directory.SupportLevel;
import org.guichet.presentation.reference.ReferenceBuilder.PolicySource;
import org.guichet.presentation.reference.ReferenceModel.EscalationLine;
import org.guichet.presentation.reference.ReferenceModel.PolicyReference;
import org.guichet.sla.EscalationLevels.LevelDefinition;
import org.guichet.sla.EscalationTrigger;
import org.guichet.sla.SlaClock;
import org.guichet.sla.SlaPolicy;
import org.guichet.tickets.CategoryTree;
import org.guichet.tickets.Impact;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.Priority;
import org.guichet.tickets.PriorityMatrix;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceBuilderTests {

	private static final CategoryTree TREE = new CategoryTree(List.of(new CategoryTree.Node(1, null, "Workstation", true),
			new CategoryTree.Node(2, 1L, "Printer", true), new CategoryTree.Node(3, 1L, "Laptop", false),
			new CategoryTree.Node(4, null, "Access", true)));

	@Test
	void theCategoriesComeEachUnderItsParentWithTheirDepthAndWhetherOffered() {
		ReferenceModel model = ReferenceBuilder.build(TREE, PriorityMatrix.standard(), true, Map.of(), List.of());

		assertThat(model.categories()).extracting(c -> c.depth() + ":" + c.name() + ":" + c.active())
			.containsExactly("0:Access:true", "0:Workstation:true", "1:Laptop:false", "1:Printer:true");
	}

	@Test
	void theMatrixReadsMostUrgentFirstWithOneCellPerImpact() {
		PriorityMatrix matrix = PriorityMatrix.standard();
		ReferenceModel model = ReferenceBuilder.build(TREE, matrix, false, Map.of(), List.of());

		assertThat(model.matrix()).hasSize(Urgency.values().length);
		assertThat(model.matrix().get(0).urgency()).isEqualTo(Urgency.VERY_HIGH);
		assertThat(model.matrix().get(0).cells()).hasSize(Impact.values().length)
			.last()
			.isEqualTo(matrix.cell(Urgency.VERY_HIGH, Impact.VERY_HIGH));
		assertThat(model.vipRaisesPriority()).isFalse();
	}

	@Test
	void everySupportLevelIsListedWithItsGroupsByName() {
		ReferenceModel model = ReferenceBuilder.build(TREE, PriorityMatrix.standard(), true,
				Map.of("Service desk", SupportLevel.N1, "Network", SupportLevel.N2, "Apps", SupportLevel.N2), List.of());

		assertThat(model.groupsPerLevel().get(SupportLevel.N2)).containsExactly("Apps", "Network");
		assertThat(model.groupsPerLevel().get(SupportLevel.N3)).isEmpty();
	}

	@Test
	void aPolicyGivesItsTargetsPauseReasonsConditionsAndEscalationCriteriaInOrder() {
		SlaPolicy policy = new SlaPolicy("Printers", 7);
		policy.target(TicketType.INCIDENT, Priority.LOW, Duration.ofHours(4), Duration.ofHours(24));
		policy.target(TicketType.INCIDENT, Priority.HIGH, Duration.ofMinutes(30), Duration.ofHours(4));
		policy.pausing(true, false, true);
		policy.conditions(TicketType.INCIDENT, 2L, null, true);
		List<LevelDefinition> levels = List.of(
				new LevelDefinition(null, SlaClock.TTO, EscalationTrigger.SHARE, 75, null, true, false, false, false,
						false, null, null),
				new LevelDefinition(null, SlaClock.TTR, EscalationTrigger.AFTER, null, Duration.ofMinutes(30), false,
						true, false, true, true, 9L, null));

		ReferenceModel model = ReferenceBuilder.build(TREE, PriorityMatrix.standard(), true, Map.of(),
				List.of(new PolicySource(policy, "Office hours", levels, Map.of(9L, "Network"))));

		PolicyReference reference = model.policies().get(0);
		assertThat(reference.calendar()).isEqualTo("Office hours");
		assertThat(reference.category()).isEqualTo(TREE.path(2));
		assertThat(reference.vip()).isTrue();
		assertThat(reference.targets()).extracting(t -> t.priority() + " " + t.timeToOwn() + " " + t.timeToResolve())
			.as("most urgent first").containsExactly("HIGH PT30M PT4H", "LOW PT4H PT24H");
		assertThat(reference.pausing()).containsExactly(PendingReason.USER, PendingReason.APPROVAL);
		EscalationLine first = reference.escalations().get(0);
		assertThat(first.position()).isEqualTo(1);
		assertThat(first.percent()).isEqualTo(75);
		assertThat(first.actions()).containsExactly("notifyTechnician");
		EscalationLine second = reference.escalations().get(1);
		assertThat(second.trigger()).isEqualTo(EscalationTrigger.AFTER);
		assertThat(second.minutes()).isEqualTo(30);
		assertThat(second.actions()).containsExactly("notifySupervisor", "raisePriority", "reassign");
		assertThat(second.reassignTo()).isEqualTo("Network");
	}

}

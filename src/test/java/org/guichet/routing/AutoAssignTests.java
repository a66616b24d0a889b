package org.guichet.routing;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.guichet.tickets.Priority;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AutoAssignTests {

	private static final List<Long> MEMBERS = List.of(1L, 2L, 3L);

	@Test
	void roundRobinServesMembersInTurnAndWrapsRound() {
		assertThat(AutoAssign.roundRobin(MEMBERS, null)).isEqualTo(1L);
		assertThat(AutoAssign.roundRobin(MEMBERS, 1L)).isEqualTo(2L);
		assertThat(AutoAssign.roundRobin(MEMBERS, 2L)).isEqualTo(3L);
		assertThat(AutoAssign.roundRobin(MEMBERS, 3L)).isEqualTo(1L);
	}

	@Test
	void roundRobinContinuesAfterALastAssigneeWhoNoLongerQualifies() {
		assertThat(AutoAssign.roundRobin(List.of(1L, 3L), 2L)).isEqualTo(3L);
		assertThat(AutoAssign.roundRobin(List.of(), 2L)).isNull();
	}

	@Test
	void leastLoadedPicksTheLightestWorkloadAndTheLowestIdAmongEquals() {
		assertThat(AutoAssign.leastLoaded(MEMBERS, Map.of(1L, 5, 2L, 3, 3L, 4))).isEqualTo(2L);
		assertThat(AutoAssign.leastLoaded(MEMBERS, Map.of(1L, 2))).isEqualTo(2L);
		assertThat(AutoAssign.leastLoaded(List.of(), Map.of())).isNull();
	}

	@Test
	void workloadWeightsDoubleWithEachPriorityLevel() {
		assertThat(AutoAssign.WEIGHTS).containsEntry(Priority.VERY_LOW, 1)
			.containsEntry(Priority.LOW, 2)
			.containsEntry(Priority.MEDIUM, 4)
			.containsEntry(Priority.HIGH, 8)
			.containsEntry(Priority.VERY_HIGH, 16)
			.containsEntry(Priority.MAJOR, 32);
	}

	@Test
	void absentMembersDoNotQualify() {
		assertThat(AutoAssign.qualifying(MEMBERS, Set.of(2L), Map.of(), List.of())).containsExactly(1L, 3L);
		assertThat(AutoAssign.qualifying(MEMBERS, Set.of(1L, 2L, 3L), Map.of(), List.of())).isEmpty();
	}

	@Test
	void membersSkilledInTheCategoryOrAParentComeFirst() {
		Map<Long, Set<Long>> skills = Map.of(1L, Set.of(10L), 2L, Set.of(20L));

		assertThat(AutoAssign.qualifying(MEMBERS, Set.of(), skills, List.of(11L, 10L))).containsExactly(1L);
		assertThat(AutoAssign.qualifying(MEMBERS, Set.of(), skills, List.of(20L))).containsExactly(2L);
	}

	@Test
	void generalistsTakeWhatNoAvailableSpecialistCovers() {
		Map<Long, Set<Long>> skills = Map.of(1L, Set.of(10L), 2L, Set.of(20L));

		assertThat(AutoAssign.qualifying(MEMBERS, Set.of(), skills, List.of(30L))).containsExactly(3L);
		assertThat(AutoAssign.qualifying(MEMBERS, Set.of(1L), skills, List.of(10L))).containsExactly(3L);
	}

	@Test
	void membersWithOtherSkillsOnlyNeverQualify() {
		Map<Long, Set<Long>> skills = Map.of(1L, Set.of(10L), 2L, Set.of(20L), 3L, Set.of(30L));

		assertThat(AutoAssign.qualifying(MEMBERS, Set.of(), skills, List.of(40L))).isEmpty();
	}

	@Test
	void withoutCategoryEveryAvailableMemberQualifies() {
		assertThat(AutoAssign.qualifying(MEMBERS, Set.of(), Map.of(1L, Set.of(10L)), List.of()))
			.containsExactly(1L, 2L, 3L);
	}

}

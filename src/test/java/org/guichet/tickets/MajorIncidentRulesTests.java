package org.guichet.tickets;

import java.util.List;

import org.guichet.system.ConflictException;
import org.guichet.system.ForbiddenException;
import org.guichet.system.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MajorIncidentRulesTests {

	private static final TicketId MAJOR = new TicketId(10);

	private static final TicketId CHILD = new TicketId(11);

	@Test
	void everyOpenTicketWithoutParentMayBeFlaggedAndNoOtherStatus() {
		for (Status status : Status.values()) {
			if (Status.OPEN.contains(status)) {
				assertThatCode(() -> MajorIncidentRules.checkFlag(MAJOR, status, false, null)).doesNotThrowAnyException();
			}
			else {
				assertThatThrownBy(() -> MajorIncidentRules.checkFlag(MAJOR, status, false, null))
					.isInstanceOf(ConflictException.class)
					.extracting("messageKey")
					.isEqualTo("ticket.major.not-open");
			}
		}
	}

	@Test
	void aMajorIncidentIsNotFlaggedTwiceNorIsAChildOfAnotherTicket() {
		assertThatThrownBy(() -> MajorIncidentRules.checkFlag(MAJOR, Status.NEW, true, null))
			.extracting("messageKey")
			.isEqualTo("ticket.major.already");
		assertThatThrownBy(() -> MajorIncidentRules.checkFlag(MAJOR, Status.NEW, false, new TicketId(3)))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("#10 is a child of #3");
		assertThatThrownBy(() -> MajorIncidentRules.checkUnflag(MAJOR, false)).extracting("messageKey")
			.isEqualTo("ticket.major.not-major");
	}

	@Test
	void aChildIsAttachedOnlyToAnOpenMajorIncidentAndIsItselfOpenAndNotMajor() {
		assertThatCode(() -> MajorIncidentRules.checkChild(MAJOR, Status.IN_PROGRESS, true, CHILD, Status.PENDING, false))
			.doesNotThrowAnyException();
		assertRefused(() -> MajorIncidentRules.checkChild(MAJOR, Status.NEW, false, CHILD, Status.NEW, false),
				MajorIncidentRules.MAJOR_FIELD, "ticket.major.not-major");
		assertRefused(() -> MajorIncidentRules.checkChild(MAJOR, Status.RESOLVED, true, CHILD, Status.NEW, false),
				MajorIncidentRules.MAJOR_FIELD, "ticket.major.not-ongoing");
		assertRefused(() -> MajorIncidentRules.checkChild(MAJOR, Status.NEW, true, CHILD, Status.NEW, true),
				MajorIncidentRules.CHILD_FIELD, "ticket.major.child-is-major");
		for (Status status : new Status[] { Status.RESOLVED, Status.CLOSED, Status.CANCELLED }) {
			assertRefused(() -> MajorIncidentRules.checkChild(MAJOR, Status.NEW, true, CHILD, status, false),
					MajorIncidentRules.CHILD_FIELD, "ticket.major.child-not-open");
		}
	}

	@Test
	void onlyOpenChildrenAreResolvedWithTheirMajorIncidentTheOthersKeepTheirEnding() {
		for (Status status : Status.values()) {
			assertThat(MajorIncidentRules.resolvedWithMajorIncident(status)).as(status.name())
				.isEqualTo(status == Status.NEW || status == Status.ASSIGNED || status == Status.IN_PROGRESS
						|| status == Status.PENDING);
		}
	}

	private static void assertRefused(Runnable check, String field, String key) {
		assertThatThrownBy(check::run).isInstanceOfSatisfying(InvalidInputException.class, ex -> {
			assertThat(ex.field()).isEqualTo(field);
			assertThat(ex.messageKey()).isEqualTo(key);
		});
	}

	@Test
	void aPersonOutsideTheItTeamFollowsAnOpenMajorIncidentOnceItsRequesterFollowsItAlready() {
		for (Status status : Status.values()) {
			if (Status.OPEN.contains(status)) {
				assertThatCode(() -> MajorIncidentRules.checkFollow(MAJOR, status, false)).doesNotThrowAnyException();
			}
			else {
				assertThatThrownBy(() -> MajorIncidentRules.checkFollow(MAJOR, status, false))
					.isInstanceOf(ConflictException.class)
					.extracting("messageKey")
					.isEqualTo("ticket.major.over");
			}
		}
		assertThatThrownBy(() -> MajorIncidentRules.checkFollow(MAJOR, Status.IN_PROGRESS, true))
			.isInstanceOf(ForbiddenException.class)
			.extracting("messageKey")
			.isEqualTo("ticket.major.follow-team");
		assertThat(MajorIncidentRules.mayFollow(false)).isTrue();
		assertThat(MajorIncidentRules.mayFollow(true)).as("the IT team").isFalse();
		assertThat(MajorIncidentRules.follows(7, 7, List.of())).as("its requester").isTrue();
		assertThat(MajorIncidentRules.follows(8, 7, List.of(3L, 8L))).as("an observer").isTrue();
		assertThat(MajorIncidentRules.follows(9, 7, List.of(3L, 8L))).as("anyone else").isFalse();
	}

}

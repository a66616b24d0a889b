package org.guichet.tickets;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.guichet.system.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThat;

class TicketLinkRulesTests {

	/** The stored links of one kind, source to targets. */
	private final Map<Long, List<Long>> edges = new HashMap<>();

	private final Function<Long, Collection<Long>> successors = id -> edges.getOrDefault(id, List.of());

	@Test
	void aTicketIsNeverLinkedToItself() {
		assertRefused(5, 5, TicketLinkKind.RELATED_TO, null, "ticket.link.self");
	}

	@Test
	void twoTicketsAreLinkedOnceWhateverTheKindAndDirectionOfTheFirstLink() {
		assertRefused(5, 6, TicketLinkKind.DUPLICATE_OF, TicketLinkKind.RELATED_TO, "ticket.link.already");
	}

	@Test
	void aChildHasOneParent() {
		edges.put(5L, List.of(9L));
		InvalidInputException refused = assertRefused(5, 6, TicketLinkKind.CHILD_OF, null, "ticket.link.one-parent");
		assertThat(refused.arguments()).containsExactly("#5", "#9");
	}

	@Test
	void aParentMayHaveManyChildren() {
		edges.put(5L, List.of(9L));
		assertThatCode(() -> TicketLinkRules.check(6, 9, TicketLinkKind.CHILD_OF, null, successors))
			.doesNotThrowAnyException();
	}

	@Test
	void aTicketCannotBecomeTheChildOfItsOwnGrandchild() {
		// #3 child of #2 child of #1: #1 child of #3 would close the circle.
		edges.put(3L, List.of(2L));
		edges.put(2L, List.of(1L));
		InvalidInputException refused = assertRefused(1, 3, TicketLinkKind.CHILD_OF, null,
				"ticket.link.cycle.CHILD_OF");
		assertThat(refused.arguments()).containsExactly("#1", "#3");
	}

	@Test
	void duplicatesFormNoCycleEvenThroughALongChain() {
		for (long id = 1; id < 50; id++) {
			edges.put(id, List.of(id + 1));
		}
		assertRefused(50, 1, TicketLinkKind.DUPLICATE_OF, null, "ticket.link.cycle.DUPLICATE_OF");
		assertThatCode(() -> TicketLinkRules.check(60, 1, TicketLinkKind.DUPLICATE_OF, null, successors))
			.doesNotThrowAnyException();
	}

	@Test
	void aDiamondOfDuplicatesIsNoCycle() {
		// #1 and #2 both duplicate #3, #4 duplicates #1 and #2 is asked: no way back to #4.
		edges.put(1L, List.of(3L));
		edges.put(2L, List.of(3L));
		edges.put(4L, List.of(1L));
		assertThatCode(() -> TicketLinkRules.check(4, 2, TicketLinkKind.DUPLICATE_OF, null, successors))
			.doesNotThrowAnyException();
	}

	@Test
	void relatedTicketsMayFormACircle() {
		edges.put(2L, List.of(1L));
		assertThatCode(() -> TicketLinkRules.check(1, 2, TicketLinkKind.RELATED_TO, null, successors))
			.doesNotThrowAnyException();
	}

	@Test
	void aChainTooLongToFollowIsRefusedRatherThanWalkedForEver() {
		for (long id = 1; id <= TicketLinkRules.MAX_DEPTH + 10; id++) {
			edges.put(id, List.of(id + 1));
		}
		assertRefused(5000, 1, TicketLinkKind.CHILD_OF, null, "ticket.link.too-deep");
	}

	@ParameterizedTest
	@EnumSource(TicketRelation.class)
	void eachRelationReadsItsLinkFromTheRightSide(TicketRelation relation) {
		assertThat(TicketRelation.of(relation.kind(), relation.inverse())).isEqualTo(relation);
	}

	@Test
	void relatedReadsAlikeFromBothSides() {
		assertThat(TicketRelation.of(TicketLinkKind.RELATED_TO, true)).isEqualTo(TicketRelation.RELATED_TO);
		assertThat(TicketRelation.of(TicketLinkKind.DUPLICATE_OF, true)).isEqualTo(TicketRelation.DUPLICATED_BY);
		assertThat(TicketRelation.of(TicketLinkKind.CHILD_OF, true)).isEqualTo(TicketRelation.PARENT_OF);
	}

	@Test
	void followUpsAndMergesAreNotMadeByHand() {
		assertThat(TicketRelation.FOLLOW_UP_OF.madeByHand()).isFalse();
		assertThat(TicketRelation.MERGED_FROM.madeByHand()).isFalse();
		assertThat(TicketRelation.PARENT_OF.madeByHand()).isTrue();
	}

	private InvalidInputException assertRefused(long source, long target, TicketLinkKind kind, TicketLinkKind existing,
			String code) {
		InvalidInputException[] refused = new InvalidInputException[1];
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> TicketLinkRules.check(source, target, kind, existing, successors))
			.satisfies(ex -> {
				assertThat(ex.messageKey()).isEqualTo(code);
				assertThat(ex.field()).isEqualTo("ticket");
				refused[0] = ex;
			});
		return refused[0];
	}

}

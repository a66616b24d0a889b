package org.guichet.chat;

import java.time.Instant;

import org.guichet.system.ConflictException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConversationTests {

	private static final Instant T0 = Instant.parse("2026-12-13T09:00:00Z");

	@Test
	void aWaitingConversationIsTakenOnceByOneAgentForTheirGroup() {
		Conversation conversation = new Conversation(1, T0);
		conversation.take(5, 3, T0.plusSeconds(30));
		assertThat(conversation.getState()).isEqualTo(ChatState.ACTIVE);
		assertThat(conversation.getAgentId()).isEqualTo(5);
		assertThat(conversation.getGroupId()).isEqualTo(3);
		assertThat(conversation.getTakenAt()).isEqualTo(T0.plusSeconds(30));
		assertThatThrownBy(() -> conversation.take(6, 3, T0.plusSeconds(31))).isInstanceOf(ConflictException.class)
			.hasFieldOrPropertyWithValue("messageKey", "chat.taken-already");
		assertThat(conversation.getAgentId()).isEqualTo(5);
	}

	@Test
	void theTitleProposedForItsTicketIsTheFirstMessagesFirstLineOnOneLine() {
		ConversationView view = new ConversationView(1, 2L, "Alice", ChatState.ACTIVE, 5L, "Bob", null, T0,
				"\r\n\tMon écran\treste noir \r\nDepuis ce matin.", 9, null);
		assertThat(view.proposedTitle()).isEqualTo("Mon écran reste noir");
	}

	@Test
	void aClosedConversationTakesNoMessageAndIsNotClosedTwice() {
		Conversation conversation = new Conversation(1, T0);
		conversation.close(T0.plusSeconds(5));
		assertThat(conversation.isOpen()).isFalse();
		assertThatThrownBy(conversation::refuseWhenClosed).hasFieldOrPropertyWithValue("messageKey", "chat.closed");
		assertThatThrownBy(() -> conversation.close(T0.plusSeconds(6))).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> conversation.take(5, 3, T0.plusSeconds(7))).isInstanceOf(ConflictException.class);
	}

	@Test
	void aConversationBecomesOneTicketOnly() {
		Conversation conversation = new Conversation(1, T0);
		conversation.becameTicket(42, 1);
		assertThat(conversation.getTicketId()).isEqualTo(42);
		assertThatThrownBy(() -> conversation.becameTicket(43, 1)).hasFieldOrPropertyWithValue("messageKey",
				"chat.ticket-already");
		assertThat(conversation.getTicketId()).isEqualTo(42);
	}

	@Test
	void aTransferToAColleagueKeepsItActiveAndOneToAGroupPutsItBackInTheQueueWithItsStartKept() {
		Conversation conversation = new Conversation(1, T0);
		conversation.take(5, 3, T0.plusSeconds(30));
		conversation.transferToAgent(6, 3, T0.plusSeconds(60));
		assertThat(conversation.getState()).isEqualTo(ChatState.ACTIVE);
		assertThat(conversation.getAgentId()).isEqualTo(6);
		assertThat(conversation.getTakenAt()).isEqualTo(T0.plusSeconds(60));
		conversation.transferToGroup(4);
		assertThat(conversation.getState()).isEqualTo(ChatState.WAITING);
		assertThat(conversation.getAgentId()).isNull();
		assertThat(conversation.getGroupId()).isEqualTo(4);
		assertThat(conversation.getStartedAt()).as("the waiting time counts from the start").isEqualTo(T0);
		conversation.take(7, 4, T0.plusSeconds(90));
		conversation.close(T0.plusSeconds(120));
		assertThatThrownBy(() -> conversation.transferToGroup(4)).hasFieldOrPropertyWithValue("messageKey", "chat.closed");
		assertThatThrownBy(() -> conversation.transferToAgent(8, 4, T0.plusSeconds(121)))
			.isInstanceOf(ConflictException.class);
	}

}

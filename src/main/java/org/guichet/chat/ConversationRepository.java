package org.guichet.chat;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ConversationRepository extends JpaRepository<Conversation, Long> {

	List<Conversation> findByStateOrderByStartedAtAsc(ChatState state);

	List<Conversation> findByAgentIdAndStateOrderByTakenAtAsc(long agentId, ChatState state);

	/** The requester's newest conversation in those states that they started logged in (not as a visitor). */
	Optional<Conversation> findFirstByRequesterIdAndVisitorNameIsNullAndStateInOrderByIdDesc(long requesterId,
			Collection<ChatState> states);

	Optional<Conversation> findByVisitorToken(String tokenHash);

}

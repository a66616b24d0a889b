package org.guichet.chat;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ConversationRepository extends JpaRepository<Conversation, Long> {

	List<Conversation> findByStateOrderByStartedAtAsc(ChatState state);

	List<Conversation> findByAgentIdAndStateOrderByTakenAtAsc(long agentId, ChatState state);

	Optional<Conversation> findFirstByRequesterIdAndStateInOrderByIdDesc(long requesterId, Collection<ChatState> states);

}

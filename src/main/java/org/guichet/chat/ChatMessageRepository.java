package org.guichet.chat;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ChatMessageRepository extends JpaRepository<ChatMessage, Long> {

	List<ChatMessage> findByConversationIdAndIdGreaterThanOrderByIdAsc(long conversationId, long afterId);

}

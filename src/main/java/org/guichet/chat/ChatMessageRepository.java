package org.guichet.chat;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ChatMessageRepository extends JpaRepository<ChatMessage, Long> {

	List<ChatMessage> findByConversationIdAndIdGreaterThanOrderByIdAsc(long conversationId, long afterId);

	/** The first message written in each of the conversations (a transfer is no message). */
	@Query("select m from ChatMessage m where m.id in (select min(x.id) from ChatMessage x"
			+ " where x.conversationId in :conversations and x.kind = :kind group by x.conversationId)")
	List<ChatMessage> firstOf(Collection<Long> conversations, ChatMessage.Kind kind);

	/** The id of the conversation's last line, null for none. */
	@Query("select max(m.id) from ChatMessage m where m.conversationId = :conversation")
	@Nullable Long lastIdOf(long conversation);

}

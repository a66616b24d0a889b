package org.guichet.chat;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A message of a conversation (table {@code chat_message}), stored as it is sent. Its id orders
 * the conversation and is the id of its server-sent event, from which a stream resumes.
 */
@Entity
@Table(name = "chat_message")
public class ChatMessage {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long conversationId;

	private @Nullable Long authorId;

	private String body = "";

	private Instant sentAt = Instant.EPOCH;

	@Enumerated(EnumType.STRING)
	private Kind kind = Kind.MESSAGE;

	/** What the line of the conversation is. */
	public enum Kind {

		/** A message its author wrote. */
		MESSAGE,
		/** The author transferred the conversation to the colleague the body names. */
		TRANSFER_TO_AGENT,
		/** The author transferred the conversation to the group the body names. */
		TRANSFER_TO_GROUP

	}

	protected ChatMessage() {
	}

	/** @param authorId who wrote it; null for the visitor of a visitor's conversation, who has no account */
	ChatMessage(long conversationId, @Nullable Long authorId, String body, Instant sentAt) {
		this(conversationId, authorId, Kind.MESSAGE, body, sentAt);
	}

	ChatMessage(long conversationId, @Nullable Long authorId, Kind kind, String body, Instant sentAt) {
		this.conversationId = conversationId;
		this.authorId = authorId;
		this.kind = kind;
		this.body = body;
		this.sentAt = sentAt;
	}

	public long getId() {
		return id == null ? 0 : id;
	}

	public long getConversationId() {
		return conversationId;
	}

	/** Who wrote it; null for the visitor of a visitor's conversation. */
	public @Nullable Long getAuthorId() {
		return authorId;
	}

	/** The text as written: escape it wherever it is shown. */
	public String getBody() {
		return body;
	}

	public Instant getSentAt() {
		return sentAt;
	}

	public Kind getKind() {
		return kind;
	}

}

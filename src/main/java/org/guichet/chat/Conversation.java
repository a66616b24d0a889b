package org.guichet.chat;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.guichet.system.ConflictException;
import org.jspecify.annotations.Nullable;

/**
 * A requester's chat conversation (table {@code chat_conversation}): waiting in the queue, then
 * taken by one agent of a chat group, then closed; it may become one ticket. Instants in UTC. A
 * visitor's (not logged in) has no requester until it becomes a ticket ({@link #becameTicket}).
 */
@Entity
@Table(name = "chat_conversation")
public class Conversation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private @Nullable Long requesterId;

	@Enumerated(EnumType.STRING)
	private ChatState state = ChatState.WAITING;

	private @Nullable Long agentId;

	private @Nullable Long groupId;

	private @Nullable Long ticketId;

	private Instant startedAt = Instant.EPOCH;

	private @Nullable Instant takenAt;

	private @Nullable Instant closedAt;

	private @Nullable String visitorName;

	private @Nullable String visitorEmail;

	private @Nullable String visitorToken;

	@Version
	private long version;

	protected Conversation() {
	}

	Conversation(long requesterId, Instant at) {
		this.requesterId = requesterId;
		this.startedAt = at;
	}

	/**
	 * A visitor's conversation, without a requester: the name and address they typed,
	 * {@code tokenHash} the SHA-256 (hex) of their cookie's token.
	 */
	Conversation(String visitorName, String visitorEmail, String tokenHash, Instant at) {
		this.startedAt = at;
		this.visitorName = visitorName;
		this.visitorEmail = visitorEmail;
		this.visitorToken = tokenHash;
	}

	/**
	 * The agent takes the waiting conversation for their group.
	 *
	 * @throws ConflictException {@code chat.taken-already} when it is no longer waiting
	 */
	void take(long agent, long group, Instant at) {
		if (state != ChatState.WAITING) {
			throw new ConflictException("chat.taken-already", "This conversation was taken already or has ended");
		}
		state = ChatState.ACTIVE;
		agentId = agent;
		groupId = group;
		takenAt = at;
	}

	/**
	 * The agent who has it hands it to a colleague, who has it at once for their group.
	 *
	 * @throws ConflictException {@code chat.closed} when it has ended
	 */
	void transferToAgent(long colleague, long group, Instant at) {
		refuseWhenClosed();
		state = ChatState.ACTIVE;
		agentId = colleague;
		groupId = group;
		takenAt = at;
	}

	/**
	 * The agent who has it hands it to a group: it waits in that group's queue again. Its waiting
	 * time still counts from its start ({@link #getStartedAt()}): the requester does not go to the
	 * back of the queue.
	 *
	 * @throws ConflictException {@code chat.closed} when it has ended
	 */
	void transferToGroup(long group) {
		refuseWhenClosed();
		state = ChatState.WAITING;
		agentId = null;
		groupId = group;
		takenAt = null;
	}

	/** @throws ConflictException {@code chat.closed} when it was closed already */
	void close(Instant at) {
		refuseWhenClosed();
		state = ChatState.CLOSED;
		closedAt = at;
	}

	/** @throws ConflictException {@code chat.closed} when no message may be added any more */
	void refuseWhenClosed() {
		if (state == ChatState.CLOSED) {
			throw new ConflictException("chat.closed", "This conversation has ended: start a new one");
		}
	}

	/**
	 * It became the ticket of {@code requester}: for a visitor's, the account of the address they typed.
	 *
	 * @throws ConflictException {@code chat.ticket-already} when it became a ticket already
	 */
	void becameTicket(long ticket, long requester) {
		refuseWhenTicket();
		ticketId = ticket;
		requesterId = requester;
	}

	/** @throws ConflictException {@code chat.ticket-already} when it became a ticket already */
	void refuseWhenTicket() {
		if (ticketId != null) {
			throw new ConflictException("chat.ticket-already", "This conversation is a ticket already: #" + ticketId,
					"#" + ticketId);
		}
	}

	public long getId() {
		return id == null ? 0 : id;
	}

	/**
	 * The requester's account; null for a visitor's conversation until it became a ticket (but in the
	 * rows written before ADR 025's amendment: the account of the visitor's address).
	 */
	public @Nullable Long getRequesterId() {
		return requesterId;
	}

	/**
	 * Whether the conversation's requester side wrote the line of {@code authorId}: in a visitor's
	 * conversation, the visitor, whose lines have no author; else the requester's account.
	 */
	boolean isRequester(@Nullable Long authorId) {
		return isVisitor() ? authorId == null : authorId != null && authorId.equals(requesterId);
	}

	public ChatState getState() {
		return state;
	}

	public @Nullable Long getAgentId() {
		return agentId;
	}

	/** The chat group of the agent who has it; while waiting, the group it was transferred to, else null. */
	public @Nullable Long getGroupId() {
		return groupId;
	}

	public @Nullable Long getTicketId() {
		return ticketId;
	}

	public Instant getStartedAt() {
		return startedAt;
	}

	public @Nullable Instant getTakenAt() {
		return takenAt;
	}

	public @Nullable Instant getClosedAt() {
		return closedAt;
	}

	/** The name a visitor typed, null for a logged-in requester's conversation. */
	public @Nullable String getVisitorName() {
		return visitorName;
	}

	/** The address a visitor typed (not verified), null for a logged-in requester's conversation. */
	public @Nullable String getVisitorEmail() {
		return visitorEmail;
	}

	public boolean isVisitor() {
		return visitorName != null;
	}

	public boolean isOpen() {
		return state != ChatState.CLOSED;
	}

}

package org.guichet.notifications;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.jspecify.annotations.Nullable;

/**
 * One message to one person, kept as a message key and its arguments so that it is shown in
 * the reader's language.
 */
@Entity
public class Notification {

	/** Separates the arguments in their column; never typed in a name or a ticket number. */
	private static final String SEPARATOR = "\u001f";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long recipientId;

	private @Nullable Long ticketId;

	private String messageKey;

	private String arguments;

	private Instant createdAt;

	private @Nullable Instant readAt;

	// The page it opens when it is about something else than a ticket (an article); a path of this site.
	private @Nullable String link;

	@SuppressWarnings("NullAway")
	protected Notification() {
		this.messageKey = "";
		this.arguments = "";
		this.createdAt = Instant.EPOCH;
	}

	Notification(long recipientId, @Nullable Long ticketId, String messageKey, List<String> arguments,
			Instant createdAt) {
		this.recipientId = recipientId;
		this.ticketId = ticketId;
		this.messageKey = messageKey;
		this.arguments = String.join(SEPARATOR, arguments.stream().map(a -> a.replace(SEPARATOR, " ")).toList());
		this.createdAt = createdAt;
	}

	Notification(long recipientId, String link, String messageKey, List<String> arguments, Instant createdAt) {
		this(recipientId, (Long) null, messageKey, arguments, createdAt);
		this.link = link;
	}

	void markRead(Instant at) {
		if (readAt == null) {
			readAt = at;
		}
	}

	public @Nullable Long getId() {
		return id;
	}

	public @Nullable Long getTicketId() {
		return ticketId;
	}

	/** The page it opens when it is not about a ticket: a path of this site; null for a ticket's. */
	public @Nullable String getLink() {
		return link;
	}

	public String getMessageKey() {
		return messageKey;
	}

	public Object[] getArguments() {
		return arguments.isEmpty() ? new Object[0] : Arrays.stream(arguments.split(SEPARATOR, -1)).toArray();
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public boolean isRead() {
		return readAt != null;
	}

}

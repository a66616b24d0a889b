package org.guichet.tickets;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.guichet.directory.User;
import org.jspecify.annotations.Nullable;

/**
 * A public reply, seen by the requester, or an internal note, seen only by the IT team.
 */
@EntityListeners(TicketFactsListener.class)
@Entity
@Table(name = "ticket_comment")
public class Comment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "ticket_id")
	private Ticket ticket;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "author_id")
	private User author;

	private String body;

	private boolean internal;

	private Instant createdAt;

	// The ticket this comment was written on, when a merge moved it here; null when written here.
	@Column(name = "merged_from_ticket_id", updatable = false)
	private @Nullable Long mergedFrom;

	// A public reply that came by e-mail (its original is kept by the mail module).
	@Column(name = "by_mail")
	private boolean byMail;

	@SuppressWarnings("NullAway")
	protected Comment() {
		this.body = "";
		this.createdAt = Instant.EPOCH;
	}

	Comment(Ticket ticket, User author, String body, boolean internal, Instant createdAt) {
		this.ticket = ticket;
		this.author = author;
		this.body = body;
		this.internal = internal;
		this.createdAt = createdAt;
	}

	/** The ticket's id; null while the ticket is not saved. */
	@Nullable Long ticketId() {
		return ticket.getId();
	}

	public @Nullable Long getId() {
		return id;
	}

	public User getAuthor() {
		return author;
	}

	public String getBody() {
		return body;
	}

	public boolean isInternal() {
		return internal;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	/** Whether this public reply came by e-mail: its original mail is one click away on the ticket's pages. */
	public boolean isByMail() {
		return byMail;
	}

	void cameByMail() {
		byMail = true;
	}

	/**
	 * The number ({@code #N}) of the duplicate this comment was written on, when merging that
	 * ticket moved it to this one; null for a comment written on this ticket.
	 */
	public @Nullable String getMergedFromNumber() {
		return mergedFrom == null ? null : new TicketId(mergedFrom).toString();
	}

}

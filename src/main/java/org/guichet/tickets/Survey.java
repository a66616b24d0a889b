package org.guichet.tickets;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * The satisfaction survey of one closed ticket sampled for it ({@link Surveys}): opened at the
 * closure, its requester invited after the configured delay, answerable until it expires. A
 * ticket without one is not surveyed.
 */
@Entity
@Table(name = "ticket_survey")
public class Survey {

	@Id
	@Column(name = "ticket_id")
	private Long ticketId;

	private Instant closedAt;

	private Instant inviteAt;

	private Instant expiresAt;

	private @Nullable Instant invitedAt;

	@Version
	private long version;

	protected Survey() {
		this.ticketId = 0L;
		this.closedAt = Instant.EPOCH;
		this.inviteAt = Instant.EPOCH;
		this.expiresAt = Instant.EPOCH;
	}

	Survey(long ticketId, Instant closedAt, SurveySettings settings) {
		this.ticketId = ticketId;
		this.closedAt = closedAt;
		this.inviteAt = closedAt;
		this.expiresAt = closedAt;
		reopen(closedAt, settings);
	}

	/** A new closure of the ticket: a new survey window, the requester invited again. */
	void reopen(Instant newClosedAt, SurveySettings settings) {
		closedAt = newClosedAt;
		inviteAt = newClosedAt.plus(Duration.ofHours(settings.delayHours()));
		expiresAt = inviteAt.plus(Duration.ofDays(settings.validityDays()));
		invitedAt = null;
	}

	void invited(Instant at) {
		invitedAt = at;
	}

	/** Whether the requester may answer at {@code at}: from the closure until the expiry, excluded. */
	public boolean isOpenAt(Instant at) {
		return !at.isBefore(closedAt) && at.isBefore(expiresAt);
	}

	public long getTicketId() {
		return ticketId;
	}

	/** The closure that opened this survey (UTC). */
	public Instant getClosedAt() {
		return closedAt;
	}

	/** When the requester is (or was) invited: the closure plus the delay (UTC). */
	public Instant getInviteAt() {
		return inviteAt;
	}

	/** The first instant the survey can no longer be answered: the invitation plus the validity (UTC). */
	public Instant getExpiresAt() {
		return expiresAt;
	}

	/** When the invitation was sent; null until then. */
	public @Nullable Instant getInvitedAt() {
		return invitedAt;
	}

}

package org.guichet.tickets;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * Remembers which ticket a client's create request made, so that a retry returns it again.
 * A new key is always inserted, never merged: of two concurrent requests with the same key,
 * the second breaks the primary key instead of overwriting the first one's ticket.
 */
@Entity
class IdempotencyKey implements Persistable<IdempotencyKey.Key> {

	@EmbeddedId
	private Key key;

	private long ticketId;

	private Instant createdAt;

	@Transient
	private boolean saved;

	protected IdempotencyKey() {
		this.key = new Key();
		this.createdAt = Instant.EPOCH;
	}

	IdempotencyKey(long userId, String idemKey, long ticketId, Instant createdAt) {
		this.key = new Key(userId, idemKey);
		this.ticketId = ticketId;
		this.createdAt = createdAt;
	}

	long ticketId() {
		return ticketId;
	}

	@Override
	public Key getId() {
		return key;
	}

	@Override
	public boolean isNew() {
		return !saved;
	}

	@PostLoad
	@PostPersist
	void markSaved() {
		saved = true;
	}

	@Embeddable
	record Key(long userId, @Column(name = "idem_key") String idemKey) implements Serializable {

		Key() {
			this(0, "");
		}

	}

}

package org.guichet.tickets;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

/**
 * Remembers which ticket a client's create request made, so that a retry returns it again.
 */
@Entity
class IdempotencyKey {

	@EmbeddedId
	private Key key;

	private long ticketId;

	private Instant createdAt;

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

	@Embeddable
	record Key(long userId, @Column(name = "idem_key") String idemKey) implements Serializable {

		Key() {
			this(0, "");
		}

	}

}

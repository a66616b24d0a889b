package org.guichet.routing;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A time a technician is away, from {@code startsAt} included to {@code endsAt} excluded: no
 * ticket is auto-assigned to them then.
 */
@Entity
@Table(name = "technician_absence")
public class Absence {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long userId;

	private Instant startsAt;

	private Instant endsAt;

	private @Nullable String reason;

	@Version
	private long version;

	@SuppressWarnings("NullAway")
	protected Absence() {
	}

	Absence(long userId, Instant startsAt, Instant endsAt, @Nullable String reason) {
		this.userId = userId;
		this.startsAt = startsAt;
		this.endsAt = endsAt;
		this.reason = reason;
	}

	public @Nullable Long getId() {
		return id;
	}

	public long getUserId() {
		return userId;
	}

	public Instant getStartsAt() {
		return startsAt;
	}

	public Instant getEndsAt() {
		return endsAt;
	}

	public @Nullable String getReason() {
		return reason;
	}

}

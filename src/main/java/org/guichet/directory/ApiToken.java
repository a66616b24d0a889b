package org.guichet.directory;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.jspecify.annotations.Nullable;

/**
 * A personal API token. Only a SHA-256 digest of the secret is stored: the secret itself is
 * shown once, when the token is created. It acts with its owner's rights, within its scope, until
 * it expires (if it does) or is revoked.
 */
@Entity
public class ApiToken {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "user_id")
	private User user;

	private String name;

	private String tokenDigest;

	private Instant createdAt;

	@Enumerated(EnumType.STRING)
	private TokenScope scope;

	private @Nullable Instant expiresAt;

	protected ApiToken() {
		this.user = new User();
		this.name = "";
		this.tokenDigest = "";
		this.createdAt = Instant.EPOCH;
		this.scope = TokenScope.READ_ONLY;
	}

	ApiToken(User user, String name, String tokenDigest, Instant createdAt, TokenScope scope,
			@Nullable Instant expiresAt) {
		this.user = user;
		this.name = name;
		this.tokenDigest = tokenDigest;
		this.createdAt = createdAt;
		this.scope = scope;
		this.expiresAt = expiresAt;
	}

	public @Nullable Long getId() {
		return id;
	}

	public User getUser() {
		return user;
	}

	public String getName() {
		return name;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public TokenScope getScope() {
		return scope;
	}

	/** When it stops being accepted; null when it never expires. */
	public @Nullable Instant getExpiresAt() {
		return expiresAt;
	}

	/** Whether it is no longer accepted at that instant because it expired. */
	public boolean isExpiredAt(Instant now) {
		return expiresAt != null && !now.isBefore(expiresAt);
	}

}

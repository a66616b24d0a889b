package org.guichet.directory;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.jspecify.annotations.Nullable;

/**
 * A personal API token. Only a SHA-256 digest of the secret is stored: the secret itself is
 * shown once, when the token is created.
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

	protected ApiToken() {
		this.user = new User();
		this.name = "";
		this.tokenDigest = "";
		this.createdAt = Instant.EPOCH;
	}

	ApiToken(User user, String name, String tokenDigest, Instant createdAt) {
		this.user = user;
		this.name = name;
		this.tokenDigest = tokenDigest;
		this.createdAt = createdAt;
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

}

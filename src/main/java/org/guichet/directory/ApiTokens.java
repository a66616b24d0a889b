package org.guichet.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, checks and revokes personal API tokens. A token is 32 random bytes; checking it costs
 * one SHA-256 digest and one indexed look-up, never a slow password hash. A token has a scope
 * ({@link TokenScope}) and may expire.
 */
@Service
public class ApiTokens {

	static final String PREFIX = "gch_";

	private final SecureRandom random = new SecureRandom();

	private final ApiTokenRepository tokens;

	private final UserRepository users;

	private final Clock clock;

	ApiTokens(ApiTokenRepository tokens, UserRepository users, Clock clock) {
		this.tokens = tokens;
		this.users = users;
		this.clock = clock;
	}

	/**
	 * Creates a token for {@code owner}.
	 *
	 * @param name what it is for, as its owner wrote it
	 * @param expiresAt when it stops being accepted; null for never
	 * @return the secret, to be shown once to its owner
	 * @throws InvalidInputException ({@code expiresAt}) when it would have expired already
	 */
	@Transactional
	public String create(UserId owner, String name, TokenScope scope, @Nullable Instant expiresAt) {
		Instant now = clock.instant();
		if (expiresAt != null && !expiresAt.isAfter(now)) {
			throw new InvalidInputException("expiresAt", "api.token.expiry-past",
					"The expiry must be in the future: choose a later day, or none", expiresAt);
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		User user = users.getReferenceById(owner.value());
		tokens.save(new ApiToken(user, name, digest(secret), now, scope, expiresAt));
		return secret;
	}

	/**
	 * The token of that secret.
	 *
	 * @return empty for an unknown or revoked secret; an expired token, or one whose owner is
	 *         deactivated, is given with {@link Bearer#expired()} or {@link Bearer#ownerInactive()}
	 *         true, so that the caller can say why it is refused
	 */
	public Optional<Bearer> authenticate(String secret) {
		Instant now = clock.instant();
		return tokens.findWithOwnerByDigest(digest(secret))
			.map(token -> new Bearer(new CurrentUser(token.getUser()), token.getScope(), token.isExpiredAt(now),
					!token.getUser().isActive()));
	}

	/**
	 * Who calls with a token, and what the token lets them do.
	 *
	 * @param expired whether the token expired (then it lets them do nothing)
	 * @param ownerInactive whether its owner's account is deactivated (then it lets them do nothing
	 *        until an administrator activates the account again)
	 */
	public record Bearer(CurrentUser user, TokenScope scope, boolean expired, boolean ownerInactive) {
	}

	@Transactional(readOnly = true)
	public List<ApiToken> of(UserId owner) {
		return tokens.findByUserIdOrderByCreatedAtDesc(owner.value());
	}

	@Transactional
	public void revoke(UserId owner, long tokenId) {
		tokens.findByIdAndUserId(tokenId, owner.value()).ifPresent(tokens::delete);
	}

	static String digest(String secret) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}

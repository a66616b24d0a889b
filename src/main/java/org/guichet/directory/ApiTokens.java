package org.guichet.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, checks and revokes personal API tokens. A token is 32 random bytes; checking it costs
 * one SHA-256 digest and one indexed look-up, never a slow password hash.
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
	 * @return the secret, to be shown once to its owner
	 */
	@Transactional
	public String create(UserId owner, String name) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		User user = users.getReferenceById(owner.value());
		tokens.save(new ApiToken(user, name, digest(secret), clock.instant()));
		return secret;
	}

	@Transactional(readOnly = true)
	public Optional<CurrentUser> authenticate(String secret) {
		return tokens.findActiveUserByDigest(digest(secret)).map(CurrentUser::new);
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

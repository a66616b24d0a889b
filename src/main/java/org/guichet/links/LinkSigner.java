package org.guichet.links;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and reads the tokens of signed links: {@code purpose.subject.user.expiry.nonce.signature},
 * the signature being the HMAC-SHA256 of everything before it, base64url without padding. A
 * token whose signature does not match, compared in constant time, or that is malformed, is
 * not read. Checks neither the expiry nor the use: {@link ActionLinks} does.
 */
final class LinkSigner {

	/** Shortest key accepted: 256 bits, the size of the hash. */
	static final int MIN_KEY_BYTES = 32;

	private static final Pattern TOKEN = Pattern
		.compile("([a-z-]{1,40})\\.(\\d{1,19})\\.(\\d{1,19})\\.(\\d{1,12})\\.([A-Za-z0-9_-]{22})\\.([A-Za-z0-9_-]{43})");

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	/**
	 * @param key the secret key, at least {@link #MIN_KEY_BYTES} bytes
	 * @throws IllegalArgumentException for a shorter key
	 */
	LinkSigner(byte[] key) {
		if (key.length < MIN_KEY_BYTES) {
			throw new IllegalArgumentException(
					"The signed links' key must have at least " + MIN_KEY_BYTES + " bytes, it has " + key.length);
		}
		this.key = new SecretKeySpec(key, "HmacSHA256");
	}

	/** A new random nonce: 128 bits, 22 URL-safe characters. */
	String nonce() {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		return encode(bytes);
	}

	/** The token of that claim; its expiry is cut to whole seconds. */
	String sign(LinkClaim claim) {
		String payload = claim.purpose().code() + "." + claim.subjectId() + "." + claim.userId() + "."
				+ claim.expiresAt().getEpochSecond() + "." + claim.nonce();
		return payload + "." + encode(mac(payload));
	}

	/** The claim of a token signed with this key; empty when it is malformed, tampered with or signed with another key. */
	Optional<LinkClaim> read(String token) {
		Matcher parts = TOKEN.matcher(token);
		if (!parts.matches()) {
			return Optional.empty();
		}
		String payload = token.substring(0, parts.start(6) - 1);
		// compared as text: a last character differing only in the unused low bits of base64 would
		// decode to the same bytes, and the token must read only as it was signed
		byte[] expected = encode(mac(payload)).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, parts.group(6).getBytes(StandardCharsets.US_ASCII))) {
			return Optional.empty();
		}
		try {
			return LinkPurpose.ofCode(parts.group(1))
				.map(purpose -> new LinkClaim(purpose, Long.parseLong(parts.group(2)), Long.parseLong(parts.group(3)),
						Instant.ofEpochSecond(Long.parseLong(parts.group(4))), parts.group(5)));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static String encode(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private byte[] mac(String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

}

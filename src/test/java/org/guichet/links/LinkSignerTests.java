package org.guichet.links;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Signing and reading the tokens of signed links: a token reads back only as it was signed, with the key that signed it. */
class LinkSignerTests {

	private static final byte[] KEY = "a key of thirty-two bytes or more, for tests".getBytes(StandardCharsets.US_ASCII);

	private final LinkSigner signer = new LinkSigner(KEY);

	private final LinkClaim claim = new LinkClaim(LinkPurpose.REFUSE_SOLUTION, 1042, 7,
			Instant.parse("2026-12-15T10:00:00Z"), signer.nonce());

	@Test
	void aSignedTokenReadsBackAsItsClaim() {
		String token = signer.sign(claim);

		assertThat(signer.read(token)).contains(claim);
		assertThat(token).as("safe in a URL path").matches("[A-Za-z0-9._-]+").startsWith("refuse.1042.7.");
	}

	@Test
	void theExpiryIsReadInWholeSecondsAndCheckedByTheCaller() {
		LinkClaim past = new LinkClaim(LinkPurpose.ACCEPT_SOLUTION, 1, 2, Instant.parse("2001-01-01T00:00:00.900Z"),
				signer.nonce());

		assertThat(signer.read(signer.sign(past))).get()
			.extracting(LinkClaim::expiresAt)
			.isEqualTo(Instant.parse("2001-01-01T00:00:00Z"));
	}

	@Test
	void aTokenForAnotherUserSubjectPurposeOrExpiryMadeByEditingASignedOneIsRefused() {
		String token = signer.sign(claim);

		assertThat(signer.read(token.replace("refuse.1042.7.", "refuse.1042.8."))).as("other user").isEmpty();
		assertThat(signer.read(token.replace("refuse.1042.7.", "refuse.1043.7."))).as("other ticket").isEmpty();
		assertThat(signer.read(token.replace("refuse.1042.7.", "accept.1042.7."))).as("other purpose").isEmpty();
		String expiry = String.valueOf(claim.expiresAt().getEpochSecond());
		assertThat(signer.read(token.replace(expiry, String.valueOf(claim.expiresAt().getEpochSecond() + 86_400))))
			.as("later expiry")
			.isEmpty();
	}

	@Test
	void everySingleCharacterChangedInATokenMakesItUnreadable() {
		String token = signer.sign(claim);
		Random random = new Random(20261201);
		String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";
		for (int i = 0; i < 2_000; i++) {
			int at = random.nextInt(token.length());
			char replacement = alphabet.charAt(random.nextInt(alphabet.length()));
			if (replacement == token.charAt(at)) {
				continue;
			}
			String tampered = token.substring(0, at) + replacement + token.substring(at + 1);
			assertThat(signer.read(tampered)).as(tampered).isEmpty();
		}
	}

	@Test
	void aTokenSignedWithAnotherKeyIsRefused() {
		LinkSigner other = new LinkSigner("another key of thirty-two bytes or more, too".getBytes(StandardCharsets.US_ASCII));

		assertThat(signer.read(other.sign(claim))).isEmpty();
	}

	@Test
	void malformedTokensAreRefusedWithoutError() {
		String token = signer.sign(claim);

		assertThat(signer.read("")).isEmpty();
		assertThat(signer.read(token + ".")).isEmpty();
		assertThat(signer.read(token.substring(0, token.length() - 1))).isEmpty();
		assertThat(signer.read("approve.1.2.3." + claim.nonce() + "." + token.substring(token.length() - 43)))
			.as("unknown purpose")
			.isEmpty();
		assertThat(signer.read("refuse.99999999999999999999.7.1." + claim.nonce() + ".x")).isEmpty();
	}

	@Test
	void aKeyShorterThan32BytesIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LinkSigner(new byte[31]))
			.withMessageContaining("at least 32 bytes");
	}

	@Test
	void noncesAreRandomAndUrlSafe() {
		assertThat(signer.nonce()).matches("[A-Za-z0-9_-]{22}").isNotEqualTo(signer.nonce());
	}

}

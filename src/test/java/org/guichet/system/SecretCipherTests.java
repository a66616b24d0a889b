package org.guichet.system;

import java.util.Arrays;
import java.util.Base64;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretCipherTests {

	private static final SecretCipher.Use MAILBOX = new SecretCipher.Use("guichet mailbox passwords",
			"guichet mailbox key id", "mailbox password", "guichet.mail.secret-key",
			"type the password again on the mailbox");

	private static final SecretCipher.Use API_KEY = new SecretCipher.Use("guichet language model keys",
			"guichet language model key id", "API key", "guichet.assist.secret-key", "type the key again");

	private static byte[] secret(int seed) {
		byte[] secret = new byte[32];
		new Random(seed).nextBytes(secret);
		return secret;
	}

	@Test
	void passwordsComeBackAsTheyWereAndAreNeverStoredInClear() {
		SecretCipher cipher = new SecretCipher(secret(1), MAILBOX);
		Random random = new Random(42);
		for (int i = 0; i < 200; i++) {
			StringBuilder password = new StringBuilder();
			int length = random.nextInt(60);
			for (int c = 0; c < length; c++) {
				password.appendCodePoint(random.nextBoolean() ? 33 + random.nextInt(90) : 0xA0 + random.nextInt(0x2000));
			}
			String stored = cipher.encrypt(password.toString());
			assertThat(cipher.decrypt(stored)).isEqualTo(password.toString());
			if (length > 3) {
				assertThat(stored).doesNotContain(password);
			}
		}
	}

	@Test
	void theSamePasswordEncryptsDifferentlyEachTime() {
		SecretCipher cipher = new SecretCipher(secret(1), MAILBOX);
		assertThat(cipher.encrypt("hunter2")).isNotEqualTo(cipher.encrypt("hunter2"));
	}

	@Test
	void aPasswordEncryptedWithAnotherKeyIsRefusedSayingSo() {
		String stored = new SecretCipher(secret(1), MAILBOX).encrypt("hunter2");
		assertThatThrownBy(() -> new SecretCipher(secret(2), MAILBOX).decrypt(stored))
			.isInstanceOf(SecretCipher.UnreadableSecretException.class)
			.hasMessageContaining("encrypted with another key")
			.hasMessageContaining("guichet.mail.secret-key");
	}

	@Test
	void anAlteredStoredPasswordIsRefusedSayingItWasAltered() {
		SecretCipher cipher = new SecretCipher(secret(1), MAILBOX);
		String stored = cipher.encrypt("hunter2");
		String prefix = stored.substring(0, stored.lastIndexOf('.') + 1);
		byte[] sealed = Base64.getDecoder().decode(stored.substring(prefix.length()));
		for (int i = 0; i < sealed.length; i++) {
			byte[] tampered = Arrays.copyOf(sealed, sealed.length);
			tampered[i] ^= 1;
			String altered = prefix + Base64.getEncoder().encodeToString(tampered);
			assertThatThrownBy(() -> cipher.decrypt(altered)).as("byte %d flipped", i)
				.isInstanceOf(SecretCipher.UnreadableSecretException.class)
				.hasMessageContaining("altered");
		}
		assertThatThrownBy(() -> cipher.decrypt(prefix + "AAAA")).hasMessageContaining("altered");
		assertThatThrownBy(() -> cipher.decrypt("hunter2")).hasMessageContaining("type the password again");
	}

	@Test
	void aSecretShorterThan32BytesIsRefused() {
		assertThatThrownBy(() -> new SecretCipher(new byte[16], MAILBOX)).hasMessageContaining("16 bytes, at least 32");
	}

	@Test
	void oneSecretGivesEachUseAKeyOfItsOwnAndRefusalsNameTheUse() {
		String stored = new SecretCipher(secret(1), MAILBOX).encrypt("hunter2");
		assertThatThrownBy(() -> new SecretCipher(secret(1), API_KEY).decrypt(stored))
			.isInstanceOf(SecretCipher.UnreadableSecretException.class)
			.hasMessageContaining("The API key was encrypted with another key than guichet.assist.secret-key")
			.hasMessageContaining("type the key again");
	}

}

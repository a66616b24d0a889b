package org.guichet.system;

import java.util.Arrays;
import java.util.Base64;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretCipherTests {

	private static byte[] secret(int seed) {
		byte[] secret = new byte[32];
		new Random(seed).nextBytes(secret);
		return secret;
	}

	private static SecretCipher cipher(int seed) {
		return new SecretCipher(secret(seed), "mailbox", "guichet.mail.secret-key");
	}

	@Test
	void aValueEncryptedForOneUseCannotBeReadForAnotherWithTheSameKey() {
		String stored = cipher(1).encrypt("hunter2");
		assertThatThrownBy(() -> new SecretCipher(secret(1), "sms", "guichet.sms.secret-key").decrypt(stored))
			.isInstanceOf(SecretCipher.UnreadableSecretException.class)
			.hasMessageContaining("guichet.sms.secret-key");
	}

	@Test
	void passwordsComeBackAsTheyWereAndAreNeverStoredInClear() {
		SecretCipher cipher = cipher(1);
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
		SecretCipher cipher = cipher(1);
		assertThat(cipher.encrypt("hunter2")).isNotEqualTo(cipher.encrypt("hunter2"));
	}

	@Test
	void aPasswordEncryptedWithAnotherKeyIsRefusedSayingSo() {
		String stored = cipher(1).encrypt("hunter2");
		assertThatThrownBy(() -> cipher(2).decrypt(stored))
			.isInstanceOf(SecretCipher.UnreadableSecretException.class)
			.hasMessageContaining("encrypted with another key")
			.hasMessageContaining("guichet.mail.secret-key");
	}

	@Test
	void anAlteredStoredPasswordIsRefusedSayingItWasAltered() {
		SecretCipher cipher = cipher(1);
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
		assertThatThrownBy(() -> cipher.decrypt("hunter2")).hasMessageContaining("type it again");
	}

	@Test
	void aSecretShorterThan32BytesIsRefused() {
		assertThatThrownBy(() -> new SecretCipher(new byte[16], "mailbox", "guichet.mail.secret-key")).hasMessageContaining("16 bytes, at least 32");
	}

}

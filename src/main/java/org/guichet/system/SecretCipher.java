package org.guichet.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets kept in the database (a mailbox's password, an SMS gateway's token, an API key)
 * with AES-256-GCM, under a key that is never in the database (a module's configured or kept key,
 * {@link KeptKeys}). The AES key is the SHA-256 of that key with a label of the use
 * ({@code "guichet <use> passwords"}), so the same key could serve two uses without one giving the
 * other's key away. A stored value reads {@code v1.<key id>.<base64 of nonce and ciphertext>}: the
 * key id (the first 6 bytes of another labelled hash of the key, which tells nothing of it) lets a
 * value encrypted with another key be told from one altered in the database.
 * <p>
 * Each module builds its own, with its own key and use (the mail module's mailboxes, the SMS
 * channel's settings); a module that declares its cipher as a bean injects it by name, so that two
 * modules' ciphers never compete for one injection point.
 */
public final class SecretCipher {

	/** The shortest secret accepted, in bytes. */
	public static final int MIN_SECRET_BYTES = 32;

	private static final String VERSION = "v1";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	private final String keyId;

	private final SecureRandom random = new SecureRandom();

	private final String property;

	/**
	 * @param secret the key, at least {@value #MIN_SECRET_BYTES} bytes
	 * @param use what the secrets are, one word or two ({@code mailbox}, {@code sms}): the label of
	 *        the derived keys; never change it for stored values
	 * @param property the configuration property of the key, named in the refusals
	 *        ({@code guichet.mail.secret-key})
	 * @throws IllegalArgumentException when {@code secret} has fewer than {@value #MIN_SECRET_BYTES} bytes
	 */
	public SecretCipher(byte[] secret, String use, String property) {
		if (secret.length < MIN_SECRET_BYTES) {
			throw new IllegalArgumentException("The secret has " + secret.length + " bytes, at least "
					+ MIN_SECRET_BYTES + " are needed");
		}
		this.key = new SecretKeySpec(sha256("guichet " + use + " passwords", secret), "AES");
		this.keyId = HexFormat.of().formatHex(Arrays.copyOf(sha256("guichet " + use + " key id", secret), 6));
		this.property = property;
	}

	/** The secret encrypted under a fresh random nonce: two encryptions of one secret differ. */
	public String encrypt(String plain) {
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[nonce.length + sealed.length];
			System.arraycopy(nonce, 0, out, 0, nonce.length);
			System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
			return VERSION + "." + keyId + "." + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available in this Java", ex);
		}
	}

	/**
	 * The secret that {@link #encrypt} gave {@code stored}.
	 *
	 * @throws UnreadableSecretException when it was encrypted with another key, or was altered
	 */
	public String decrypt(String stored) {
		String[] parts = stored.split("\\.", 3);
		if (parts.length != 3 || !VERSION.equals(parts[0])) {
			throw new UnreadableSecretException("The stored secret is not in a form Guichet wrote: "
					+ "type it again");
		}
		if (!parts[1].equals(keyId)) {
			throw new UnreadableSecretException("The stored secret was encrypted with another key than " + property
					+ " (key " + parts[1] + ", this one is " + keyId
					+ "): configure the key it was saved with, or type it again");
		}
		try {
			byte[] in = Base64.getDecoder().decode(parts[2]);
			if (in.length < NONCE_BYTES + TAG_BITS / 8) {
				throw new GeneralSecurityException("too short");
			}
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
			cipher.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
			return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new UnreadableSecretException("The stored secret was altered and cannot be decrypted: "
					+ "type it again");
		}
	}

	private static byte[] sha256(String label, byte[] secret) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(label.getBytes(StandardCharsets.US_ASCII));
			digest.update((byte) 0);
			return digest.digest(secret);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available in this Java", ex);
		}
	}

	/** A stored secret that cannot be decrypted with this key; the message says what to do. */
	public static class UnreadableSecretException extends RuntimeException {

		UnreadableSecretException(String message) {
			super(message);
		}

	}

}

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
 * Encrypts a secret Guichet must keep to log in elsewhere (a mailbox's password, a language
 * model's API key) at rest with AES-256-GCM. The AES key is the SHA-256 of the configured secret
 * (its {@link Use#property()}, taken through {@link KeptKeys}) with a label of its own, so one
 * secret could serve several uses without giving one's key away. A stored value reads
 * {@code v1.<key id>.<base64 of nonce and ciphertext>}: the key id (the first 6 bytes of another
 * hash of the secret, which tells nothing of it) lets a value encrypted with another key be told
 * from one altered in the database.
 */
public final class SecretCipher {

	/**
	 * What a cipher encrypts, to derive its key and to word its refusals.
	 *
	 * @param keyLabel the label hashed with the secret into the AES key; never changed once values are stored
	 * @param keyIdLabel the label hashed with the secret into the key id; never changed either
	 * @param what the secret's name in a refusal, e.g. "mailbox password"
	 * @param property the configuration property holding the key, named in a refusal
	 * @param remedy what a person does when a stored value cannot be read, e.g. "type the password again on the mailbox"
	 */
	public record Use(String keyLabel, String keyIdLabel, String what, String property, String remedy) {
	}

	/** The shortest secret accepted, in bytes. */
	public static final int MIN_SECRET_BYTES = 32;

	private static final String VERSION = "v1";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	private final String keyId;

	private final Use use;

	private final SecureRandom random = new SecureRandom();

	/** @throws IllegalArgumentException when {@code secret} has fewer than {@value #MIN_SECRET_BYTES} bytes */
	public SecretCipher(byte[] secret, Use use) {
		if (secret.length < MIN_SECRET_BYTES) {
			throw new IllegalArgumentException("The secret has " + secret.length + " bytes, at least "
					+ MIN_SECRET_BYTES + " are needed");
		}
		this.use = use;
		this.key = new SecretKeySpec(sha256(use.keyLabel(), secret), "AES");
		this.keyId = HexFormat.of().formatHex(Arrays.copyOf(sha256(use.keyIdLabel(), secret), 6));
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
			throw new UnreadableSecretException(
					"The stored " + use.what() + " is not in a form Guichet wrote: " + use.remedy());
		}
		if (!parts[1].equals(keyId)) {
			throw new UnreadableSecretException("The " + use.what() + " was encrypted with another key than "
					+ use.property() + " (key " + parts[1] + ", this one is " + keyId
					+ "): configure the key it was saved with, or " + use.remedy());
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
			throw new UnreadableSecretException(
					"The stored " + use.what() + " was altered and cannot be decrypted: " + use.remedy());
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

		public UnreadableSecretException(String message) {
			super(message);
		}

	}

}

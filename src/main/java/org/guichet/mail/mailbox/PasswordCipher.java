package org.guichet.mail.mailbox;

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
 * Encrypts the mailboxes' passwords at rest with AES-256-GCM. The AES key is the SHA-256 of the
 * configured secret ({@code guichet.mail.secret-key}) with a label of its own, so the same secret
 * could serve elsewhere without giving this key away. A stored value reads
 * {@code v1.<key id>.<base64 of nonce and ciphertext>}: the key id (the first 6 bytes of another
 * hash of the secret, which tells nothing of it) lets a value encrypted with another key be told
 * from one altered in the database.
 */
final class PasswordCipher {

	/** The shortest secret accepted, in bytes. */
	static final int MIN_SECRET_BYTES = 32;

	private static final String VERSION = "v1";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	private final String keyId;

	private final SecureRandom random = new SecureRandom();

	/** @throws IllegalArgumentException when {@code secret} has fewer than {@value #MIN_SECRET_BYTES} bytes */
	PasswordCipher(byte[] secret) {
		if (secret.length < MIN_SECRET_BYTES) {
			throw new IllegalArgumentException("The secret has " + secret.length + " bytes, at least "
					+ MIN_SECRET_BYTES + " are needed");
		}
		this.key = new SecretKeySpec(sha256("guichet mailbox passwords", secret), "AES");
		this.keyId = HexFormat.of().formatHex(Arrays.copyOf(sha256("guichet mailbox key id", secret), 6));
	}

	/** The password encrypted under a fresh random nonce: two encryptions of one password differ. */
	String encrypt(String password) {
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
			byte[] sealed = cipher.doFinal(password.getBytes(StandardCharsets.UTF_8));
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
	 * The password that {@link #encrypt} gave {@code stored}.
	 *
	 * @throws UnreadablePasswordException when it was encrypted with another key, or was altered
	 */
	String decrypt(String stored) {
		String[] parts = stored.split("\\.", 3);
		if (parts.length != 3 || !VERSION.equals(parts[0])) {
			throw new UnreadablePasswordException("The stored mailbox password is not in a form Guichet wrote: "
					+ "type the password again on the mailbox");
		}
		if (!parts[1].equals(keyId)) {
			throw new UnreadablePasswordException("The mailbox password was encrypted with another key than "
					+ "guichet.mail.secret-key (key " + parts[1] + ", this one is " + keyId
					+ "): configure the key it was saved with, or type the password again on the mailbox");
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
			throw new UnreadablePasswordException("The stored mailbox password was altered and cannot be decrypted: "
					+ "type the password again on the mailbox");
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

	/** A stored password that cannot be decrypted with this key; the message says what to do. */
	static class UnreadablePasswordException extends RuntimeException {

		UnreadablePasswordException(String message) {
			super(message);
		}

	}

}

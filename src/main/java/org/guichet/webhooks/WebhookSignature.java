package org.guichet.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a post, sent in the {@value #HEADER} header:
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the webhook's secret>}. The
 * timestamp in the signed text lets a receiver refuse an old post replayed (docs/WEBHOOKS.md).
 */
public final class WebhookSignature {

	/** The header's name. */
	public static final String HEADER = "X-Guichet-Signature";

	private WebhookSignature() {
	}

	/**
	 * @param secret the webhook's secret, as the administrator saw it
	 * @param epochSeconds the post's time, in seconds since 1970-01-01T00:00Z
	 * @param body the exact bytes posted, as UTF-8 text
	 * @return the header's value
	 */
	public static String header(String secret, long epochSeconds, String body) {
		return "t=" + epochSeconds + ",v1=" + hmac(secret, epochSeconds + "." + body);
	}

	/**
	 * Whether {@code header} is a valid signature of {@code body} with {@code secret}, what a
	 * receiver checks (compared in constant time). The age of its timestamp is the receiver's to judge.
	 *
	 * @return false for a malformed header or another signature
	 */
	public static boolean verify(String secret, String header, String body) {
		String timestamp = null;
		String signature = null;
		for (String part : header.split(",")) {
			if (part.startsWith("t=")) {
				timestamp = part.substring(2);
			}
			else if (part.startsWith("v1=")) {
				signature = part.substring(3);
			}
		}
		if (timestamp == null || signature == null || !timestamp.matches("[0-9]{1,12}")) {
			return false;
		}
		return MessageDigest.isEqual(hmac(secret, timestamp + "." + body).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

	private static String hmac(String secret, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", ex);
		}
	}

}

package org.guichet.sms;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Twilio's request signature ({@code X-Twilio-Signature}), as Twilio publishes it: the full URL
 * Twilio requested (scheme, host, port if any, path and query string), followed by each POST
 * parameter's name and value, the parameters sorted by name (the values of a repeated name in
 * order too), signed with HMAC-SHA1 keyed with the account's auth token, in Base64.
 */
final class TwilioSignature {

	private TwilioSignature() {
	}

	/**
	 * The signature Twilio sends for such a request.
	 *
	 * @param url the URL as Twilio requested it, query string included
	 * @param postParameters the form's parameters (not the query string's), each with its values
	 */
	static String of(String authToken, String url, Map<String, List<String>> postParameters) {
		StringBuilder data = new StringBuilder(url);
		new TreeMap<>(postParameters).forEach((name, values) -> {
			List<String> sorted = new ArrayList<>(values);
			sorted.sort(null);
			for (String value : sorted) {
				data.append(name).append(value);
			}
		});
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA1 is not available", ex);
		}
	}

	/**
	 * Whether the request carries Twilio's signature of it, compared in constant time; never with
	 * a blank token or a missing signature.
	 */
	static boolean valid(String authToken, String url, Map<String, List<String>> postParameters,
			@Nullable String signature) {
		if (authToken.isBlank() || signature == null || signature.isBlank()) {
			return false;
		}
		byte[] expected = of(authToken, url, postParameters).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII));
	}

}

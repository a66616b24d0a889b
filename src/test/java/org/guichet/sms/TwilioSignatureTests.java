package org.guichet.sms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Twilio's request signature, against the examples Twilio publishes with its algorithm. */
class TwilioSignatureTests {

	private static final String TOKEN = "12345";

	/** Twilio's published example: a URL with a query string, which is signed with the URL. */
	private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";

	private static Map<String, List<String>> call(String caller) {
		Map<String, List<String>> params = new LinkedHashMap<>();
		params.put("To", List.of("+18005551212"));
		params.put("CallSid", List.of("CA1234567890ABCDE"));
		params.put("Digits", List.of("1234"));
		params.put("From", List.of(caller));
		params.put("Caller", List.of(caller));
		return params;
	}

	@Test
	void theSignatureOfTwilioPublishedExamplesIsValidWhateverTheOrderOfTheParameters() {
		assertThat(TwilioSignature.of(TOKEN, URL, call("+14158675309"))).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
		assertThat(TwilioSignature.valid(TOKEN, URL, call("+14158675310"), "GvWf1cFY/Q7PnoempGyD5oXAezc=")).isTrue();
	}

	@Test
	void aForgedRequestIsRefused() {
		String signature = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
		assertThat(TwilioSignature.valid(TOKEN, URL, call("+14158675310"), signature)).as("another caller").isFalse();
		assertThat(TwilioSignature.valid("54321", URL, call("+14158675309"), signature)).as("another token").isFalse();
		assertThat(TwilioSignature.valid(TOKEN, URL, call("+14158675309"), "RSOYDt4T1cUTdK1PDd93/VVr8B8"))
			.as("a signature cut short")
			.isFalse();
		assertThat(TwilioSignature.valid(TOKEN, URL, call("+14158675309"), null)).as("no signature").isFalse();
		assertThat(TwilioSignature.valid(" ", URL, call("+14158675309"), TwilioSignature.of(" ", URL, call("+14158675309"))))
			.as("no token configured: nothing is valid")
			.isFalse();
	}

	@Test
	void theQueryStringIsPartOfWhatIsSigned() {
		String signature = TwilioSignature.of(TOKEN, URL, call("+14158675309"));
		assertThat(TwilioSignature.valid(TOKEN, "https://mycompany.com/myapp.php", call("+14158675309"), signature))
			.as("without the query string")
			.isFalse();
		assertThat(TwilioSignature.valid(TOKEN, "https://mycompany.com/myapp.php?bar=2&foo=1", call("+14158675309"), signature))
			.as("the query string's parameters in another order")
			.isFalse();
	}

	@Test
	void theValuesOfARepeatedParameterAreSignedInOrder() {
		Map<String, List<String>> one = Map.of("MediaUrl", List.of("b", "a"));
		Map<String, List<String>> other = Map.of("MediaUrl", List.of("a", "b"));
		assertThat(TwilioSignature.of(TOKEN, URL, one)).isEqualTo(TwilioSignature.of(TOKEN, URL, other));
		assertThat(TwilioSignature.of(TOKEN, URL, one)).isNotEqualTo(TwilioSignature.of(TOKEN, URL, Map.of("MediaUrl", List.of("a"))));
	}

}

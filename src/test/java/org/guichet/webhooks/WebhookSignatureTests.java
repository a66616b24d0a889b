package org.guichet.webhooks;

import org.guichet.system.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignatureTests {

	private static final String SECRET = "whsec_test-secret-0123456789";

	private static final String BODY = "{\"id\":\"5b0c\",\"type\":\"ticket.created\",\"title\":\"Imprimante bloquée\"}";

	@Test
	void theHeaderIsTheHexHmacSha256OfTheTimestampADotAndTheBody() {
		// Computed apart: printf '1764684000.{}' | openssl dgst -sha256 -hmac key
		assertThat(WebhookSignature.header("key", 1764684000L, "{}"))
			.isEqualTo("t=1764684000,v1=6252d210ce58cfa759fe2a1cd322a2f3e99fa1ae3bfdd159201c253f536f95a7");
	}

	@Test
	void aSignatureVerifiesWithItsSecretAndBodyOnly() {
		String header = WebhookSignature.header(SECRET, 1764684000L, BODY);

		assertThat(WebhookSignature.verify(SECRET, header, BODY)).isTrue();
		assertThat(WebhookSignature.verify(SECRET + "!", header, BODY)).isFalse();
		assertThat(WebhookSignature.verify(SECRET, header, BODY.replace("bloquée", "bloquee"))).isFalse();
		assertThat(WebhookSignature.verify(SECRET, header.replace("t=1764684000", "t=1764684001"), BODY)).isFalse();
	}

	@Test
	void aMalformedHeaderDoesNotVerify() {
		assertThat(WebhookSignature.verify(SECRET, "", BODY)).isFalse();
		assertThat(WebhookSignature.verify(SECRET, "v1=abc", BODY)).isFalse();
		assertThat(WebhookSignature.verify(SECRET, "t=abc,v1=abc", BODY)).isFalse();
	}

	@Test
	void onlyHttpAndHttpsAddressesWithAHostAreAccepted() {
		Webhooks.checkUrl("https://tools.example.org/guichet?x=1");
		Webhooks.checkUrl("http://127.0.0.1:8080/hook");
		for (String refused : new String[] { "ftp://files.example.org/", "javascript:alert(1)", "file:///etc/passwd",
				"/relative", "https://user:password@tools.example.org/", "not an address", "" }) {
			assertThatThrownBy(() -> Webhooks.checkUrl(refused)).as(refused)
				.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.field()).isEqualTo("url"));
		}
	}

}

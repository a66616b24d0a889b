package org.guichet.sms.api;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SmsWebhookControllerTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static String messageId(String written) {
		JsonNode sms = JSON.readTree("{\"messageId\": " + written + "}");
		return SmsWebhookController.member(sms, "messageId");
	}

	@Test
	void aNumberIsOneMessageIdHoweverTheGatewayWritesIt() {
		assertThat(messageId("1500")).isEqualTo("1500");
		assertThat(messageId("1500.0")).isEqualTo("1500");
		assertThat(messageId("1.5e3")).isEqualTo("1500");
		assertThat(messageId("1.5E+3")).isEqualTo("1500");
		assertThat(messageId("\"1500\"")).isEqualTo("1500");
		assertThat(messageId("12345678901234567890123")).isEqualTo("12345678901234567890123");
		assertThat(messageId("0.25")).isEqualTo("0.25");
	}

	@Test
	void aTextIsTakenAsWrittenAndAnythingElseIsAbsent() {
		assertThat(messageId("\"1.5e3\"")).isEqualTo("1.5e3");
		assertThat(messageId("true")).isEqualTo("true");
		assertThat(messageId("null")).isNull();
		assertThat(messageId("{\"id\": 1}")).isNull();
		assertThat(messageId("[1]")).isNull();
		assertThat(SmsWebhookController.member(JSON.readTree("{}"), "messageId")).isNull();
	}

}

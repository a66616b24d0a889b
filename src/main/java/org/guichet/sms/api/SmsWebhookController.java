package org.guichet.sms.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.guichet.sms.SmsIngested;
import org.guichet.sms.SmsWebhooks;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The SMS gateways' webhooks (docs/SMS.md#sms-in): no session and no login; each request proves it
 * is its gateway's (a shared secret, Twilio's signature), checked by {@link SmsWebhooks}.
 */
@RestController
@RequestMapping("/api/v1/sms/inbound")
@PreAuthorize("permitAll()")
class SmsWebhookController {

	/** An empty TwiML answer: Twilio sends no reply SMS. */
	private static final String NO_REPLY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

	private final SmsWebhooks webhooks;

	SmsWebhookController(SmsWebhooks webhooks) {
		this.webhooks = webhooks;
	}

	/**
	 * The generic gateway's JSON: {@code {"from", "to", "text", "messageId"}}, each a string or a
	 * number (a gateway's template may write a message id or a number unquoted: this is a third
	 * party's JSON, read as leniently as any other, not the API's strict bodies). Every member may
	 * be absent here: the gateway's secret is checked first, then {@link SmsWebhooks#generic}
	 * refuses what it lacks, so that a caller without the secret learns nothing of the format. A
	 * number is read as the number it is, however written: {@code 1500}, {@code 1500.0} and
	 * {@code 1.5e3} are one message id, {@code "1500"}.
	 *
	 * @return the member's text, or null when absent, null, an object or an array
	 */
	static @Nullable String member(JsonNode sms, String name) {
		JsonNode value = sms.get(name);
		if (value == null || !value.isValueNode() || value.isNull()) {
			return null;
		}
		return value.isNumber() ? value.decimalValue().stripTrailingZeros().toPlainString() : value.asString();
	}

	/** The generic gateway's JSON as the API description shows it (read as {@link #member}s). */
	record GenericSms(@Nullable String from, @Nullable String to, @Nullable String text, @Nullable String messageId) {
	}

	/** What a text became, for the gateway's log. */
	record Answer(SmsIngested.Outcome outcome, @Nullable Long ticketId) {
	}

	@PostMapping(path = "/generic", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	Answer generic(@RequestHeader(name = SmsWebhooks.SECRET_HEADER, required = false) @Nullable String secret,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = GenericSms.class))) @RequestBody JsonNode sms,
			HttpServletRequest request) {
		SmsIngested done = webhooks.generic(secret, member(sms, "from"), member(sms, "to"), member(sms, "text"),
				member(sms, "messageId"), request.getRemoteAddr());
		return new Answer(done.outcome(), done.ticketId());
	}

	@PostMapping(path = "/twilio", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = MediaType.TEXT_XML_VALUE)
	String twilio(@RequestHeader(name = "X-Twilio-Signature", required = false) @Nullable String signature,
			HttpServletRequest request) {
		String query = request.getQueryString();
		String url = request.getRequestURL() + (query == null ? "" : "?" + query);
		webhooks.twilio(url, formParameters(request), signature, request.getRemoteAddr());
		return NO_REPLY;
	}

	/** The request's parameters less those of its query string: what Twilio posted and signed. */
	static Map<String, List<String>> formParameters(HttpServletRequest request) {
		Map<String, List<String>> form = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> form.put(name, new ArrayList<>(List.of(values))));
		String query = request.getQueryString();
		if (query != null) {
			for (String pair : query.split("&")) {
				int equals = pair.indexOf('=');
				String name = decoded(equals < 0 ? pair : pair.substring(0, equals));
				String value = equals < 0 ? "" : decoded(pair.substring(equals + 1));
				List<String> values = form.get(name);
				if (values != null) {
					values.remove(value);
					if (values.isEmpty()) {
						form.remove(name);
					}
				}
			}
		}
		return form;
	}

	private static String decoded(String part) {
		return URLDecoder.decode(part, StandardCharsets.UTF_8);
	}

}

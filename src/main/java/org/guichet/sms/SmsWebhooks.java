package org.guichet.sms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

import org.guichet.system.ForbiddenException;
import org.guichet.system.InvalidInputException;
import org.guichet.system.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The gateways' webhooks (docs/SMS.md#sms-in): each checks that the request is its gateway's, then
 * hands the text to {@link SmsInbox}, which stores it (the answer) for the ingestion to come. A
 * refused request is logged at WARN with the caller's address.
 */
@Service
public class SmsWebhooks {

	/** The header carrying the generic gateway's shared secret ({@code guichet.sms.inbound-secret}). */
	public static final String SECRET_HEADER = "X-Guichet-Sms-Secret";

	private static final Logger log = LoggerFactory.getLogger(SmsWebhooks.class);

	private final SmsInbox inbox;

	private final SmsSettings settings;

	SmsWebhooks(SmsInbox inbox, SmsSettings settings) {
		this.inbox = inbox;
		this.settings = settings;
	}

	/**
	 * A text from the generic gateway, which proves itself with the shared secret.
	 *
	 * @return {@link SmsIngested.Outcome#ACCEPTED}, or {@link SmsIngested.Outcome#ALREADY_INGESTED}
	 *         for a message id delivered before (see {@link SmsInbox#accept})
	 * @param secret the {@link #SECRET_HEADER} header, null when missing
	 * @param caller the caller's address, for the log
	 * @throws NotFoundException when the SMS channel is off
	 * @throws ForbiddenException when no secret is configured or the header is not it
	 * @throws InvalidInputException naming the missing field ({@code from}, {@code messageId}) or a
	 *         message id longer than 100 characters
	 */
	public SmsIngested generic(@Nullable String secret, @Nullable String from, @Nullable String to,
			@Nullable String text, @Nullable String messageId, String caller) {
		requireEnabled();
		String expected = settings.current().inboundSecret();
		if (expected.isBlank() || secret == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				secret.getBytes(StandardCharsets.UTF_8))) {
			log.warn("SMS webhook generic: request from {} refused, {}", caller,
					expected.isBlank() ? "no guichet.sms.inbound-secret configured" : "wrong or missing " + SECRET_HEADER);
			throw new ForbiddenException("sms.webhook.refused", "This request does not carry the gateway's secret");
		}
		return inbox.accept(new InboundSms("generic", messageId("messageId", messageId), required("from", from),
				to == null ? "" : to, text == null ? "" : text));
	}

	/**
	 * A text from Twilio, which proves itself with its request signature.
	 *
	 * @return as {@link #generic}
	 * @param url the URL Twilio requested, query string included (the configured
	 *        {@code guichet.sms.twilio.webhook-url} replaces it when set)
	 * @param form the form's parameters (not the query string's)
	 * @param signature the {@code X-Twilio-Signature} header, null when missing
	 * @param caller the caller's address, for the log
	 * @throws NotFoundException when the SMS channel is off
	 * @throws ForbiddenException when the signature is not Twilio's for this request and auth token
	 * @throws InvalidInputException naming the missing parameter ({@code From}, {@code MessageSid})
	 */
	public SmsIngested twilio(String url, Map<String, List<String>> form, @Nullable String signature, String caller) {
		requireEnabled();
		SmsProperties.Twilio twilio = settings.current().twilio();
		String signed = twilio.webhookUrl().isBlank() ? url : twilio.webhookUrl();
		if (!TwilioSignature.valid(twilio.authToken(), signed, form, signature)) {
			log.warn("SMS webhook twilio: request from {} to {} refused, {}", caller, signed,
					twilio.authToken().isBlank() ? "no guichet.sms.twilio.auth-token configured"
							: signature == null ? "no X-Twilio-Signature" : "bad X-Twilio-Signature");
			throw new ForbiddenException("sms.webhook.refused", "This request does not carry the gateway's signature");
		}
		return inbox.accept(new InboundSms("twilio", messageId("MessageSid", first(form, "MessageSid")),
				required("From", first(form, "From")), nonNull(first(form, "To")), nonNull(first(form, "Body"))));
	}

	private void requireEnabled() {
		if (!settings.enabled()) {
			throw new NotFoundException("sms.disabled", "The SMS channel is off");
		}
	}

	private static String required(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, "field.required", "The gateway must give " + field);
		}
		return value.strip();
	}

	private static String messageId(String field, @Nullable String value) {
		String id = required(field, value);
		if (id.length() > InboundSms.MESSAGE_ID_MAX) {
			throw new InvalidInputException(field, "field.too-long", "The message id is too long", InboundSms.MESSAGE_ID_MAX);
		}
		return id;
	}

	private static @Nullable String first(Map<String, List<String>> form, String name) {
		List<String> values = form.get(name);
		return values == null || values.isEmpty() ? null : values.get(0);
	}

	private static String nonNull(@Nullable String value) {
		return value == null ? "" : value;
	}

}

package org.guichet.sms;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code guichet.sms.*} settings of the SMS channel (docs/CONFIGURATION.md#sms, docs/SMS.md).
 *
 * @param enabled whether the channel is on: the webhook takes texts, people may choose SMS in their
 *        notification preferences, the flowchart and the tool page show it
 * @param defaultRegion the country (ISO 3166, {@code FR}) of the numbers written without a country code
 * @param number the desk's own number, which people text (shown to them; the {@code From} of Twilio)
 * @param group the name of the support group that gets the tickets registered by SMS when routing
 *        names none; empty: routing only
 * @param followUpWindow how long after an SMS about a ticket an answer from its recipient is a
 *        follow-up on that ticket
 * @param provider which gateway sends SMS out
 * @param segments how many segments an SMS out may take (1: 160 GSM characters, 70 UCS-2)
 * @param inboundSecret the secret the generic gateway sends in the {@code X-Guichet-Sms-Secret}
 *        header; empty: the generic webhook refuses everything
 * @param http the generic HTTP gateway (provider {@code HTTP})
 * @param twilio Twilio's account (provider {@code TWILIO}, and the Twilio webhook's signature)
 * @param sendInterval how often the sender job looks for SMS to send
 * @param batchSize how many SMS one round of the sender job claims
 * @param maxAttempts after how many failed attempts an SMS is given up
 * @param firstRetry the wait after the first failure; it doubles at each failure, up to {@code maxRetry}
 * @param maxRetry the longest wait between two attempts
 */
@ConfigurationProperties("guichet.sms")
public record SmsProperties(@DefaultValue("false") boolean enabled, @DefaultValue("FR") String defaultRegion,
		@DefaultValue("") String number, @DefaultValue("") String group, @DefaultValue("7d") Duration followUpWindow,
		@DefaultValue("NONE") Provider provider, @DefaultValue("1") int segments,
		@DefaultValue("") String inboundSecret, @DefaultValue Http http, @DefaultValue Twilio twilio,
		@DefaultValue("2s") Duration sendInterval, @DefaultValue("20") int batchSize,
		@DefaultValue("8") int maxAttempts, @DefaultValue("30s") Duration firstRetry,
		@DefaultValue("30m") Duration maxRetry) {

	public SmsProperties {
		new PhoneNumbers(defaultRegion);
		if (segments < 1 || segments > 4) {
			throw new IllegalArgumentException("guichet.sms.segments must be between 1 and 4, not " + segments);
		}
		if (batchSize < 1 || maxAttempts < 1) {
			throw new IllegalArgumentException("guichet.sms.batch-size and guichet.sms.max-attempts must be 1 or more");
		}
		if (firstRetry.isNegative() || maxRetry.compareTo(firstRetry) < 0) {
			throw new IllegalArgumentException("guichet.sms.first-retry must be zero or more and at most guichet.sms.max-retry");
		}
		if (followUpWindow.isNegative()) {
			throw new IllegalArgumentException("guichet.sms.follow-up-window must be zero or more");
		}
	}

	/** The gateway that sends SMS out. */
	public enum Provider {

		/** None: SMS wait in the outbox. */
		NONE,
		/** The generic HTTP gateway ({@link Http}). */
		HTTP,
		/** Twilio's Messages API. */
		TWILIO

	}

	/**
	 * A gateway that takes one SMS per HTTP {@code POST} of a JSON body.
	 *
	 * @param url where to post
	 * @param authHeader one header sent with each request, {@code Name: value}
	 *        ({@code Authorization: Bearer abc}); empty for none
	 * @param bodyTemplate the JSON body, where {@code {to}} (E.164) and {@code {text}} are replaced by
	 *        the values written as JSON string content (quotes and backslashes escaped)
	 */
	public record Http(@DefaultValue("") String url, @DefaultValue("") String authHeader,
			@DefaultValue("{\"to\":\"{to}\",\"text\":\"{text}\"}") String bodyTemplate) {
	}

	/**
	 * A Twilio account.
	 *
	 * @param accountSid the account's SID ({@code AC…})
	 * @param authToken its auth token: the password of the Messages API and the key of the webhook's signature
	 * @param baseUrl Twilio's API address
	 * @param webhookUrl the webhook's address as Twilio calls it, when it differs from what Guichet
	 *        sees (a proxy that does not forward the original host and scheme); empty: the request's
	 */
	public record Twilio(@DefaultValue("") String accountSid, @DefaultValue("") String authToken,
			@DefaultValue("https://api.twilio.com") String baseUrl, @DefaultValue("") String webhookUrl) {
	}

}

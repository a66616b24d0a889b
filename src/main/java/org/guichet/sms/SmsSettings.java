package org.guichet.sms;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The SMS channel's settings in force: the {@code guichet.sms.*} properties at start, which
 * {@link #replace} changes while the application runs (every reader takes the new ones at its next
 * message).
 */
@Component
public class SmsSettings {

	private volatile SmsProperties current;

	private volatile PhoneNumbers numbers;

	private final String baseUrl;

	SmsSettings(SmsProperties properties, @Value("${guichet.mail.base-url:http://localhost:8080}") String baseUrl) {
		this.current = properties;
		this.numbers = new PhoneNumbers(properties.defaultRegion());
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** The settings in force. */
	public SmsProperties current() {
		return current;
	}

	/** Whether the SMS channel is on. */
	public boolean enabled() {
		return current.enabled();
	}

	/** Puts other settings in force, at once. */
	public void replace(SmsProperties properties) {
		PhoneNumbers read = new PhoneNumbers(properties.defaultRegion());
		this.current = Objects.requireNonNull(properties);
		this.numbers = read;
	}

	/**
	 * The address of the gateway SMS go out through (the HTTP gateway's URL, Twilio's API), while
	 * the channel is on and a provider is chosen; nothing else, nor for an address that is no URL.
	 */
	public Optional<URI> gatewayUrl() {
		SmsProperties now = current;
		if (!now.enabled()) {
			return Optional.empty();
		}
		String url = switch (now.provider()) {
			case HTTP -> now.http().url();
			case TWILIO -> now.twilio().baseUrl();
			case NONE -> "";
		};
		try {
			URI uri = new URI(url.strip());
			return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

	PhoneNumbers numbers() {
		return numbers;
	}

	/**
	 * The number in E.164 ({@code +33612345678}) as the channel reads it (a national number in
	 * {@code guichet.sms.default-region}); empty when blank, unreadable or no valid number.
	 */
	public Optional<String> e164(@Nullable String written) {
		return numbers.e164(written);
	}

	/** A path of this site made absolute with {@code guichet.base-url}. */
	String absolute(String path) {
		return path.startsWith("/") ? baseUrl + path : path;
	}

}

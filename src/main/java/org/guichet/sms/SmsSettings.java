package org.guichet.sms;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

import org.guichet.system.CacheGenerations;
import org.guichet.system.SharedCache;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The SMS channel's settings in force: those an administrator saved (the SMS page, shared by every
 * node through the database: a save on one node is in force on the others within
 * {@code guichet.cache.check-interval}, see {@link SharedCache}), or else the {@code guichet.sms.*}
 * properties, which {@link #replaceDefaults} may adjust on this node while the application runs.
 */
@Component
public class SmsSettings {

	/** The settings and the number reader of their region, built together. */
	private record InForce(SmsProperties properties, PhoneNumbers numbers) {

		static InForce of(SmsProperties properties) {
			return new InForce(properties, new PhoneNumbers(properties.defaultRegion()));
		}

	}

	private final SharedCache<Optional<InForce>> saved;

	private volatile InForce defaults;

	private final String baseUrl;

	SmsSettings(SmsProperties properties, StoredSmsSettings stored, CacheGenerations generations,
			@Value("${guichet.mail.base-url:http://localhost:8080}") String baseUrl) {
		this.defaults = InForce.of(properties);
		this.saved = new SharedCache<>(generations, "sms-settings",
				() -> stored.read(properties).map(read -> InForce.of(read.settings())));
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** The settings in force. */
	public SmsProperties current() {
		return inForce().properties();
	}

	/** Whether the SMS channel is on. */
	public boolean enabled() {
		return current().enabled();
	}

	/**
	 * Puts other settings in force on this node while no administrator saved the SMS page (the demo
	 * points the gateway at its own server); saved settings stay in force over them.
	 */
	public void replaceDefaults(SmsProperties properties) {
		this.defaults = InForce.of(Objects.requireNonNull(properties));
	}

	/** Says, in the saving transaction, that the saved settings changed: every node reads them again. */
	void savedChanged() {
		saved.changed();
	}

	private InForce inForce() {
		return saved.get().orElse(defaults);
	}

	/**
	 * The address of the gateway SMS go out through (the HTTP gateway's URL, Twilio's API), while
	 * the channel is on and a provider is chosen; nothing else, nor for an address that is no URL.
	 */
	public Optional<URI> gatewayUrl() {
		SmsProperties now = current();
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
		return inForce().numbers();
	}

	/**
	 * The number in E.164 ({@code +33612345678}) as the channel reads it (a national number in
	 * {@code guichet.sms.default-region}); empty when blank, unreadable or no valid number.
	 */
	public Optional<String> e164(@Nullable String written) {
		return numbers().e164(written);
	}

	/** A path of this site made absolute with {@code guichet.base-url}. */
	String absolute(String path) {
		return path.startsWith("/") ? baseUrl + path : path;
	}

}

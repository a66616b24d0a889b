package org.guichet.sms;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;
import org.guichet.system.VersionMismatchException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrators' SMS settings (docs/SMS.md#administration): what the page shows, the checks
 * of what they type, and saving it, which puts it in force at its commit on this node and within
 * {@code guichet.cache.check-interval} on the others ({@link SmsSettings}). While no administrator
 * saved the page, the {@code guichet.sms.*} properties are in force.
 */
@Service
public class SmsAdministration {

	/** The longest follow-up window, in hours (a year). */
	static final int FOLLOW_UP_MAX_HOURS = 8760;

	/** The shortest inbound secret, in characters: a gateway's secret is typed once, not remembered. */
	static final int SECRET_MIN = 16;

	/**
	 * The longest secret (inbound secret, Twilio token) and header value kept, in characters: each
	 * is stored encrypted in base64, which its column must hold even for three-byte characters.
	 */
	static final int SECRET_MAX = 100;

	static final int HEADER_VALUE_MAX = 150;

	private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

	private final SmsSettings settings;

	private final SmsProperties properties;

	private final StoredSmsSettings stored;

	private final SupportGroupRepository groups;

	private final Clock clock;

	SmsAdministration(SmsSettings settings, SmsProperties properties, StoredSmsSettings stored,
			SupportGroupRepository groups, Clock clock) {
		this.settings = settings;
		this.properties = properties;
		this.stored = stored;
		this.groups = groups;
		this.clock = clock;
	}

	/** Whether an administrator saved the page (then its settings are in force, not the properties). */
	@Transactional(readOnly = true)
	public boolean saved() {
		return stored.exists();
	}

	/**
	 * What the page shows of the settings in force, never a secret.
	 *
	 * @param savedAt when an administrator last saved the page, null while the properties are in force
	 */
	public record Shown(boolean inboundSecretSet, boolean httpAuthHeaderValueSet, boolean twilioAuthTokenSet,
			@Nullable Instant savedAt) {
	}

	/** What the page shows: the settings in force (no secret), and whether each secret is set. */
	@Transactional(readOnly = true)
	public Shown shown() {
		SmsProperties now = settings.current();
		return new Shown(!now.inboundSecret().isEmpty(), !headerValue(now.http().authHeader()).isEmpty(),
				!now.twilio().authToken().isEmpty(), stored.read(properties).map(StoredSmsSettings.Saved::at).orElse(null));
	}

	/** The form filled with the settings in force, every secret empty (empty keeps it). */
	@Transactional(readOnly = true)
	public SmsSettingsForm form() {
		SmsProperties now = settings.current();
		SmsSettingsForm form = new SmsSettingsForm();
		form.setEnabled(now.enabled());
		form.setProvider(now.provider().name());
		form.setNumber(now.number());
		form.setDefaultRegion(now.defaultRegion());
		form.setGroupId(now.group().isBlank() ? null
				: groups.findByName(now.group().strip()).map(SupportGroup::getId).orElse(null));
		form.setFollowUpHours(Long.toString(now.followUpWindow().toHours()));
		form.setSegments(Integer.toString(now.segments()));
		form.setHttpUrl(now.http().url());
		String header = now.http().authHeader();
		form.setHttpAuthHeaderName(header.indexOf(':') < 0 ? "" : header.substring(0, header.indexOf(':')).strip());
		form.setHttpBodyTemplate(now.http().bodyTemplate());
		form.setTwilioAccountSid(now.twilio().accountSid());
		form.setTwilioBaseUrl(now.twilio().baseUrl());
		form.setTwilioWebhookUrl(now.twilio().webhookUrl());
		form.setVersion(stored.version());
		return form;
	}

	/**
	 * Checks and saves the page, then puts it in force once the transaction commits (a refused or
	 * rolled back save changes nothing). An empty secret keeps the one in force; its clear box
	 * removes it.
	 *
	 * @throws InvalidInputException naming each field refused ({@code provider}, {@code number},
	 *         {@code defaultRegion}, {@code groupId}, {@code followUpHours}, {@code segments},
	 *         {@code inboundSecret}, {@code httpUrl}, {@code httpAuthHeaderName},
	 *         {@code httpAuthHeaderValue}, {@code httpBodyTemplate}, {@code twilioAccountSid},
	 *         {@code twilioAuthToken}, {@code twilioBaseUrl}, {@code twilioWebhookUrl}), all at once;
	 *         {@code field.too-long} with the maximum for a text longer than its column holds
	 * @throws VersionMismatchException when the settings were saved since the form's version
	 */
	@Transactional
	public void save(SmsSettingsForm form, CurrentUser by) {
		VersionMismatchException.check(form.getVersion(), stored.lockedVersion());
		SmsProperties now = settings.current();
		InputChecks checks = new InputChecks();
		checks.check(() -> InvalidInputException.atMost("number", form.getNumber(), 40));
		checks.check(() -> InvalidInputException.atMost("inboundSecret", form.getInboundSecret(), SECRET_MAX));
		checks.check(() -> InvalidInputException.atMost("httpUrl", form.getHttpUrl(), 500));
		checks.check(() -> InvalidInputException.atMost("httpAuthHeaderName", form.getHttpAuthHeaderName(), 100));
		checks.check(() -> InvalidInputException.atMost("httpAuthHeaderValue", form.getHttpAuthHeaderValue(),
				HEADER_VALUE_MAX));
		checks.check(() -> InvalidInputException.atMost("httpBodyTemplate", form.getHttpBodyTemplate(), 2000));
		checks.check(() -> InvalidInputException.atMost("twilioAccountSid", form.getTwilioAccountSid(), 100));
		checks.check(() -> InvalidInputException.atMost("twilioAuthToken", form.getTwilioAuthToken(), SECRET_MAX));
		checks.check(() -> InvalidInputException.atMost("twilioBaseUrl", form.getTwilioBaseUrl(), 500));
		checks.check(() -> InvalidInputException.atMost("twilioWebhookUrl", form.getTwilioWebhookUrl(), 500));
		checks.refuseIfAny();
		SmsProperties.Provider provider = checks.check(() -> provider(form.getProvider()));
		String region = checks.check(() -> region(form.getDefaultRegion()));
		SupportGroup group = form.getGroupId() == null ? null : checks.check(() -> group(form.getGroupId()));
		Integer hours = checks.check(() -> whole("followUpHours", form.getFollowUpHours(), 0, FOLLOW_UP_MAX_HOURS));
		Integer segments = checks.check(() -> whole("segments", form.getSegments(), 1, 4));
		String number = region == null ? form.getNumber().strip()
				: checks.check(() -> number(form.getNumber(), region, provider == SmsProperties.Provider.TWILIO));
		String inbound = secret(form.getInboundSecret(), form.isClearInboundSecret(), now.inboundSecret());
		if (!form.getInboundSecret().isEmpty()) {
			checks.check(() -> {
				if (form.getInboundSecret().strip().length() < SECRET_MIN) {
					throw new InvalidInputException("inboundSecret", "sms.admin.secret.short",
							"The secret has at least " + SECRET_MIN + " characters", SECRET_MIN);
				}
			});
		}
		boolean http = provider == SmsProperties.Provider.HTTP;
		String httpUrl = form.getHttpUrl().strip();
		if (http || !httpUrl.isEmpty()) {
			checks.check(() -> url("httpUrl", httpUrl));
		}
		String headerName = form.getHttpAuthHeaderName().strip();
		String headerValue = secret(form.getHttpAuthHeaderValue(), form.isClearHttpAuthHeaderValue(),
				headerValue(now.http().authHeader()));
		checks.check(() -> header(headerName, headerValue));
		String template = form.getHttpBodyTemplate().strip();
		if (http || !template.isEmpty()) {
			checks.check(() -> template(template));
		}
		boolean twilio = provider == SmsProperties.Provider.TWILIO;
		String sid = form.getTwilioAccountSid().strip();
		String token = secret(form.getTwilioAuthToken(), form.isClearTwilioAuthToken(), now.twilio().authToken());
		String twilioUrl = form.getTwilioBaseUrl().strip();
		String webhookUrl = form.getTwilioWebhookUrl().strip();
		if (twilio) {
			checks.check(() -> required("twilioAccountSid", sid));
			checks.check(() -> required("twilioAuthToken", token));
		}
		checks.check(() -> url("twilioBaseUrl", twilioUrl.isEmpty() ? "https://api.twilio.com" : twilioUrl));
		if (!webhookUrl.isEmpty()) {
			checks.check(() -> url("twilioWebhookUrl", webhookUrl));
		}
		checks.refuseIfAny();
		SmsProperties saved = new SmsProperties(form.isEnabled(), region, number, group == null ? "" : group.getName(),
				Duration.ofHours(hours), provider, segments, inbound,
				new SmsProperties.Http(httpUrl, headerName.isEmpty() ? "" : headerName + ": " + headerValue,
						template.isEmpty() ? properties.http().bodyTemplate() : template),
				new SmsProperties.Twilio(sid, token, twilioUrl.isEmpty() ? "https://api.twilio.com" : twilioUrl, webhookUrl),
				now.sendInterval(), now.batchSize(), now.maxAttempts(), now.firstRetry(), now.maxRetry());
		stored.save(saved, group == null ? null : group.getId(), clock.instant(), by.id());
		settings.savedChanged();
	}

	/** The value of a header written {@code Name: value}; empty without one. */
	private static String headerValue(String header) {
		int colon = header.indexOf(':');
		return colon < 0 ? "" : header.substring(colon + 1).strip();
	}

	/** The secret the form leaves in force: the typed one, none when cleared, else the one in force. */
	private static String secret(String typed, boolean clear, String inForce) {
		if (!typed.isEmpty()) {
			return typed.strip();
		}
		return clear ? "" : inForce;
	}

	private static SmsProperties.Provider provider(String typed) {
		try {
			return SmsProperties.Provider.valueOf(typed.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("provider", "sms.admin.provider.unknown", "Choose none, HTTP or Twilio");
		}
	}

	private static String region(String typed) {
		String region = typed.strip().toUpperCase(Locale.ROOT);
		try {
			new PhoneNumbers(region);
			return region;
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("defaultRegion", "sms.admin.region.unknown",
					"Not a country code libphonenumber knows: two letters of ISO 3166, such as FR", typed.strip());
		}
	}

	private SupportGroup group(long id) {
		return groups.findById(id)
			.orElseThrow(() -> new InvalidInputException("groupId", "sms.admin.group.unknown", "No such group: choose another"));
	}

	private static int whole(String field, String typed, int min, int max) {
		try {
			int value = Integer.parseInt(typed.strip());
			if (value >= min && value <= max) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// refused below, with the range
		}
		throw new InvalidInputException(field, "sms.admin.range", "A whole number from " + min + " to " + max, min, max);
	}

	private static String number(String typed, String region, boolean required) {
		if (typed.isBlank()) {
			if (required) {
				throw new InvalidInputException("number", "sms.admin.number.required",
						"Twilio sends from the desk's number: type it");
			}
			return "";
		}
		return new PhoneNumbers(region).e164(typed)
			.orElseThrow(() -> new InvalidInputException("number", "sms.admin.number.invalid",
					"Not a valid phone number: type it with its country code (+33 6 12 34 56 78)", typed.strip()));
	}

	private static void url(String field, String typed) {
		try {
			URI uri = new URI(typed);
			if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null) {
				return;
			}
		}
		catch (URISyntaxException ex) {
			// refused below
		}
		throw new InvalidInputException(field, "sms.admin.url.invalid",
				"Not an address: type it whole, starting with https://", typed);
	}

	private static void header(String name, String value) {
		if (name.isEmpty() && !value.isEmpty()) {
			throw new InvalidInputException("httpAuthHeaderName", "sms.admin.header.name-required",
					"Name the header the value goes in (Authorization)");
		}
		if (!name.isEmpty() && !HEADER_NAME.matcher(name).matches()) {
			throw new InvalidInputException("httpAuthHeaderName", "sms.admin.header.name-invalid",
					"A header's name has letters, digits and dashes only (Authorization, X-Api-Key)");
		}
	}

	private static void template(String template) {
		if (!template.contains("{to}") || !template.contains("{text}")) {
			throw new InvalidInputException("httpBodyTemplate", "sms.admin.template.placeholders",
					"The body must contain {to} and {text}, where the number and the text go");
		}
	}

	private static void required(String field, String value) {
		if (value.isBlank()) {
			throw new InvalidInputException(field, "field.required", "Required for Twilio");
		}
	}

}

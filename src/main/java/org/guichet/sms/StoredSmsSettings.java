package org.guichet.sms;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.guichet.system.KeptKeys;
import org.guichet.system.SecretCipher;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SMS settings an administrator saved ({@code sms_settings}, one row), the gateway's secrets
 * encrypted by a {@link SecretCipher} under {@code guichet.sms.secret-key} (base64, at least 32
 * bytes), or else a key generated at the first start and kept in the data folder as
 * {@value #KEY_FILE}: never in the database, so a copy of the database alone gives no secret away.
 * The sender job's pace ({@code send-interval}, {@code batch-size}, retries) is no part of the
 * page: it stays the properties'.
 */
@Component
class StoredSmsSettings {

	static final String KEY_FILE = "sms.key";

	static final String KEY_PROPERTY = "guichet.sms.secret-key";

	static final SecretCipher.Use GATEWAY_SECRETS = new SecretCipher.Use("guichet sms passwords", "guichet sms key id",
			"SMS gateway's secret", KEY_PROPERTY, "type the secret again on the SMS administration page");

	private static final Logger log = LoggerFactory.getLogger(StoredSmsSettings.class);

	/** What was saved, when and by whom. */
	record Saved(SmsProperties settings, @Nullable Long groupId, Instant at, long by) {
	}

	private final JdbcClient jdbc;

	private final SecretCipher cipher;

	StoredSmsSettings(JdbcClient jdbc, Environment environment) {
		this.jdbc = jdbc;
		this.cipher = new SecretCipher(KeptKeys.configuredOrKept(environment, KEY_PROPERTY, KEY_FILE,
				SecretCipher.MIN_SECRET_BYTES, "encrypts the SMS gateway's secrets"), GATEWAY_SECRETS);
	}

	/**
	 * The saved settings, on top of {@code defaults} for what the page does not set; nothing while
	 * no administrator saved the page. A secret that cannot be decrypted (another key) reads as
	 * none, logged at WARN: the page asks for it again.
	 */
	Optional<Saved> read(SmsProperties defaults) {
		return jdbc.sql("""
				select s.enabled, s.provider, s.desk_number, s.default_region, s.group_id, g.name, s.follow_up_minutes,
				       s.segments, s.inbound_secret, s.http_url, s.http_auth_header_name, s.http_auth_header_value,
				       s.http_body_template, s.twilio_account_sid, s.twilio_auth_token, s.twilio_base_url,
				       s.twilio_webhook_url, s.updated_at, s.updated_by
				from sms_settings s left join support_group g on g.id = s.group_id where s.id = 1""")
			.query((row, n) -> {
				String headerName = row.getString(11);
				String headerValue = decrypted(row.getString(12), "http_auth_header_value");
				SmsProperties settings = new SmsProperties(row.getBoolean(1),
						row.getString(4), row.getString(3), row.getString(6) == null ? "" : row.getString(6),
						Duration.ofMinutes(row.getInt(7)), SmsProperties.Provider.valueOf(row.getString(2)), row.getInt(8),
						decrypted(row.getString(9), "inbound_secret"),
						new SmsProperties.Http(row.getString(10),
								headerName.isBlank() ? "" : headerName + ": " + headerValue, row.getString(13)),
						new SmsProperties.Twilio(row.getString(14), decrypted(row.getString(15), "twilio_auth_token"),
								row.getString(16), row.getString(17)),
						defaults.sendInterval(), defaults.batchSize(), defaults.maxAttempts(), defaults.firstRetry(),
						defaults.maxRetry());
				long group = row.getLong(5);
				return new Saved(settings, row.wasNull() ? null : group, row.getTimestamp(18).toInstant(), row.getLong(19));
			})
			.optional();
	}

	/** The version of the saved settings, raised by each save; 0 while none was saved. */
	long version() {
		return jdbc.sql("select version from sms_settings where id = 1").query(Long.class).optional().orElse(0L);
	}

	/** As {@link #version()}, the row locked until the transaction ends. */
	long lockedVersion() {
		return jdbc.sql("select version from sms_settings where id = 1 for update").query(Long.class).optional()
			.orElse(0L);
	}

	/** Whether an administrator saved the page: then its settings, not the properties, are in force. */
	boolean exists() {
		return jdbc.sql("select count(*) from sms_settings where id = 1").query(Integer.class).single() > 0;
	}

	/**
	 * Saves the settings, the secrets encrypted (each under a fresh nonce), in the caller's
	 * transaction, and raises their version.
	 *
	 * @param groupId the SMS group, null for none
	 */
	void save(SmsProperties settings, @Nullable Long groupId, Instant at, long by) {
		String header = settings.http().authHeader();
		int colon = header.indexOf(':');
		String headerName = colon < 0 ? "" : header.substring(0, colon).strip();
		String headerValue = colon < 0 ? "" : header.substring(colon + 1).strip();
		String assignments = """
				enabled = :enabled, provider = :provider, desk_number = :number, default_region = :region,
				group_id = :group, follow_up_minutes = :followUp, segments = :segments, inbound_secret = :inbound,
				http_url = :httpUrl, http_auth_header_name = :headerName, http_auth_header_value = :headerValue,
				http_body_template = :template, twilio_account_sid = :sid, twilio_auth_token = :token,
				twilio_base_url = :twilioUrl, twilio_webhook_url = :webhookUrl, updated_at = :at, updated_by = :by,
				version = version + 1""";
		JdbcClient.StatementSpec update = bind(jdbc.sql("update sms_settings set " + assignments + " where id = 1"),
				settings, groupId, headerName, headerValue, at, by);
		if (update.update() == 0) {
			bind(jdbc.sql("""
					insert into sms_settings (id, enabled, provider, desk_number, default_region, group_id, follow_up_minutes,
					    segments, inbound_secret, http_url, http_auth_header_name, http_auth_header_value, http_body_template,
					    twilio_account_sid, twilio_auth_token, twilio_base_url, twilio_webhook_url, updated_at, updated_by,
					    version)
					values (1, :enabled, :provider, :number, :region, :group, :followUp, :segments, :inbound, :httpUrl,
					    :headerName, :headerValue, :template, :sid, :token, :twilioUrl, :webhookUrl, :at, :by, 1)"""), settings,
					groupId, headerName, headerValue, at, by)
				.update();
		}
	}

	private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, SmsProperties settings,
			@Nullable Long groupId, String headerName, String headerValue, Instant at, long by) {
		return statement.param("enabled", settings.enabled())
			.param("provider", settings.provider().name())
			.param("number", settings.number())
			.param("region", settings.defaultRegion())
			.param("group", groupId)
			.param("followUp", (int) settings.followUpWindow().toMinutes())
			.param("segments", settings.segments())
			.param("inbound", encrypted(settings.inboundSecret()))
			.param("httpUrl", settings.http().url())
			.param("headerName", headerName)
			.param("headerValue", encrypted(headerValue))
			.param("template", settings.http().bodyTemplate())
			.param("sid", settings.twilio().accountSid())
			.param("token", encrypted(settings.twilio().authToken()))
			.param("twilioUrl", settings.twilio().baseUrl())
			.param("webhookUrl", settings.twilio().webhookUrl())
			.param("at", Timestamp.from(at))
			.param("by", by);
	}

	private @Nullable String encrypted(String secret) {
		return secret.isEmpty() ? null : cipher.encrypt(secret);
	}

	private String decrypted(@Nullable String stored, String column) {
		if (stored == null) {
			return "";
		}
		try {
			return cipher.decrypt(stored);
		}
		catch (SecretCipher.UnreadableSecretException ex) {
			log.warn("sms_settings.{}: {}", column, ex.getMessage());
			return "";
		}
	}

}

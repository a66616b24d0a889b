package org.guichet.assist;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;
import org.guichet.system.KeptKeys;
import org.guichet.system.SecretCipher;
import org.guichet.system.VersionMismatchException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's settings of the generative help ({@code assist_llm_settings}, one row, and
 * the groups allowed, {@code assist_llm_group}): off on a new desk. The API key is stored encrypted
 * ({@link SecretCipher}) with the key {@code guichet.assist.secret-key}, or else one generated in the
 * data folder as {@value #KEY_FILE}: never in the database.
 */
@Service
public class GenerativeSettings {

	static final String KEY_FILE = "assist.key";

	static final SecretCipher.Use API_KEYS = new SecretCipher.Use("guichet language model api keys",
			"guichet language model key id", "language model's API key", "guichet.assist.secret-key",
			"type the API key again on the assistant's page");

	/** The longest timeout an administrator may set, in seconds. */
	public static final int TIMEOUT_MAX = 600;

	/** The longest API key kept: its encrypted form fills the 1,000 characters of its column. */
	public static final int API_KEY_MAX = 600;

	/**
	 * The settings as stored (the API key still encrypted).
	 *
	 * @param baseUrl the OpenAI-compatible API's base, e.g. {@code http://localhost:11434/v1}; null until set
	 * @param model the model's name on that server; null until set
	 * @param hasApiKey whether a key is stored (it is never shown)
	 * @param features the features turned on
	 * @param groupIds the support groups whose members may use it (administrators always may)
	 * @param dailyRequests requests a day at most (desk's zone), 0 for none
	 * @param dailyTokens tokens a day at most (prompt and answer, as the server counts them), null for no limit
	 * @param timeoutSeconds how long one answer is waited for, 1 to {@value #TIMEOUT_MAX}
	 * @param maskPersonalData whether names, e-mails and phone numbers are masked before sending
	 */
	public record Settings(boolean enabled, @Nullable String baseUrl, @Nullable String model, boolean hasApiKey,
			Set<GenerativeFeature> features, Set<Long> groupIds, int dailyRequests, @Nullable Integer dailyTokens,
			int timeoutSeconds, boolean maskPersonalData) {

		public Settings {
			features = features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
			groupIds = Set.copyOf(groupIds);
		}

		/** Whether the feature may be used now: the help on, a server and a model set, the feature on. */
		public boolean offers(GenerativeFeature feature) {
			return enabled && baseUrl != null && model != null && features.contains(feature);
		}
	}

	/**
	 * What an administrator saves.
	 *
	 * @param apiKey a new key; null or blank keeps the stored one
	 * @param forgetApiKey removes the stored key (a server that wants none)
	 */
	public record Changes(boolean enabled, @Nullable String baseUrl, @Nullable String model, @Nullable String apiKey,
			boolean forgetApiKey, Set<GenerativeFeature> features, Set<Long> groupIds, @Nullable Integer dailyRequests,
			@Nullable Integer dailyTokens, @Nullable Integer timeoutSeconds, boolean maskPersonalData) {
	}

	private final JdbcClient jdbc;

	private final SecretCipher cipher;

	GenerativeSettings(JdbcClient jdbc, Environment environment) {
		this.jdbc = jdbc;
		this.cipher = new SecretCipher(KeptKeys.configuredOrKept(environment, API_KEYS.property(), KEY_FILE,
				SecretCipher.MIN_SECRET_BYTES, "encrypts the language model's API key"), API_KEYS);
	}

	/** The settings now. */
	@Transactional(readOnly = true)
	public Settings current() {
		Set<Long> groups = Set.copyOf(jdbc.sql("select group_id from assist_llm_group").query(Long.class).list());
		return jdbc.sql("""
				select enabled, base_url, model, api_key_encrypted, summary_on, reply_on, sla_on, article_on,
				       daily_requests, daily_tokens, timeout_seconds, mask_personal_data
				from assist_llm_settings where id = 1""").query((rs, row) -> {
			Set<GenerativeFeature> features = EnumSet.noneOf(GenerativeFeature.class);
			for (GenerativeFeature f : GenerativeFeature.values()) {
				if (rs.getBoolean(f.key() + "_on")) {
					features.add(f);
				}
			}
			return new Settings(rs.getBoolean("enabled"), rs.getString("base_url"), rs.getString("model"),
					rs.getString("api_key_encrypted") != null, features, groups, rs.getInt("daily_requests"),
					rs.getObject("daily_tokens", Integer.class), rs.getInt("timeout_seconds"),
					rs.getBoolean("mask_personal_data"));
		}).single();
	}

	/**
	 * The stored API key, decrypted; null when none is stored.
	 *
	 * @throws GenerativeFailure ({@code KEY_UNREADABLE}) when it was stored with another key, or altered
	 */
	@Transactional(readOnly = true)
	public @Nullable String apiKey() {
		String stored = jdbc.sql("select api_key_encrypted from assist_llm_settings where id = 1")
			.query((rs, row) -> rs.getString(1))
			.list()
			.get(0);
		try {
			return stored == null ? null : cipher.decrypt(stored);
		}
		catch (SecretCipher.UnreadableSecretException e) {
			throw new GenerativeFailure(GenerativeFailure.Reason.KEY_UNREADABLE, 0, e.getMessage(), e);
		}
	}

	/** How many times the settings were saved: the version a change names. */
	@Transactional(readOnly = true)
	public long version() {
		return jdbc.sql("select version from assist_llm_settings where id = 1").query(Long.class).single();
	}

	/** As {@link #save(Changes, Long)}, whatever was saved since. */
	@Transactional
	public void save(Changes changes) {
		save(changes, null);
	}

	/**
	 * Saves the settings, checked: each field refused names itself.
	 *
	 * @throws InvalidInputException ({@code baseUrl}) not an http(s) URL, or missing while the help is on;
	 * ({@code model}) missing while on, or longer than 200; ({@code dailyRequests}, {@code dailyTokens})
	 * negative or missing; ({@code timeoutSeconds}) outside 1 to {@value #TIMEOUT_MAX}; ({@code apiKey},
	 * {@code field.too-long}) over {@value #API_KEY_MAX} characters; ({@code groupIds}, {@code field.unknown})
	 * a group that does not exist
	 * @param expectedVersion the {@link #version()} the change was made on; null to skip the check
	 * @throws VersionMismatchException when they were saved since {@code expectedVersion}
	 */
	@Transactional
	public void save(Changes changes, @Nullable Long expectedVersion) {
		if (expectedVersion != null) {
			VersionMismatchException.check(expectedVersion, jdbc
				.sql("select version from assist_llm_settings where id = 1 for update").query(Long.class).single());
		}
		InputChecks checks = new InputChecks();
		String baseUrl = blankToNull(changes.baseUrl());
		String model = blankToNull(changes.model());
		checks.check(() -> checkUrl(baseUrl, changes.enabled()));
		checks.check(() -> {
			if (model == null && changes.enabled()) {
				throw new InvalidInputException("model", "assist.generative.model.required",
						"Name the model to use while the generative help is on");
			}
			if (model != null && model.length() > 200) {
				throw new InvalidInputException("model", "assist.generative.model.too-long",
						"The model's name has at most 200 characters");
			}
		});
		checks.check(() -> InvalidInputException.atMost("apiKey", changes.apiKey(), API_KEY_MAX));
		List<Long> known = changes.groupIds().isEmpty() ? List.of()
				: jdbc.sql("select id from support_group where id in (:ids)")
					.param("ids", changes.groupIds())
					.query(Long.class)
					.list();
		checks.check(() -> InvalidInputException.known("groupIds", changes.groupIds(), known));
		checks.check(() -> nonNegative("dailyRequests", changes.dailyRequests(), true));
		checks.check(() -> nonNegative("dailyTokens", changes.dailyTokens(), false));
		checks.check(() -> {
			Integer timeout = changes.timeoutSeconds();
			if (timeout == null || timeout < 1 || timeout > TIMEOUT_MAX) {
				throw new InvalidInputException("timeoutSeconds", "assist.generative.timeout.range",
						"The timeout is from 1 to " + TIMEOUT_MAX + " seconds", TIMEOUT_MAX);
			}
		});
		checks.refuseIfAny();
		Set<GenerativeFeature> on = changes.features();
		jdbc.sql("""
				update assist_llm_settings set enabled = ?, base_url = ?, model = ?, summary_on = ?, reply_on = ?,
				       sla_on = ?, article_on = ?, daily_requests = ?, daily_tokens = ?, timeout_seconds = ?,
				       mask_personal_data = ?, version = version + 1
				where id = 1""")
			.params(changes.enabled(), baseUrl, model, on.contains(GenerativeFeature.SUMMARY),
					on.contains(GenerativeFeature.REPLY), on.contains(GenerativeFeature.SLA),
					on.contains(GenerativeFeature.ARTICLE), changes.dailyRequests(), changes.dailyTokens(),
					changes.timeoutSeconds(), changes.maskPersonalData())
			.update();
		String apiKey = blankToNull(changes.apiKey());
		if (changes.forgetApiKey() || apiKey != null) {
			jdbc.sql("update assist_llm_settings set api_key_encrypted = ? where id = 1")
				.param(apiKey == null ? null : cipher.encrypt(apiKey))
				.update();
		}
		jdbc.sql("delete from assist_llm_group").update();
		for (long groupId : known) {
			jdbc.sql("insert into assist_llm_group (group_id) values (?)").param(groupId).update();
		}
	}

	private static void checkUrl(@Nullable String baseUrl, boolean enabled) {
		if (baseUrl == null) {
			if (enabled) {
				throw new InvalidInputException("baseUrl", "assist.generative.url.required",
						"Give the server's address while the generative help is on");
			}
			return;
		}
		try {
			URI uri = new URI(baseUrl);
			if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
					|| baseUrl.length() > 500) {
				throw new URISyntaxException(baseUrl, "not an http(s) URL");
			}
		}
		catch (URISyntaxException e) {
			throw new InvalidInputException("baseUrl", "assist.generative.url.invalid",
					"The server's address is an http:// or https:// URL, e.g. http://localhost:11434/v1");
		}
	}

	private static void nonNegative(String field, @Nullable Integer value, boolean required) {
		if ((value == null && required) || (value != null && value < 0)) {
			throw new InvalidInputException(field, "assist.generative.budget.invalid",
					"The budget is a whole number, 0 or more" + (required ? "" : ", or empty for no limit"));
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}

package org.guichet.directory.oidc;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.guichet.directory.Role;
import org.guichet.directory.UserId;
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
 * The administrators' settings of single sign-on ({@code oidc_provider}, one row): off on a new
 * desk. Read at every login, so a change applies on every node at once. The client secret is
 * stored encrypted ({@link SecretCipher}) with the key {@code guichet.directory.secret-key}, or else
 * one generated in the data folder as {@value #KEY_FILE}, and is never given back.
 */
@Service
public class OidcSettings {

	/**
	 * The longest client secret kept, in characters: it is stored encrypted in base64, which its
	 * column of 1,000 must hold even for three-byte characters.
	 */
	public static final int CLIENT_SECRET_MAX = 200;

	static final String KEY_FILE = "directory.key";

	static final SecretCipher.Use CLIENT_SECRETS = new SecretCipher.Use("guichet oidc client secrets",
			"guichet oidc client secret key id", "single sign-on client secret", "guichet.directory.secret-key",
			"type the client secret again on Administration › Single sign-on");

	/** The roles an account created at its first login may get: never administrator. */
	public static final List<Role> NEW_ACCOUNT_ROLES = List.of(Role.REQUESTER, Role.TECHNICIAN, Role.SUPERVISOR);

	/**
	 * The settings as stored, without the client secret.
	 *
	 * @param displayName the name on the login page's button, "Sign in with …"
	 * @param issuerUri the provider's issuer, e.g. {@code https://sso.example.org/realms/staff}; null until set
	 * @param clientId Guichet's client id at the provider; null until set
	 * @param hasClientSecret whether a secret is stored (without one the client is public and relies on PKCE)
	 * @param scopes the scopes asked, {@code openid} always among them
	 * @param usernameClaim the claim whose value is the user name of an account created at first login
	 * @param createAccounts whether a person the desk does not know gets an account at their first login
	 * @param newAccountRole the role of such an account
	 * @param matchByEmail whether a first login may take the one local account with the same verified e-mail address
	 * @param endSessionEndpoint where the provider ends its session at logout; null when it offers none
	 * @param version the version a change is made on (If-Match)
	 */
	public record Provider(boolean enabled, String displayName, @Nullable String issuerUri, @Nullable String clientId,
			boolean hasClientSecret, List<String> scopes, String usernameClaim, boolean createAccounts,
			Role newAccountRole, boolean matchByEmail, @Nullable String endSessionEndpoint, long version) {

		public Provider {
			scopes = List.copyOf(scopes);
		}

		/** Whether people may sign in with the provider now: on, with an issuer and a client id. */
		public boolean usable() {
			return enabled && issuerUri != null && clientId != null;
		}

	}

	/**
	 * What an administrator saves. Texts are trimmed; blank is none.
	 *
	 * @param clientSecret a new secret; null or blank keeps the stored one
	 * @param scopes separated by spaces; {@code openid} is added when missing
	 * @param newAccountRole null means {@code REQUESTER}
	 */
	public record Changes(boolean enabled, @Nullable String displayName, @Nullable String issuerUri,
			@Nullable String clientId, @Nullable String clientSecret, @Nullable String scopes,
			@Nullable String usernameClaim, boolean createAccounts, @Nullable Role newAccountRole,
			boolean matchByEmail) {

		/** The settings as stored now, as changes that change nothing. */
		public static Changes of(Provider provider) {
			return new Changes(provider.enabled(), provider.displayName(), provider.issuerUri(), provider.clientId(),
					null, String.join(" ", provider.scopes()), provider.usernameClaim(), provider.createAccounts(),
					provider.newAccountRole(), provider.matchByEmail());
		}

	}

	/**
	 * The settings as the login uses them: the provider's and its discovery document, the secret in clear.
	 */
	record Login(Provider provider, OidcDiscovery.Metadata metadata, @Nullable String clientSecret) {
	}

	private final JdbcClient jdbc;

	private final SecretCipher cipher;

	private final OidcDiscovery discovery;

	private final Clock clock;

	OidcSettings(JdbcClient jdbc, Environment environment, OidcDiscovery discovery, Clock clock) {
		this.jdbc = jdbc;
		this.discovery = discovery;
		this.clock = clock;
		this.cipher = new SecretCipher(KeptKeys.configuredOrKept(environment, CLIENT_SECRETS.property(), KEY_FILE,
				SecretCipher.MIN_SECRET_BYTES, "encrypts the single sign-on client secret"), CLIENT_SECRETS);
	}

	/** The settings now. */
	@Transactional(readOnly = true)
	public Provider current() {
		return row().provider();
	}

	/**
	 * The settings a login uses; empty when single sign-on is off or not usable.
	 *
	 * @throws SecretCipher.UnreadableSecretException when the stored secret was encrypted with another key
	 */
	@Transactional(readOnly = true)
	java.util.Optional<Login> login() {
		Row row = row();
		if (!row.provider().usable() || row.metadata() == null) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(new Login(row.provider(), discovery.parse(row.metadata()),
				row.secret() == null ? null : cipher.decrypt(row.secret())));
	}

	/**
	 * Checks and saves the settings; the issuer's discovery document is fetched and kept.
	 *
	 * @param version the version the change was made on
	 * @param by the administrator saving
	 * @return the settings saved
	 * @throws VersionMismatchException when they changed since {@code version}
	 * @throws InvalidInputException naming each field at fault: {@code displayName} (missing while on,
	 *         over 60 characters), {@code issuerUri} (not an http(s) URL, missing while on, or its
	 *         discovery failed: unreachable, not a provider's document, another issuer),
	 *         {@code clientId} (missing while on, over 200), {@code scopes} (over 500 or not printable),
	 *         {@code usernameClaim} (missing, over 100), {@code newAccountRole} (administrator),
	 *         {@code clientSecret} (over {@value #CLIENT_SECRET_MAX}, {@code field.too-long})
	 */
	@Transactional
	public Provider save(Changes changes, long version, UserId by) {
		Row stored = row();
		VersionMismatchException.check(version, stored.provider().version());
		InputChecks checks = new InputChecks();
		String displayName = blankToNull(changes.displayName());
		String issuer = blankToNull(changes.issuerUri());
		String clientId = blankToNull(changes.clientId());
		String usernameClaim = blankToNull(changes.usernameClaim());
		Role role = changes.newAccountRole() == null ? Role.REQUESTER : changes.newAccountRole();
		checks.check(() -> text("displayName", displayName, 60, changes.enabled()));
		checks.check(() -> text("clientId", clientId, 200, changes.enabled()));
		checks.check(() -> text("usernameClaim", usernameClaim, 100, true));
		checks.check(() -> InvalidInputException.atMost("clientSecret", changes.clientSecret(), CLIENT_SECRET_MAX));
		List<String> scopes = checks.check(() -> scopes(changes.scopes()));
		String metadata = checks.check(() -> discover(issuer, changes.enabled()));
		checks.check(() -> {
			if (!NEW_ACCOUNT_ROLES.contains(role)) {
				throw new InvalidInputException("newAccountRole", "sso.role.administrator",
						"An account created at its first login is never an administrator's");
			}
		});
		checks.refuseIfAny();
		String secret = blankToNull(changes.clientSecret());
		jdbc.sql("""
				update oidc_provider set enabled = ?, display_name = ?, issuer_uri = ?, client_id = ?, scopes = ?,
				       username_claim = ?, create_accounts = ?, new_account_role = ?, match_by_email = ?, metadata = ?,
				       client_secret = ?, version = version + 1, updated_at = ?, updated_by = ?
				where id = 1""")
			.params(changes.enabled(), displayName == null ? stored.provider().displayName() : displayName,
					issuer == null ? null : OidcDiscovery.stripSlash(issuer), clientId, String.join(" ", scopes),
					usernameClaim, changes.createAccounts(), role.name(), changes.matchByEmail(), metadata,
					secret == null ? stored.secret() : cipher.encrypt(secret), OffsetDateTime.now(clock), by.value())
			.update();
		return current();
	}

	/**
	 * Fetches the saved issuer's discovery document again, changing nothing.
	 *
	 * @return what it offers
	 * @throws InvalidInputException ({@code issuerUri}) when no issuer is saved or its discovery failed
	 */
	@Transactional(readOnly = true)
	public Discovered test() {
		String issuer = current().issuerUri();
		if (issuer == null) {
			throw new InvalidInputException("issuerUri", "sso.issuer.required", "Save the provider's issuer first");
		}
		OidcDiscovery.Metadata metadata = discovery.parse(discover(issuer, true));
		return new Discovered(metadata.issuer(), metadata.authorizationEndpoint(), metadata.tokenEndpoint(),
				metadata.jwksUri(), metadata.userinfoEndpoint(), metadata.endSessionEndpoint());
	}

	/**
	 * What a provider's discovery document offers.
	 *
	 * @param userinfoEndpoint null when it has none
	 * @param endSessionEndpoint null when it offers no logout: logging out of Guichet then leaves
	 *        the provider's session open
	 */
	public record Discovered(String issuer, String authorizationEndpoint, String tokenEndpoint, String jwksUri,
			@Nullable String userinfoEndpoint, @Nullable String endSessionEndpoint) {
	}

	private @Nullable String discover(@Nullable String issuer, boolean enabled) {
		if (issuer == null) {
			if (enabled) {
				throw new InvalidInputException("issuerUri", "sso.issuer.required",
						"Give the provider's issuer while single sign-on is on");
			}
			return null;
		}
		try {
			URI uri = new URI(issuer);
			if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
					|| uri.getQuery() != null || uri.getFragment() != null || issuer.length() > 500) {
				throw new URISyntaxException(issuer, "not an http(s) URL");
			}
		}
		catch (URISyntaxException ex) {
			throw new InvalidInputException("issuerUri", "sso.issuer.invalid",
					"The issuer is an https:// URL, e.g. https://sso.example.org/realms/staff");
		}
		try {
			return discovery.fetch(issuer);
		}
		catch (OidcDiscovery.DiscoveryFailure ex) {
			throw new InvalidInputException("issuerUri", "sso.issuer.discovery." + ex.reason(), ex.getMessage(),
					OidcDiscovery.stripSlash(issuer) + OidcDiscovery.WELL_KNOWN);
		}
	}

	private static List<String> scopes(@Nullable String scopes) {
		String text = scopes == null ? "" : scopes.strip();
		if (text.length() > 500 || !text.matches("[\\x21-\\x7e ]*")) {
			throw new InvalidInputException("scopes", "sso.scopes.invalid",
					"Scopes are words separated by spaces, e.g. openid profile email");
		}
		Set<String> all = new LinkedHashSet<>();
		all.add("openid");
		all.addAll(Arrays.stream(text.split(" +")).filter(s -> !s.isEmpty()).toList());
		return List.copyOf(all);
	}

	private static void text(String field, @Nullable String value, int max, boolean required) {
		if (value == null && required) {
			throw new InvalidInputException(field, "field.required", field + " is required");
		}
		InvalidInputException.atMost(field, value, max);
	}

	private Row row() {
		return jdbc.sql("""
				select enabled, display_name, issuer_uri, client_id, client_secret, scopes, username_claim,
				       create_accounts, new_account_role, match_by_email, metadata, version
				from oidc_provider where id = 1""").query((rs, n) -> {
			String metadata = rs.getString("metadata");
			String endSession = metadata == null ? null : discovery.parse(metadata).endSessionEndpoint();
			return new Row(new Provider(rs.getBoolean("enabled"), rs.getString("display_name"),
					rs.getString("issuer_uri"), rs.getString("client_id"), rs.getString("client_secret") != null,
					List.of(rs.getString("scopes").split(" ")), rs.getString("username_claim"),
					rs.getBoolean("create_accounts"), Role.valueOf(rs.getString("new_account_role")),
					rs.getBoolean("match_by_email"), endSession, rs.getLong("version")), rs.getString("client_secret"),
					metadata);
		}).single();
	}

	private record Row(Provider provider, @Nullable String secret, @Nullable String metadata) {
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}

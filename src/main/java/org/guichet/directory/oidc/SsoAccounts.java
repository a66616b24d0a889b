package org.guichet.directory.oidc;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.guichet.directory.AccountOrigin;
import org.guichet.directory.AccountOrigins;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds, links or creates the account of a person the provider signed in ({@link FirstLogin}'s
 * rules), and brings the fields the provider owns (name, e-mail address) up to date at each login.
 */
@Service
@Transactional
class SsoAccounts {

	private final JdbcClient jdbc;

	private final UserRepository users;

	private final AccountOrigins origins;

	private final Clock clock;

	SsoAccounts(JdbcClient jdbc, UserRepository users, AccountOrigins origins, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.origins = origins;
		this.clock = clock;
	}

	/** The sign-in is refused; {@link FirstLogin.Problem} says why. */
	static class Refused extends RuntimeException {

		private final FirstLogin.Problem problem;

		Refused(FirstLogin.Problem problem, String message) {
			super(message);
			this.problem = problem;
		}

		FirstLogin.Problem problem() {
			return problem;
		}

	}

	/**
	 * The account of the person the provider signed in, found, linked or created, with the
	 * provider's fields copied.
	 *
	 * @param provided the provider's user, its ID token checked
	 * @param settings the settings in force
	 * @return the person, signed in
	 * @throws Refused when no account may be used
	 */
	SsoUser signIn(OidcUser provided, OidcSettings.Provider settings) {
		String externalId = externalId(provided);
		String email = blankToNull(provided.getEmail());
		FirstLogin.Candidate bySubject = jdbc
			.sql("select user_id from directory_account where origin = 'OIDC' and external_id = ?")
			.param(externalId)
			.query(Long.class)
			.optional()
			.flatMap(users::findById)
			.map(user -> candidate(user, AccountOrigin.OIDC))
			.orElse(null);
		List<User> sameAddress = email == null ? List.of() : users.findByAddress(email);
		Map<Long, AccountOrigin> elsewhere = origins.of(sameAddress.stream().map(User::getId).toList());
		List<FirstLogin.Candidate> byEmail = sameAddress.stream()
			.map(user -> candidate(user, elsewhere.getOrDefault(user.getId(), AccountOrigin.LOCAL)))
			.toList();
		FirstLogin.Decision decision = FirstLogin.decide(bySubject, Boolean.TRUE.equals(provided.getEmailVerified()),
				byEmail, settings.matchByEmail(), settings.createAccounts());
		User user;
		if (decision instanceof FirstLogin.Use use) {
			user = users.findById(use.userId()).orElseThrow();
		}
		else if (decision instanceof FirstLogin.Link link) {
			user = users.findById(link.userId()).orElseThrow();
			user.changePasswordHash(AccountOrigins.NO_LOCAL_PASSWORD);
			link(user, externalId);
		}
		else if (decision instanceof FirstLogin.Refuse refuse) {
			throw new Refused(refuse.problem(), "Single sign-on of " + externalId + " refused: " + refuse.problem());
		}
		else {
			user = create(provided, settings, externalId);
		}
		copy(provided, user);
		users.saveAndFlush(user);
		return new SsoUser(user, provided);
	}

	/** The subject as Guichet keeps it: unique across providers. */
	static String externalId(OidcUser provided) {
		return provided.getSubject() + " " + provided.getIdToken().getIssuer();
	}

	private User create(OidcUser provided, OidcSettings.Provider settings, String externalId) {
		String username = username(provided, settings.usernameClaim());
		if (users.existsByUsername(username)) {
			throw new Refused(FirstLogin.Problem.USERNAME_TAKEN,
					"Single sign-on of " + externalId + " refused: the user name " + username + " is taken");
		}
		User user = users.save(new User(username, AccountOrigins.NO_LOCAL_PASSWORD, fullName(provided, username),
				settings.newAccountRole(), clock.instant()));
		link(user, externalId);
		return user;
	}

	private void link(User user, String externalId) {
		jdbc.sql("""
				insert into directory_account (user_id, external_id, dn, synced_at, origin)
				values (?, ?, null, ?, 'OIDC')""")
			.params(user.id().value(), externalId, OffsetDateTime.now(clock))
			.update();
	}

	/** The provider's fields; the e-mail address only when it gives one. */
	private static void copy(OidcUser provided, User user) {
		user.setFullName(cut(fullName(provided, user.getUsername()), 120));
		String email = blankToNull(provided.getEmail());
		if (email != null && !Objects.equals(email, user.getEmail())) {
			user.setEmail(cut(email, 200));
		}
	}

	/**
	 * The user name of a new account: the claim's value, its characters outside those of a user
	 * name ({@code A-Z a-z 0-9 . _ - @}) made {@code _}, cut to 64; the subject when the claim is missing.
	 */
	static String username(OidcUser provided, String claim) {
		Object value = provided.getClaims().get(claim);
		String raw = value instanceof String text && !text.isBlank() ? text.strip() : provided.getSubject();
		return cut(raw.replaceAll("[^A-Za-z0-9._@-]", "_"), 64);
	}

	private static String fullName(OidcUser provided, String username) {
		String name = blankToNull(provided.getFullName());
		if (name != null) {
			return name;
		}
		String given = Objects.requireNonNullElse(blankToNull(provided.getGivenName()), "");
		String family = Objects.requireNonNullElse(blankToNull(provided.getFamilyName()), "");
		String both = (given + " " + family).strip();
		return both.isEmpty() ? username : both;
	}

	private static FirstLogin.Candidate candidate(User user, AccountOrigin origin) {
		return new FirstLogin.Candidate(user.id().value(), user.isActive(), user.getRole(), origin);
	}

	private static String cut(String value, int length) {
		return value.length() > length ? value.substring(0, length) : value;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}

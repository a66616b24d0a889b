package org.guichet.directory;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.guichet.system.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot password" for the accounts Guichet keeps the password of (never a directory account's). A person asks for a reset
 * by their login or e-mail address; the answer never says whether such an account exists. A
 * person with an e-mail address gets the reset link by mail ({@link ResetLinkRequested}); the
 * request of one without waits for an administrator, who issues a reset link ({@link #issue}) and
 * gives it to the person. A link holds a one-time secret, kept only as its
 * SHA-256 digest, valid {@link #VALIDITY}; a newer link or a reset ends it. A reset ends the
 * person's sessions ({@link PasswordWasReset}).
 */
@Service
@Transactional
public class PasswordResets {

	/** How long a reset link works. */
	public static final Duration VALIDITY = Duration.ofMinutes(30);

	/** Requests for one account within this time count once. */
	static final Duration ACCOUNT_INTERVAL = Duration.ofMinutes(5);

	/** Requests from one address within {@link #ADDRESS_WINDOW}, beyond which they are refused. */
	static final int ADDRESS_LIMIT = 5;

	static final Duration ADDRESS_WINDOW = Duration.ofMinutes(15);

	private final SecureRandom random = new SecureRandom();

	/** Each address's recent requests; per node, forgotten at a restart. */
	private final Map<String, Deque<Instant>> byAddress = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	private final UserRepository users;

	private final Accounts accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AccountOrigins origins;

	PasswordResets(JdbcClient jdbc, UserRepository users, Accounts accounts, ApplicationEventPublisher events,
			Clock clock, AccountOrigins origins) {
		this.origins = origins;
		this.jdbc = jdbc;
		this.users = users;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Answers a person's request for a reset when an active account has that login or e-mail
	 * address (case ignored) and neither asked nor got a link in the last {@link #ACCOUNT_INTERVAL}:
	 * an account with an e-mail address gets a new link ({@link #issue}) by mail
	 * ({@link ResetLinkRequested}, told in this transaction); one without is recorded for the
	 * administrators to see. Otherwise does nothing, and says nothing of it.
	 *
	 * @param loginOrEmail what the person typed, blank for nothing
	 * @param address the client's IP address, limited to {@link #ADDRESS_LIMIT} requests per
	 * {@link #ADDRESS_WINDOW}
	 * @return false when that address asked too often (whatever the account): nothing was done
	 */
	public boolean request(String loginOrEmail, String address) {
		Instant now = clock.instant();
		if (!allowed(address, now)) {
			return false;
		}
		String typed = loginOrEmail == null ? "" : loginOrEmail.strip();
		if (typed.isEmpty()) {
			return true;
		}
		Optional<Long> account = jdbc
			.sql("select id from app_user where active = true and (lower(username) = :typed or lower(email) = :typed)"
					+ " and not exists (select 1 from directory_account d where d.user_id = app_user.id)")
			.param("typed", typed.toLowerCase(Locale.ROOT))
			.query(Long.class)
			.list()
			.stream()
			.findFirst();
		account.ifPresent(userId -> {
			int recent = jdbc.sql("select count(*) from password_reset_request where user_id = :id and requested_at > :since")
				.param("id", userId)
				.param("since", Timestamp.from(now.minus(ACCOUNT_INTERVAL)))
				.query(Integer.class)
				.single()
					+ jdbc.sql("select count(*) from password_reset_token where user_id = :id and created_at > :since")
						.param("id", userId)
						.param("since", Timestamp.from(now.minus(ACCOUNT_INTERVAL)))
						.query(Integer.class)
						.single();
			if (recent > 0) {
				return;
			}
			User user = users.findById(userId).orElseThrow();
			if (user.getEmail() != null && !user.getEmail().isBlank()) {
				String secret = issue(user.id());
				events.publishEvent(new ResetLinkRequested(user.id(), secret, now.plus(VALIDITY)));
			}
			else {
				jdbc.sql("delete from password_reset_request where user_id = :id").param("id", userId).update();
				jdbc.sql("insert into password_reset_request (user_id, requested_at) values (:id, :at)")
					.param("id", userId)
					.param("at", Timestamp.from(now))
					.update();
			}
		});
		return true;
	}

	/**
	 * A new reset link's secret for that person, replacing any earlier one, valid
	 * {@link #VALIDITY}; their pending request, if any, is answered.
	 *
	 * @return the secret, shown once to the administrator for the reset link; never stored
	 * @throws org.guichet.system.NotFoundException when there is no such user
	 * @throws org.guichet.system.ConflictException for a directory account, whose password is the directory's
	 * ({@code password.directory}), and for a deactivated account, which cannot sign in whatever its
	 * password ({@code password.inactive}): a link would not work
	 */
	public String issue(UserId user) {
		User account = users.findById(user.value())
			.orElseThrow(() -> new org.guichet.system.NotFoundException("user.not-found", "No such user", user.value()));
		if (!account.isActive()) {
			throw new org.guichet.system.ConflictException("password.inactive",
					"This account is deactivated: activate it before issuing a reset link");
		}
		if (origins.fromDirectory(user)) {
			throw new org.guichet.system.ConflictException("password.directory",
					"The password of a directory account is the directory's: it cannot be reset in Guichet");
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		forget(user.value());
		jdbc.sql("insert into password_reset_token (user_id, token_digest, created_at, expires_at)"
				+ " values (:id, :digest, :now, :expires)")
			.param("id", user.value())
			.param("digest", ApiTokens.digest(secret))
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(VALIDITY)))
			.update();
		return secret;
	}

	/**
	 * Mails that person a new reset link ({@link #issue}), as a request of their own would: the
	 * welcome of an account created without a password.
	 *
	 * @throws org.guichet.system.NotFoundException when there is no such user
	 * @throws org.guichet.system.ConflictException for a directory account or a deactivated one
	 */
	public void mail(UserId user) {
		String secret = issue(user);
		events.publishEvent(new ResetLinkRequested(user, secret, clock.instant().plus(VALIDITY)));
	}

	/**
	 * The full name of the person a valid (unused, unexpired, not replaced) secret resets the
	 * password of; empty for any other secret.
	 */
	@Transactional(readOnly = true)
	public Optional<String> holder(String secret) {
		return valid(secret).flatMap(users::findById).map(User::getFullName);
	}

	/**
	 * Sets the password of the person the secret is for, under the password rules, and ends the
	 * secret, their pending request and their sessions.
	 *
	 * @throws InvalidInputException field {@code token} ({@code password-reset.invalid}) for a
	 * secret used, replaced, expired or unknown; field {@code newPassword} as
	 * {@link Accounts#encode} refuses it
	 */
	public void reset(String secret, String newPassword) {
		long userId = valid(secret).orElseThrow(() -> new InvalidInputException("token", "password-reset.invalid",
				"This reset link is used, replaced or expired: ask for a new one"));
		String hash = accounts.encode(newPassword);
		User user = users.findById(userId).orElseThrow();
		user.changePasswordHash(hash);
		forget(userId);
		events.publishEvent(new PasswordWasReset(user.id()));
	}

	/** The requests waiting for an administrator, oldest first. */
	@Transactional(readOnly = true)
	public List<PendingReset> pending() {
		return jdbc.sql("select r.user_id, u.username, u.full_name, r.requested_at from password_reset_request r"
				+ " join app_user u on u.id = r.user_id order by r.requested_at, r.user_id")
			.query((rs, row) -> new PendingReset(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	/** That person's request waiting for an administrator, if any. */
	@Transactional(readOnly = true)
	public Optional<Instant> pendingSince(UserId user) {
		return jdbc.sql("select requested_at from password_reset_request where user_id = :id")
			.param("id", user.value())
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	private Optional<Long> valid(String secret) {
		if (secret == null || secret.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql("select t.user_id from password_reset_token t join app_user u on u.id = t.user_id"
				+ " where t.token_digest = :digest and t.expires_at > :now and u.active = true")
			.param("digest", ApiTokens.digest(secret.strip()))
			.param("now", Timestamp.from(clock.instant()))
			.query(Long.class)
			.optional();
	}

	private void forget(long userId) {
		jdbc.sql("delete from password_reset_token where user_id = :id").param("id", userId).update();
		jdbc.sql("delete from password_reset_request where user_id = :id").param("id", userId).update();
	}

	private boolean allowed(String address, Instant now) {
		if (byAddress.size() > 10_000) {
			byAddress.values().removeIf(times -> times.isEmpty() || times.peekLast().isBefore(now.minus(ADDRESS_WINDOW)));
		}
		Deque<Instant> times = byAddress.computeIfAbsent(address, a -> new ArrayDeque<>());
		synchronized (times) {
			while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(ADDRESS_WINDOW))) {
				times.pollFirst();
			}
			if (times.size() >= ADDRESS_LIMIT) {
				return false;
			}
			times.addLast(now);
			return true;
		}
	}

	/**
	 * A request waiting for an administrator.
	 *
	 * @param requestedAt when the person asked, the latest time they did
	 */
	public record PendingReset(long userId, String username, String fullName, Instant requestedAt) {
	}

	/**
	 * A person asked for a reset and a new link was issued for them, to be mailed at once (the
	 * notifications module does it, in the transaction of the request). The secret is in no table
	 * of this module; whoever handles this event keeps it only as long as the mail needs it.
	 *
	 * @param secret the link's one-time secret: the link is {@code /password/reset?token=<secret>}
	 * @param expiresAt when the link stops working
	 */
	public record ResetLinkRequested(UserId user, String secret, Instant expiresAt) {

		@Override
		public String toString() {
			return "ResetLinkRequested[user=" + user + ", expiresAt=" + expiresAt + "]";
		}

	}

	/** Someone set a new password through a reset link: their open sessions end. */
	public record PasswordWasReset(UserId user) {
	}

}

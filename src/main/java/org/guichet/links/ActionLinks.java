package org.guichet.links;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

import org.guichet.directory.UserId;
import org.guichet.links.LinkConfiguration.LinkBaseUrl;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links that act without logging in: signed with the configured key, single-use, expiring. The
 * mails put them in ({@link #issue}); the page of each purpose reads them ({@link #check}) and,
 * on the POST that acts, uses them up in the transaction of the action ({@link #redeem}), so that
 * a failed action leaves the link usable and two simultaneous requests act once.
 */
@Service
@Transactional
public class ActionLinks {

	/** Longest validity accepted: beyond it, a link lying in a mailbox is a standing risk. */
	public static final Duration MAX_VALIDITY = Duration.ofDays(90);

	private final LinkSigner signer;

	private final LinkBaseUrl baseUrl;

	private final JdbcClient jdbc;

	private final Clock clock;

	ActionLinks(LinkSigner signer, LinkBaseUrl baseUrl, JdbcClient jdbc, Clock clock) {
		this.signer = signer;
		this.baseUrl = baseUrl;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A new link, recorded as issued, that lets {@code user} do {@code purpose} on
	 * {@code subjectId} once within {@code validity}, e.g.
	 * {@code https://guichet.example.org/links/ticket/accept.1042.7.1767225600.Xb…}. Nothing is
	 * checked about the subject: whether the action is still possible is decided when the link
	 * is opened.
	 *
	 * @param subjectId what the link acts on (for the ticket purposes, the ticket's id)
	 * @param user the person who receives the link and as whom it acts
	 * @param validity from now, at least a minute and at most {@link #MAX_VALIDITY}; the expiry is
	 * cut to whole seconds
	 * @return the absolute URL, from {@code guichet.base-url}
	 * @throws IllegalArgumentException for a validity outside those bounds
	 */
	public URI issue(LinkPurpose purpose, long subjectId, UserId user, Duration validity) {
		if (validity.compareTo(Duration.ofMinutes(1)) < 0 || validity.compareTo(MAX_VALIDITY) > 0) {
			throw new IllegalArgumentException("A link is valid between a minute and " + MAX_VALIDITY.toDays()
					+ " days, not " + validity);
		}
		Instant now = clock.instant();
		LinkClaim claim = new LinkClaim(purpose, subjectId, user.value(),
				now.plus(validity).truncatedTo(ChronoUnit.SECONDS), signer.nonce());
		jdbc.sql("insert into action_link (nonce, purpose, subject_id, user_id, issued_at, expires_at)"
				+ " values (:nonce, :purpose, :subject, :user, :now, :expires)")
			.param("nonce", claim.nonce())
			.param("purpose", purpose.code())
			.param("subject", subjectId)
			.param("user", user.value())
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(claim.expiresAt()))
			.update();
		return URI.create(baseUrl.value() + purpose.page() + signer.sign(claim));
	}

	/**
	 * What the token is worth now. A token is {@link LinkState.Invalid} when its signature does not
	 * match, it is malformed, its purpose is not among {@code purposes}, or no link with its nonce
	 * was issued here with the same purpose, subject and user.
	 *
	 * @param token the last segment of the link's path, as received
	 * @param purposes those the asking page redeems
	 */
	@Transactional(readOnly = true)
	public LinkState check(String token, Set<LinkPurpose> purposes) {
		Optional<LinkClaim> read = signer.read(token).filter(c -> purposes.contains(c.purpose()));
		if (read.isEmpty()) {
			return new LinkState.Invalid();
		}
		LinkClaim claim = read.get();
		Optional<Use> row = jdbc
			.sql("select used_at, outcome from action_link where nonce = :nonce and purpose = :purpose"
					+ " and subject_id = :subject and user_id = :user")
			.param("nonce", claim.nonce())
			.param("purpose", claim.purpose().code())
			.param("subject", claim.subjectId())
			.param("user", claim.userId())
			.query((rs, n) -> new Use(rs.getTimestamp(1), rs.getString(2)))
			.optional();
		if (row.isEmpty()) {
			return new LinkState.Invalid();
		}
		Timestamp usedAt = row.get().usedAt();
		if (usedAt != null) {
			return new LinkState.Used(claim, usedAt.toInstant(), String.valueOf(row.get().outcome()));
		}
		if (!clock.instant().isBefore(claim.expiresAt())) {
			return new LinkState.Expired(claim);
		}
		return new LinkState.Usable(claim);
	}

	/**
	 * Uses the link up, in the caller's transaction (required): the first of simultaneous
	 * callers wins, the others wait for its commit and lose; a rollback of the caller's
	 * transaction gives the link back.
	 *
	 * @param outcome what was done, shown when the link is opened again (at most 200 characters)
	 * @return false when the link was already used or has expired meanwhile: do not act
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean redeem(LinkClaim claim, String outcome) {
		Instant now = clock.instant();
		return jdbc
			.sql("update action_link set used_at = :now, outcome = :outcome"
					+ " where nonce = :nonce and used_at is null and expires_at > :now")
			.param("now", Timestamp.from(now))
			.param("outcome", outcome.length() <= 200 ? outcome : outcome.substring(0, 200))
			.param("nonce", claim.nonce())
			.update() == 1;
	}

	/**
	 * Deletes the links expired before {@code before}, used or not: opened after that, they read
	 * as invalid instead of expired or used.
	 *
	 * @return how many were deleted
	 */
	public int purge(Instant before) {
		return jdbc.sql("delete from action_link where expires_at < :before")
			.param("before", Timestamp.from(before))
			.update();
	}

	private record Use(@Nullable Timestamp usedAt, @Nullable String outcome) {
	}

}

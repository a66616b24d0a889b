package org.guichet.assist;

import java.time.Instant;
import java.util.Optional;

import org.guichet.directory.CurrentUser;
import org.guichet.tickets.TicketDetails;
import org.guichet.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The self-service part of a ticket's JSON ({@code selfService}): to its requester, the article
 * offered now ({@code offered}: id, title, confidence) while it stands; to anyone who sees the
 * ticket, how it was resolved by self-service ({@code resolved}: the article's id, when, the way
 * in). Absent when there is neither.
 */
@Component
class SelfServiceTicketDetails implements TicketDetails {

	private final SelfServiceOffers offers;

	private final JdbcClient jdbc;

	SelfServiceTicketDetails(SelfServiceOffers offers, JdbcClient jdbc) {
		this.offers = offers;
		this.jdbc = jdbc;
	}

	/**
	 * @param offered the article offered now, to the requester only; null otherwise
	 * @param resolved the self-service resolution; null when there was none
	 */
	record SelfServiceJson(SelfServiceOffers.@Nullable Offer offered, @Nullable Resolved resolved) {
	}

	/**
	 * @param articleId null when the article was deleted since
	 * @param resolvedAt UTC
	 * @param wayIn PORTAL, SIGNED_LINK or API
	 */
	record Resolved(@Nullable Long articleId, Instant resolvedAt, String wayIn) {
	}

	@Override
	public String name() {
		return "selfService";
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Object> of(TicketId ticket, CurrentUser reader) {
		Optional<Resolved> resolved = jdbc
			.sql("select article_id, resolved_at, way_in from self_service_offer where ticket_id = :ticket"
					+ " and resolved_at is not null")
			.param("ticket", ticket.value())
			.query((rs, row) -> new Resolved((Long) rs.getObject("article_id", Long.class),
					rs.getTimestamp("resolved_at").toInstant(),
					rs.getString("way_in")))
			.optional();
		SelfServiceOffers.Offer offered = resolved.isPresent() ? null : offers.offer(ticket, reader).orElse(null);
		if (offered == null && resolved.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new SelfServiceJson(offered, resolved.orElse(null)));
	}

}

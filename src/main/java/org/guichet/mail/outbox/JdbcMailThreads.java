package org.guichet.mail.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.guichet.mail.MailThreads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The table {@code mail_ticket_message}, read by primary key and by the index {@code (ticket_id, created_at)}. */
@Component
@Transactional
class JdbcMailThreads implements MailThreads {

	/**
	 * How many earlier Message-IDs a mail's {@code References} names at most: the ticket's first
	 * and its latest ones, as RFC 5322 advises when a chain grows long.
	 */
	static final int MOST_REFERENCES = 20;

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final Clock clock;

	JdbcMailThreads(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, Clock clock) {
		this.jdbc = jdbc;
		this.named = named;
		this.clock = clock;
	}

	@Override
	public void record(String messageId, long ticketId, boolean outgoing) {
		if (!known(messageId)) {
			insert(messageId, ticketId, outgoing);
		}
	}

	/** Records the Message-ID of a mail this desk writes about the ticket: made up just now, so never recorded before. */
	void recordSent(String messageId, long ticketId) {
		insert(messageId, ticketId, true);
	}

	private void insert(String messageId, long ticketId, boolean outgoing) {
		jdbc.update("insert into mail_ticket_message (message_id, ticket_id, outgoing, created_at) values (?, ?, ?, ?)",
				messageId, ticketId, outgoing, Timestamp.from(clock.instant()));
	}

	@Override
	public void opened(String messageId, long ticketId) {
		if (known(messageId)) {
			return;
		}
		Timestamp earliest = jdbc.queryForObject("select min(created_at) from mail_ticket_message where ticket_id = ?",
				Timestamp.class, ticketId);
		Instant first = earliest == null ? clock.instant() : earliest.toInstant().minusMillis(1);
		jdbc.update("insert into mail_ticket_message (message_id, ticket_id, outgoing, created_at) values (?, ?, false, ?)",
				messageId, ticketId, Timestamp.from(first));
		jdbc.update("""
				update mail_outbox
				set in_reply_to = coalesce(in_reply_to, ?),
				    reference_ids = case when reference_ids is null then ? else concat(?, ' ', reference_ids) end
				where ticket_id = ? and status = 'QUEUED'""", messageId, messageId, messageId, ticketId);
	}

	private boolean known(String messageId) {
		Integer count = jdbc.queryForObject("select count(*) from mail_ticket_message where message_id = ?",
				Integer.class, messageId);
		return count != null && count > 0;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Long> ticketOf(Collection<String> messageIds) {
		if (messageIds.isEmpty()) {
			return Optional.empty();
		}
		List<Long> tickets = named.queryForList(
				"select ticket_id from mail_ticket_message where message_id in (:ids) order by created_at desc",
				Map.of("ids", messageIds), Long.class);
		return tickets.stream().findFirst();
	}

	/**
	 * The Message-IDs of a ticket's mails so far, oldest first: its first one and the latest, at
	 * most {@link #MOST_REFERENCES} in all.
	 */
	@Transactional(readOnly = true)
	List<String> chain(long ticketId) {
		List<String> first = jdbc.queryForList(
				"select message_id from mail_ticket_message where ticket_id = ? order by created_at, message_id fetch first 1 rows only",
				String.class, ticketId);
		List<String> latest = jdbc.queryForList(
				"select message_id from mail_ticket_message where ticket_id = ? order by created_at desc, message_id desc fetch first "
						+ (MOST_REFERENCES - 1) + " rows only",
				String.class, ticketId);
		List<String> chain = new ArrayList<>(first);
		List<String> oldestFirst = new ArrayList<>(latest);
		Collections.reverse(oldestFirst);
		for (String id : oldestFirst) {
			if (!chain.contains(id)) {
				chain.add(id);
			}
		}
		return chain;
	}

}

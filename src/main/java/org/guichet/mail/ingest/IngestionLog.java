package org.guichet.mail.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.guichet.mail.ingest.Ingested.Outcome;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The table {@code mail_ingested}: one row per Message-ID a mailbox delivered, claimed first in the
 * transaction of what the message becomes (its unique Message-ID makes a second delivery wait for
 * the first and then fail), completed at its end.
 */
@Component
class IngestionLog {

	/** The longest Message-ID kept as it is; a longer one is kept as its digest. */
	static final int MESSAGE_ID_MAX = 240;

	private static final java.util.regex.Pattern CONTROLS = java.util.regex.Pattern
		.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]");

	/** The outcome of a row claimed by a transaction that has not finished yet. */
	private static final String CLAIMED = "CLAIMED";

	private static final String SELECT = "select id, message_id, outcome, ticket_id, comment_id, reason from mail_ingested";

	private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong(1), rs.getString(2),
			Outcome.valueOf(rs.getString(3)), rs.getObject(4, Long.class), rs.getObject(5, Long.class), rs.getString(6));

	private final JdbcTemplate jdbc;

	IngestionLog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A message already ingested: what it became. */
	record Row(long id, String messageId, Outcome outcome, @Nullable Long ticketId, @Nullable Long commentId,
			String reason) {
	}

	/** The Message-ID as stored: as it is, or {@code sha256-…@guichet.invalid} when it is too long. */
	static String storable(String messageId) {
		if (messageId.length() <= MESSAGE_ID_MAX) {
			return messageId;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8));
			return "sha256-" + HexFormat.of().formatHex(digest) + "@guichet.invalid";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The row of this Message-ID, when a committed transaction ingested it. */
	Optional<Row> find(String messageId) {
		return jdbc.query(SELECT + " where message_id = ?", ROW, messageId).stream().findFirst();
	}

	/**
	 * Claims the Message-ID for the current transaction.
	 *
	 * @return the row's id
	 * @throws org.springframework.dao.DataIntegrityViolationException when another transaction
	 *         ingested it (or, on some databases, is ingesting it)
	 */
	long claim(String messageId, long mailboxId, @Nullable String sender, String subject, Instant receivedAt) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var statement = connection.prepareStatement("insert into mail_ingested (message_id, mailbox_id, sender,"
					+ " subject, received_at, outcome, reason) values (?, ?, ?, ?, ?, ?, '')", new String[] { "id" });
			statement.setString(1, messageId);
			statement.setLong(2, mailboxId);
			statement.setString(3, sender == null ? null : cut(sender, 320));
			statement.setString(4, cut(subject, 1000));
			statement.setTimestamp(5, Timestamp.from(receivedAt));
			statement.setString(6, CLAIMED);
			return statement;
		}, key);
		return key.getKey().longValue();
	}

	/** Completes a claimed row with what the message became; the raw bytes are kept when given. */
	void complete(long id, Outcome outcome, @Nullable Long ticketId, @Nullable Long commentId, String reason,
			boolean answered, byte @Nullable [] raw) {
		jdbc.update("update mail_ingested set outcome = ?, ticket_id = ?, comment_id = ?, reason = ?, answered = ?,"
				+ " raw = ? where id = ?", outcome.name(), ticketId, commentId, cut(reason, 2000), answered, raw, id);
	}

	/** How many messages came from this sender since then (this one included when claimed). */
	int countFrom(String sender, Instant since) {
		Integer count = jdbc.queryForObject(
				"select count(*) from mail_ingested where sender = ? and received_at > ?", Integer.class, sender,
				Timestamp.from(since));
		return count == null ? 0 : count;
	}

	/** Whether this sender was answered a refusal since then. */
	boolean answeredSince(String sender, Instant since) {
		Integer count = jdbc.queryForObject("select count(*) from mail_ingested where sender = ? and received_at > ?"
				+ " and outcome = ? and answered = true", Integer.class, sender, Timestamp.from(since),
				Outcome.SENDER_REFUSED.name());
		return count != null && count > 0;
	}

	/** The row of a ticket's follow-up that came by mail, or of the mail that opened the ticket (comment null). */
	Optional<Row> ofTicket(long ticketId, @Nullable Long commentId) {
		String sql = SELECT + " where ticket_id = ?"
				+ (commentId == null ? " and comment_id is null and outcome = 'TICKET_CREATED'" : " and comment_id = ?")
				+ " order by id";
		Object[] arguments = commentId == null ? new Object[] { ticketId } : new Object[] { ticketId, commentId };
		return jdbc.query(sql, ROW, arguments).stream().findFirst();
	}

	/** The raw bytes kept with a row, when they were. */
	Optional<byte[]> raw(long id) {
		return jdbc.query("select raw from mail_ingested where id = ? and raw is not null",
				(rs, n) -> rs.getBytes(1), id).stream().findFirst();
	}

	private static String cut(String text, int length) {
		String kept = printable(text);
		return kept.length() > length ? kept.substring(0, length) : kept;
	}

	/**
	 * The text without control characters but tabs and line breaks: a mail may hold NUL bytes,
	 * which PostgreSQL refuses in text.
	 */
	static String printable(String text) {
		return CONTROLS.matcher(text).replaceAll("");
	}

}

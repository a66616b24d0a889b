package org.guichet.mail.mailbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.guichet.mail.MailboxDefinition;
import org.guichet.mail.MailboxDefinition.AfterIngest;
import org.guichet.mail.MailboxDefinition.Protocol;
import org.guichet.mail.MailboxDefinition.Security;
import org.guichet.mail.ingest.UnknownSenders;
import org.guichet.tickets.TicketType;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code mailbox} table and the POP3 UIDLs already read, in plain SQL that H2 and PostgreSQL both run. */
@Repository
class MailboxStore {

	private static final String COLUMNS = "id, name, address, protocol, host, port, security, username, password_secret, "
			+ "folder, after_ingest, move_to, poll_seconds, idle, enabled, group_id, ticket_type, category_id, "
			+ "unknown_senders, allowed, blocked, attachment_limit, version, last_poll_at, last_success_at, "
			+ "last_error_kind, last_error, failures, ingested_count";

	private static final RowMapper<StoredMailbox> ROW = MailboxStore::row;

	private final JdbcTemplate jdbc;

	MailboxStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<StoredMailbox> all() {
		return jdbc.query("select " + COLUMNS + " from mailbox order by name", ROW);
	}

	Optional<StoredMailbox> find(long id) {
		return jdbc.query("select " + COLUMNS + " from mailbox where id = ?", ROW, id).stream().findFirst();
	}

	/** The enabled mailboxes whose next reading is due at {@code now}. */
	List<StoredMailbox> due(Instant now) {
		return jdbc.query("select " + COLUMNS + " from mailbox where enabled = true and (next_poll_at is null "
				+ "or next_poll_at <= ?) order by id", ROW, Timestamp.from(now));
	}

	long insert(MailboxDefinition d, String passwordSecret, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var insert = connection.prepareStatement("insert into mailbox (name, address, protocol, host, port, security, "
					+ "username, password_secret, folder, after_ingest, move_to, poll_seconds, idle, enabled, group_id, "
					+ "ticket_type, category_id, unknown_senders, allowed, blocked, attachment_limit, version, failures, "
					+ "ingested_count, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)",
					new String[] { "id" });
			int i = bind(insert, d, passwordSecret);
			insert.setTimestamp(i, Timestamp.from(now));
			return insert;
		}, keys);
		return keys.getKeyAs(Number.class).longValue();
	}

	/** The mailbox's version, its row locked until the transaction ends; empty when it is gone. */
	Optional<Long> lockedVersion(long id) {
		return jdbc.queryForList("select version from mailbox where id = ? for update", Long.class, id).stream()
			.findFirst();
	}

	/** @return false when the mailbox is gone */
	boolean update(long id, MailboxDefinition d, String passwordSecret) {
		return jdbc.update(connection -> {
			var update = connection.prepareStatement("update mailbox set name = ?, address = ?, protocol = ?, host = ?, "
					+ "port = ?, security = ?, username = ?, password_secret = ?, folder = ?, after_ingest = ?, move_to = ?, "
					+ "poll_seconds = ?, idle = ?, enabled = ?, group_id = ?, ticket_type = ?, category_id = ?, "
					+ "unknown_senders = ?, allowed = ?, blocked = ?, attachment_limit = ?, version = version + 1, "
					+ "next_poll_at = null, failures = 0 where id = ?");
			int i = bind(update, d, passwordSecret);
			update.setLong(i, id);
			return update;
		}) == 1;
	}

	private static int bind(java.sql.PreparedStatement s, MailboxDefinition d, String passwordSecret) throws SQLException {
		int i = 1;
		s.setString(i++, d.name());
		s.setString(i++, d.address());
		s.setString(i++, d.protocol().name());
		s.setString(i++, d.host());
		s.setInt(i++, d.port());
		s.setString(i++, d.security().name());
		s.setString(i++, d.username());
		s.setString(i++, passwordSecret);
		s.setString(i++, d.folder());
		s.setString(i++, d.afterIngest().name());
		s.setString(i++, d.moveTo());
		s.setInt(i++, d.pollSeconds());
		s.setBoolean(i++, d.idle());
		s.setBoolean(i++, d.enabled());
		s.setLong(i++, d.groupId());
		s.setString(i++, d.type().name());
		s.setObject(i++, d.categoryId());
		s.setString(i++, d.unknownSenders().name());
		s.setString(i++, String.join("\n", d.allowed()));
		s.setString(i++, String.join("\n", d.blocked()));
		s.setLong(i++, d.attachmentLimit());
		return i;
	}

	/** @return false when the mailbox is gone */
	boolean enable(long id, boolean enabled) {
		return jdbc.update("update mailbox set enabled = ?, version = version + 1, next_poll_at = null, failures = 0 "
				+ "where id = ?", enabled, id) == 1;
	}

	boolean delete(long id) {
		return jdbc.update("delete from mailbox where id = ?", id) == 1;
	}

	/**
	 * Claims the mailbox for this node's reading, unless another node holds a claim younger than
	 * {@code timeout} or the mailbox was disabled or deleted meanwhile.
	 */
	boolean claim(long id, Instant now, Duration timeout) {
		return jdbc.update("update mailbox set claimed_at = ? where id = ? and enabled = true "
				+ "and (claimed_at is null or claimed_at < ?)", Timestamp.from(now), id,
				Timestamp.from(now.minus(timeout))) == 1;
	}

	void succeeded(long id, Instant now, Instant next, int ingested) {
		jdbc.update("update mailbox set claimed_at = null, last_poll_at = ?, last_success_at = ?, last_error_kind = null, "
				+ "last_error = null, failures = 0, next_poll_at = ?, ingested_count = ingested_count + ? where id = ?",
				Timestamp.from(now), Timestamp.from(now), Timestamp.from(next), ingested, id);
	}

	void failed(long id, Instant now, Instant next, FailureKind kind, String error, int ingested) {
		jdbc.update("update mailbox set claimed_at = null, last_poll_at = ?, last_error_kind = ?, last_error = ?, "
				+ "failures = failures + 1, next_poll_at = ?, ingested_count = ingested_count + ? where id = ?",
				Timestamp.from(now), kind.name(), error.length() > 2000 ? error.substring(0, 2000) : error,
				Timestamp.from(next), ingested, id);
	}

	/** Makes the mailbox due at once (IDLE saw a new message). */
	void dueNow(long id, Instant now) {
		jdbc.update("update mailbox set next_poll_at = ? where id = ?", Timestamp.from(now), id);
	}

	Set<String> seenUidls(long mailboxId) {
		return new HashSet<>(jdbc.queryForList("select uidl from mailbox_seen_uidl where mailbox_id = ?", String.class,
				mailboxId));
	}

	void seen(long mailboxId, String uidl, Instant now) {
		jdbc.update("insert into mailbox_seen_uidl (mailbox_id, uidl, seen_at) values (?, ?, ?)", mailboxId, uidl,
				Timestamp.from(now));
	}

	/** Forgets the UIDLs the server no longer lists (their messages were deleted by someone else). */
	void forgetUidls(long mailboxId, Collection<String> gone) {
		for (String uidl : gone) {
			jdbc.update("delete from mailbox_seen_uidl where mailbox_id = ? and uidl = ?", mailboxId, uidl);
		}
	}

	private static StoredMailbox row(ResultSet rs, int rowNum) throws SQLException {
		long categoryId = rs.getLong("category_id");
		Long category = rs.wasNull() ? null : categoryId;
		MailboxDefinition definition = new MailboxDefinition(rs.getString("name"), rs.getString("address"),
				Protocol.valueOf(rs.getString("protocol")), rs.getString("host"), rs.getInt("port"),
				Security.valueOf(rs.getString("security")), rs.getString("username"), null, rs.getString("folder"),
				AfterIngest.valueOf(rs.getString("after_ingest")), rs.getString("move_to"), rs.getInt("poll_seconds"),
				rs.getBoolean("idle"), rs.getBoolean("enabled"), rs.getLong("group_id"),
				TicketType.valueOf(rs.getString("ticket_type")), category,
				UnknownSenders.valueOf(rs.getString("unknown_senders")), lines(rs.getString("allowed")),
				lines(rs.getString("blocked")), rs.getLong("attachment_limit"));
		String kind = rs.getString("last_error_kind");
		return new StoredMailbox(rs.getLong("id"), definition, rs.getString("password_secret"), rs.getLong("version"),
				instant(rs.getTimestamp("last_poll_at")), instant(rs.getTimestamp("last_success_at")),
				kind == null ? null : FailureKind.valueOf(kind), rs.getString("last_error"), rs.getInt("failures"),
				rs.getLong("ingested_count"));
	}

	private static List<String> lines(String text) {
		return Arrays.stream(text.split("\n")).map(String::strip).filter(line -> !line.isEmpty()).toList();
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}

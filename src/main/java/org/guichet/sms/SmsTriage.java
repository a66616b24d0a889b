package org.guichet.sms;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.User;
import org.guichet.system.ForbiddenException;
import org.guichet.system.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SMS triage list: the texts from numbers no active person has (and the few the ingestion
 * could not make a ticket of, {@code FAILED}), for the agents of the SMS
 * group (any agent when no group is configured) and the administrators to handle (answer the
 * person by phone, register a ticket on their behalf, add the number to someone's profile), then
 * mark handled.
 */
@Service
@Transactional
public class SmsTriage {

	/** The most texts the list shows, the oldest first. */
	public static final int LIMIT = 200;

	/** A text waiting in the list. */
	public record Waiting(long id, String sender, String body, Instant receivedAt) {
	}

	private final JdbcClient jdbc;

	private final SupportGroupRepository groups;

	private final SmsSettings settings;

	private final Clock clock;

	SmsTriage(JdbcClient jdbc, SupportGroupRepository groups, SmsSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.groups = groups;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * The texts waiting, the oldest first, at most {@link #LIMIT}.
	 *
	 * @throws ForbiddenException when the reader may not see the list
	 */
	@Transactional(readOnly = true)
	public List<Waiting> waiting(CurrentUser reader) {
		requireTriager(reader);
		return jdbc.sql("select id, sender, body, received_at from sms_inbound where outcome in ('UNKNOWN_NUMBER', 'FAILED')"
				+ " and handled_at is null order by id fetch first " + LIMIT + " rows only")
			.query((row, n) -> new Waiting(row.getLong(1), row.getString(2), row.getString(3),
					row.getTimestamp(4).toInstant()))
			.list();
	}

	/**
	 * Marks a text handled: it leaves the list; who and when are kept.
	 *
	 * @throws ForbiddenException when the reader may not see the list
	 * @throws NotFoundException when no text of the list has that id (or it was handled already)
	 */
	public void handled(long id, CurrentUser by) {
		requireTriager(by);
		int marked = jdbc.sql("update sms_inbound set handled_at = :now, handled_by = :by where id = :id"
				+ " and outcome in ('UNKNOWN_NUMBER', 'FAILED') and handled_at is null")
			.param("now", Timestamp.from(clock.instant()))
			.param("by", by.id())
			.param("id", id)
			.update();
		if (marked == 0) {
			throw new NotFoundException("sms.triage.not-found", "No such text waiting", id);
		}
	}

	/** Whether the person sees the SMS triage list: an administrator, an agent of the SMS group (any agent without one). */
	@Transactional(readOnly = true)
	public boolean mayTriage(CurrentUser reader) {
		if (reader.role() == Role.ADMINISTRATOR) {
			return true;
		}
		if (!reader.isAgent()) {
			return false;
		}
		String group = settings.current().group().strip();
		if (group.isEmpty()) {
			return true;
		}
		return groups.findByName(group)
			.map(found -> found.getMembers().stream().map(User::getId).anyMatch(id -> id != null && id == reader.id()))
			.orElse(true);
	}

	private void requireTriager(CurrentUser reader) {
		if (!mayTriage(reader)) {
			throw new ForbiddenException("sms.triage.forbidden", "Only the agents of the SMS group handle the SMS triage list");
		}
	}

}

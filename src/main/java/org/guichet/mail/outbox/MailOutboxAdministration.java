package org.guichet.mail.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.guichet.system.NotFoundException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators see and do of mail out, for the page ({@code /admin/mail}) and the API
 * ({@code /api/v1/admin/mail}) alike: how many mails are in each state, the newest mails of a
 * state, and sending a failed mail again.
 */
@Service
@Transactional(readOnly = true)
public class MailOutboxAdministration {

	/** The most mails one listing gives, newest first. */
	public static final int MOST_LISTED = 100;

	private final OutboxMailRepository outbox;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	MailOutboxAdministration(OutboxMailRepository outbox, JdbcTemplate jdbc, Clock clock) {
		this.outbox = outbox;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** How many mails are in each state, every state present (0 when none). */
	public Map<OutboxStatus, Long> counts() {
		Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
		for (OutboxStatus status : OutboxStatus.values()) {
			counts.put(status, outbox.countByStatus(status));
		}
		return counts;
	}

	/**
	 * @param limit at most this many, from 1 to {@link #MOST_LISTED} (clamped into that range)
	 * @return the newest mails in that state, newest first
	 */
	public List<OutboxMail> newest(OutboxStatus status, int limit) {
		return outbox.findByStatusOrderByIdDesc(status, PageRequest.of(0, Math.max(1, Math.min(limit, MOST_LISTED))));
	}

	/**
	 * Queues a failed mail again, as it was written and with the same Message-ID (so that a mail
	 * client that did get it the first time shows it once), for the sender's next round: its attempts
	 * start again from none.
	 *
	 * @return true when queued again, false when the mail is no longer failed (sent again from
	 *         another tab, or by another administrator): it is left as it is
	 * @throws NotFoundException ({@code mail.outbox.not-failed}) when no mail has that number
	 */
	@Transactional
	public boolean resend(long id) {
		int queued = jdbc.update("update mail_outbox set status = 'QUEUED', attempts = 0, claimed_at = null, "
				+ "next_attempt_at = ? where id = ? and status = 'FAILED'", Timestamp.from(clock.instant()), id);
		if (queued == 0 && !outbox.existsById(id)) {
			throw new NotFoundException("mail.outbox.not-failed", "No failed mail with this number", id);
		}
		return queued == 1;
	}

	/** One mail, by its number. @throws NotFoundException ({@code mail.outbox.unknown}) when none has it */
	public OutboxMail get(long id) {
		return outbox.findById(id)
			.orElseThrow(() -> new NotFoundException("mail.outbox.unknown", "No mail has this number", id));
	}

}

package org.guichet.sms;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The {@code sms_outbox} table: a row per SMS, written in the caller's transaction. */
@Service
class DurableSmsOutbox implements SmsOutbox {

	private final JdbcClient jdbc;

	private final UserRepository users;

	private final SmsSettings settings;

	private final Clock clock;

	DurableSmsOutbox(JdbcClient jdbc, UserRepository users, SmsSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean queue(long recipientId, long ticketId, String text, String path) {
		if (!settings.enabled()) {
			return false;
		}
		Optional<String> number = users.findById(recipientId)
			.filter(User::isActive)
			.flatMap(user -> settings.numbers().e164(user.getPhone()));
		if (number.isEmpty()) {
			return false;
		}
		Instant now = clock.instant();
		jdbc.sql("insert into sms_outbox (recipient_id, to_number, ticket_id, body, status, attempts, created_at, next_attempt_at)"
				+ " values (:recipient, :number, :ticket, :body, 'PENDING', 0, :now, :now)")
			.param("recipient", recipientId)
			.param("number", number.get())
			.param("ticket", ticketId)
			.param("body", SmsText.compose(text, settings.absolute(path), settings.current().segments()))
			.param("now", Timestamp.from(now))
			.update();
		return true;
	}

	@Override
	public boolean enabled() {
		return settings.enabled();
	}

}

package org.guichet.sms;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.guichet.system.InvalidInputException;
import org.guichet.system.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What became of the SMS out, for the administrators (docs/SMS.md#administration): how many wait,
 * are being sent, went and failed; the failed ones with why, each sent again on demand; and a test
 * SMS to a number the administrator types.
 */
@Service
public class SmsDeliveries {

	/** How many failed and waiting SMS the page lists, newest first. */
	public static final int SHOWN = 100;

	/** The states of an SMS out, in the order it goes through them (or ends failed). */
	public static final List<String> STATUSES = List.of("PENDING", "SENDING", "SENT", "FAILED");

	/** One SMS of the outbox, as the page lists it. */
	public record Delivery(long id, String to, @Nullable String recipient, @Nullable Long ticketId, String body,
			int attempts, Instant createdAt, Instant nextAttemptAt, @Nullable String lastError) {
	}

	/** What the gateway answered a test SMS: its id of the message (maybe empty), or why it did not take it. */
	public record TestResult(String to, boolean sent, String answer) {
	}

	private final JdbcClient jdbc;

	private final SmsSettings settings;

	private final HttpGateways gateways;

	private final Clock clock;

	SmsDeliveries(JdbcClient jdbc, SmsSettings settings, HttpGateways gateways, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.gateways = gateways;
		this.clock = clock;
	}

	/** How many SMS are in each status ({@code PENDING}, {@code SENDING}, {@code SENT}, {@code FAILED}), 0 for none. */
	@Transactional(readOnly = true)
	public Map<String, Long> counts() {
		Map<String, Long> counts = jdbc.sql("select status, count(*) from sms_outbox group by status")
			.query((row, n) -> Map.entry(row.getString(1), row.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		for (String status : STATUSES) {
			counts.putIfAbsent(status, 0L);
		}
		return counts;
	}

	/** The newest {@value #SHOWN} SMS in {@code status}, one of {@link #STATUSES}, newest first. */
	@Transactional(readOnly = true)
	public List<Delivery> newest(String status) {
		return jdbc.sql("""
				select o.id, o.to_number, u.full_name, o.ticket_id, o.body, o.attempts, o.created_at, o.next_attempt_at,
				       o.last_error
				from sms_outbox o left join app_user u on u.id = o.recipient_id
				where o.status = :status order by o.id desc fetch first %d rows only""".formatted(SHOWN))
			.param("status", status)
			.query((row, n) -> {
				long ticket = row.getLong(4);
				Long ticketId = row.wasNull() ? null : ticket;
				return new Delivery(row.getLong(1), row.getString(2), row.getString(3), ticketId, row.getString(5),
						row.getInt(6), row.getTimestamp(7).toInstant(), row.getTimestamp(8).toInstant(), row.getString(9));
			})
			.list();
	}

	/**
	 * Queues a failed SMS again, as it was written, for the sender's next round (its attempts
	 * counted afresh). An SMS no longer failed (sent again from another tab, or by another
	 * administrator) is left as it is.
	 *
	 * @return false when the SMS was no longer failed
	 * @throws NotFoundException when no SMS has this id
	 */
	@Transactional
	public boolean resend(long id) {
		int queued = jdbc.sql("update sms_outbox set status = 'PENDING', attempts = 0, next_attempt_at = :now"
				+ " where id = :id and status = 'FAILED'")
			.param("now", Timestamp.from(clock.instant()))
			.param("id", id)
			.update();
		if (queued == 0 && jdbc.sql("select count(*) from sms_outbox where id = :id").param("id", id).query(Integer.class)
			.single() == 0) {
			throw new NotFoundException("sms.outbox.not-failed", "No failed SMS with this number", id);
		}
		return queued > 0;
	}

	/**
	 * Sends a test SMS now, straight through the gateway in force rather than the outbox: the
	 * administrator sees at once what the gateway answered, and a test is about no ticket (what
	 * the outbox's rows are for: retries and the follow-up of an answer).
	 *
	 * @param number the number, with its country code or national in the default region
	 * @throws InvalidInputException (field {@code testNumber}) when it is no valid number, or no
	 *         gateway is chosen
	 */
	public TestResult sendTest(String number, String text) {
		String to = settings.numbers()
			.e164(number)
			.orElseThrow(() -> new InvalidInputException("testNumber", "sms.admin.number.invalid",
					"Not a valid phone number: type it with its country code (+33 6 12 34 56 78)", number.strip()));
		SmsProperties current = settings.current();
		if (current.provider() == SmsProperties.Provider.NONE) {
			throw new InvalidInputException("testNumber", "sms.admin.test.no-gateway",
					"Choose a gateway and save the page first");
		}
		try {
			return new TestResult(to, true, gateways.of(current).send(to, SmsText.compose(text, null, current.segments())));
		}
		catch (SmsGateway.Failure ex) {
			return new TestResult(to, false, ex.getMessage());
		}
	}

}

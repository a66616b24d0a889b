package org.guichet.sms;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.guichet.directory.AddressBook;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.User;
import org.guichet.sms.SmsIngested.Outcome;
import org.guichet.tickets.Channel;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.Status;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Texts in (docs/SMS.md#sms-in): each one is claimed by its gateway and message id in
 * {@code sms_inbound} and becomes, in the same transaction, a follow-up on the ticket the last
 * SMS sent to that number was about (within the follow-up window), else a new ticket (channel
 * SMS) for the person whose phone it is, or, from a number no active person has, a line of the
 * SMS triage list. A second delivery of the same message, even at the same moment, does nothing
 * again.
 */
@Service
public class SmsIngestion {

	private static final Logger log = LoggerFactory.getLogger(SmsIngestion.class);

	/** How long a second delivery waits for the first one's transaction to end. */
	private static final Duration CLAIM_WAIT = Duration.ofSeconds(10);

	/** How many last digits of a number find its candidates in the directory. */
	private static final int MATCHED_DIGITS = 8;

	/** The longest text kept (10 concatenated segments). */
	static final int TEXT_MAX = 1600;

	private final JdbcClient jdbc;

	private final TicketManagement tickets;

	private final AddressBook people;

	private final SupportGroupRepository groups;

	private final SmsSettings settings;

	private final TransactionTemplate transactions;

	private final MessageSource messages;

	private final Locale deskLocale;

	private final Clock clock;

	SmsIngestion(JdbcClient jdbc, TicketManagement tickets, AddressBook people, SupportGroupRepository groups,
			SmsSettings settings, PlatformTransactionManager transactionManager, MessageSource messages,
			@Value("${guichet.default-language:fr}") String defaultLanguage, Clock clock) {
		this.messages = messages;
		this.deskLocale = Locale.forLanguageTag(defaultLanguage);
		this.jdbc = jdbc;
		this.tickets = tickets;
		this.people = people;
		this.groups = groups;
		this.settings = settings;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Ingests one text, once per gateway and message id.
	 *
	 * @throws IllegalArgumentException when the message id is blank or longer than
	 *         {@link InboundSms#MESSAGE_ID_MAX}
	 */
	public SmsIngested ingest(InboundSms sms) {
		if (sms.messageId().isBlank() || sms.messageId().length() > InboundSms.MESSAGE_ID_MAX) {
			throw new IllegalArgumentException("a message id of 1 to " + InboundSms.MESSAGE_ID_MAX + " characters");
		}
		Instant deadline = clock.instant().plus(CLAIM_WAIT);
		while (true) {
			Optional<SmsIngested> earlier = earlier(sms);
			if (earlier.isPresent()) {
				return earlier.get();
			}
			try {
				SmsIngested done = transactions.execute(status -> run(sms));
				if (done == null) {
					throw new IllegalStateException("the ingestion's transaction gave nothing");
				}
				log.debug("SMS {} {} from {}: {} {}", sms.gateway(), sms.messageId(), sms.from(), done.outcome(),
						done.ticketId() == null ? "" : "#" + done.ticketId());
				return done;
			}
			catch (DataIntegrityViolationException | TransientDataAccessException ex) {
				// another delivery of the same message holds or wrote its row: its outcome is ours
				if (clock.instant().isAfter(deadline)) {
					throw ex;
				}
				pause();
			}
		}
	}

	private Optional<SmsIngested> earlier(InboundSms sms) {
		return jdbc.sql("select outcome, ticket_id from sms_inbound where gateway = :gateway and message_id = :id")
			.param("gateway", sms.gateway())
			.param("id", sms.messageId())
			.query((row, n) -> {
				long ticket = row.getLong(2);
				Long ticketId = row.wasNull() ? null : ticket;
				return new SmsIngested(Outcome.ALREADY_INGESTED, ticketId, "ingested before: " + row.getString(1));
			})
			.optional();
	}

	private SmsIngested run(InboundSms sms) {
		Instant now = clock.instant();
		Optional<String> number = settings.numbers().e164(sms.from());
		String sender = number.orElse(cut(sms.from().strip(), 40));
		String recipient = settings.numbers().e164(sms.to()).orElse(cut(sms.to().strip(), 40));
		String text = cut(sms.text().strip(), TEXT_MAX);
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into sms_inbound (gateway, message_id, sender, recipient, body, received_at, outcome, reason)"
				+ " values (:gateway, :id, :sender, :recipient, :body, :at, :outcome, '')")
			.param("gateway", sms.gateway())
			.param("id", sms.messageId())
			.param("sender", sender)
			.param("recipient", recipient)
			.param("body", text)
			.param("at", Timestamp.from(now))
			.param("outcome", Outcome.UNKNOWN_NUMBER.name())
			.update(keys, "id");
		long row = Objects.requireNonNull(keys.getKey(), "the claimed row's id").longValue();
		User author = number.flatMap(this::personWith).orElse(null);
		if (author == null) {
			return done(row, Outcome.UNKNOWN_NUMBER, null, null,
					number.isEmpty() ? "not a phone number: " + sender : "no active person has " + sender);
		}
		CurrentUser by = new CurrentUser(author);
		String body = text.isEmpty() ? messages.getMessage("sms.ingest.no-text", null, deskLocale) : text;
		Optional<Ticket> answered = answered(number.get(), by, now);
		if (answered.isPresent() && !isOver(answered.get())) {
			TicketId id = answered.get().id();
			tickets.comment(id, body, false, by);
			return done(row, Outcome.FOLLOW_UP, author.getId(), id.value(), "answers the SMS about " + id);
		}
		Long followUpOf = answered.map(ticket -> ticket.id().value()).orElse(null);
		Ticket ticket = tickets.registerBySms(new NewTicket(TicketType.INCIDENT, title(body), body, null, Channel.SMS,
				null, Urgency.MEDIUM, null, List.of(), followUpOf), "SMS " + recipient, groupId(), by);
		return done(row, Outcome.TICKET_CREATED, author.getId(), ticket.id().value(),
				followUpOf == null ? "" : "answers the SMS about closed ticket #" + followUpOf);
	}

	/** The one active person whose phone is this number; nobody when none or several have it. */
	private Optional<User> personWith(String e164) {
		List<User> owners = people.withPhoneEnding(PhoneNumbers.lastDigits(e164, MATCHED_DIGITS))
			.stream()
			.filter(User::isActive)
			.filter(user -> settings.numbers().e164(user.getPhone()).filter(e164::equals).isPresent())
			.toList();
		if (owners.size() > 1) {
			log.info("SMS from {}: {} active people have that number, none chosen", e164, owners.size());
		}
		return owners.size() == 1 ? Optional.of(owners.get(0)) : Optional.empty();
	}

	/**
	 * The ticket of the last SMS sent to that number within the follow-up window (sent, or being
	 * sent: the answer may come before the gateway's answer is recorded), when its sender may see it.
	 */
	private Optional<Ticket> answered(String e164, CurrentUser by, Instant now) {
		Instant since = now.minus(settings.current().followUpWindow());
		return jdbc.sql("select ticket_id from sms_outbox where to_number = :number and ticket_id is not null"
				+ " and status in ('SENDING', 'SENT') and created_at >= :since order by created_at desc, id desc fetch first 1 rows only")
			.param("number", e164)
			.param("since", Timestamp.from(since))
			.query(Long.class)
			.optional()
			.flatMap(id -> tickets.findVisible(new TicketId(id), by));
	}

	private static boolean isOver(Ticket ticket) {
		return ticket.getStatus() == Status.CLOSED || ticket.getStatus() == Status.CANCELLED;
	}

	private @Nullable Long groupId() {
		String name = settings.current().group().strip();
		return name.isEmpty() ? null : groups.findByName(name).map(SupportGroup::getId).orElse(null);
	}

	private SmsIngested done(long row, Outcome outcome, @Nullable Long userId, @Nullable Long ticketId, String reason) {
		jdbc.sql("update sms_inbound set outcome = :outcome, user_id = :user, ticket_id = :ticket, reason = :reason where id = :id")
			.param("outcome", outcome.name())
			.param("user", userId)
			.param("ticket", ticketId)
			.param("reason", cut(reason, 500))
			.param("id", row)
			.update();
		return new SmsIngested(outcome, ticketId, reason);
	}

	/** The ticket's title: the text's first line, cut at a word near 80 characters. */
	static String title(String text) {
		String line = text.strip().lines().findFirst().orElse("").strip();
		if (line.length() <= 80) {
			return line;
		}
		int space = line.lastIndexOf(' ', 80);
		return (space > 40 ? line.substring(0, space) : line.substring(0, 80)) + "…";
	}

	private static String cut(String text, int length) {
		return text.length() > length ? text.substring(0, length) : text;
	}

	private static void pause() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for another delivery of the same SMS", ex);
		}
	}

}

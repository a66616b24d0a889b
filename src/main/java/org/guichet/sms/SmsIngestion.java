package org.guichet.sms;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.guichet.directory.AddressBook;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.User;
import org.guichet.sms.SmsIngested.Outcome;
import org.guichet.text.Titles;
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
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a text becomes (docs/SMS.md#sms-in): the ingestion of the texts {@link SmsInbox} accepted.
 * Each round claims the oldest text still {@link Outcome#ACCEPTED} ({@code for update skip locked}:
 * two threads or nodes never take the same one) and, in that transaction, makes it a follow-up on
 * the ticket the last SMS sent to that number was about (within the follow-up window), else a new
 * ticket (channel SMS) for the person whose phone it is, or, from a number no active person has, a
 * line of the SMS triage list; the row's outcome is written in the same transaction, so a text is
 * ingested once, and one whose transaction did not commit (a crash, a lock) is taken again at the
 * next round.
 */
@Service
class SmsIngestion {

	private static final Logger log = LoggerFactory.getLogger(SmsIngestion.class);

	/** A ticket's title is the SMS's first line, cut at a word near this many characters. */
	private static final int TITLE_NEAR = 80;

	/** A text accepted and not yet ingested, as its row holds it. */
	private record Waiting(long id, String gateway, String messageId, String from, String to, String text,
			Instant receivedAt) {
	}

	private final JdbcClient jdbc;

	private final TicketManagement tickets;

	private final AddressBook people;

	private final SupportGroupRepository groups;

	private final SmsSettings settings;

	private final TransactionTemplate transactions;

	private final MessageSource messages;

	private final Locale deskLocale;

	SmsIngestion(JdbcClient jdbc, TicketManagement tickets, AddressBook people, SupportGroupRepository groups,
			SmsSettings settings, PlatformTransactionManager transactionManager, MessageSource messages,
			@Value("${guichet.default-language:fr}") String defaultLanguage) {
		this.messages = messages;
		this.deskLocale = Locale.forLanguageTag(defaultLanguage);
		this.jdbc = jdbc;
		this.tickets = tickets;
		this.people = people;
		this.groups = groups;
		this.settings = settings;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Ingests the oldest text waiting that no other thread holds. A refusal that trying again would
	 * not change makes the text {@link Outcome#FAILED} (it waits in the triage list).
	 *
	 * @return whether a text was taken (ingested or failed); {@code false} when none waits
	 * @throws TransientDataAccessException, DataAccessResourceFailureException or
	 *         TransactionException when the database could not do it now: the text stays waiting
	 *         for a later round
	 */
	boolean ingestNext() {
		AtomicLong claimed = new AtomicLong();
		try {
			Boolean taken = transactions.execute(status -> {
				Optional<Waiting> next = jdbc.sql("select id, gateway, message_id, sender, recipient, body, received_at"
						+ " from sms_inbound where outcome = 'ACCEPTED' order by id fetch first 1 rows only for update skip locked")
					.query((row, n) -> new Waiting(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
							row.getString(5), row.getString(6), row.getTimestamp(7).toInstant()))
					.optional();
				next.ifPresent(sms -> {
					claimed.set(sms.id());
					SmsIngested done = ingest(sms);
					log.debug("SMS {} {} from {}: {} {}", sms.gateway(), sms.messageId(), sms.from(), done.outcome(),
							done.ticketId() == null ? "" : "#" + done.ticketId());
				});
				return next.isPresent();
			});
			return Boolean.TRUE.equals(taken);
		}
		catch (TransientDataAccessException | DataAccessResourceFailureException | TransactionException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			if (claimed.get() == 0) {
				throw ex;
			}
			log.warn("SMS {} could not be ingested: it waits in the SMS triage list", claimed.get(), ex);
			transactions.executeWithoutResult(status -> jdbc
				.sql("update sms_inbound set outcome = :outcome, reason = :reason where id = :id and outcome = 'ACCEPTED'")
				.param("outcome", Outcome.FAILED.name())
				.param("reason", cut("not ingested: " + ex, 500))
				.param("id", claimed.get())
				.update());
			return true;
		}
	}

	private SmsIngested ingest(Waiting sms) {
		Optional<String> number = settings.numbers().e164(sms.from());
		String sender = number.orElse(sms.from());
		String recipient = settings.numbers().e164(sms.to()).orElse(sms.to());
		Row row = new Row(sms.id(), sender, recipient);
		User author = number.flatMap(this::personWith).orElse(null);
		if (author == null) {
			return done(row, Outcome.UNKNOWN_NUMBER, null, null,
					number.isEmpty() ? "not a phone number: " + sender : "no active person has " + sender);
		}
		CurrentUser by = new CurrentUser(author);
		String body = sms.text().isEmpty() ? messages.getMessage("sms.ingest.no-text", null, deskLocale) : sms.text();
		Optional<Ticket> answered = answered(number.get(), by, sms.receivedAt());
		if (answered.isPresent() && !isOver(answered.get())) {
			TicketId id = answered.get().id();
			tickets.comment(id, body, false, by);
			return done(row, Outcome.FOLLOW_UP, author.getId(), id.value(), "answers the SMS about " + id);
		}
		Long followUpOf = answered.map(ticket -> ticket.id().value()).orElse(null);
		Ticket ticket = tickets.registerBySms(new NewTicket(TicketType.INCIDENT, Titles.firstLine(body, TITLE_NEAR), body, null, Channel.SMS,
				null, Urgency.MEDIUM, null, List.of(), followUpOf), "SMS " + recipient, groupId(), by);
		return done(row, Outcome.TICKET_CREATED, author.getId(), ticket.id().value(),
				followUpOf == null ? "" : "answers the SMS about closed ticket #" + followUpOf);
	}

	/** The row being ingested and its numbers in E.164 where they read as numbers. */
	private record Row(long id, String sender, String recipient) {
	}

	/** The one active person whose phone is this number; nobody when none or several have it. */
	private Optional<User> personWith(String e164) {
		List<User> owners = people.withPhoneEnding(PhoneNumbers.lastDigits(e164, AddressBook.PHONE_TAIL_DIGITS))
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
	 * The ticket of the last SMS sent to that number within the follow-up window before the text
	 * arrived (sent, or being
	 * sent: the answer may come before the gateway's answer is recorded), when its sender may see it.
	 */
	private Optional<Ticket> answered(String e164, CurrentUser by, Instant received) {
		Instant since = received.minus(settings.current().followUpWindow());
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

	private SmsIngested done(Row row, Outcome outcome, @Nullable Long userId, @Nullable Long ticketId, String reason) {
		jdbc.sql("update sms_inbound set outcome = :outcome, sender = :sender, recipient = :recipient, user_id = :user,"
				+ " ticket_id = :ticket, reason = :reason where id = :id")
			.param("outcome", outcome.name())
			.param("sender", row.sender())
			.param("recipient", row.recipient())
			.param("user", userId)
			.param("ticket", ticketId)
			.param("reason", cut(reason, 500))
			.param("id", row.id())
			.update();
		return new SmsIngested(outcome, ticketId, reason);
	}

	static String cut(String text, int length) {
		return text.length() > length ? text.substring(0, length) : text;
	}

}

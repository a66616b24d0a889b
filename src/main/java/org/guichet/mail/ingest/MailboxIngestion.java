package org.guichet.mail.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.InternetAddress;
import org.guichet.directory.AddressBook;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.User;
import org.guichet.mail.MailThreads;
import org.guichet.mail.inbound.InboundMail;
import org.guichet.mail.inbound.InboundMail.LeftOutPart;
import org.guichet.mail.inbound.InboundMail.MailPart;
import org.guichet.mail.inbound.InboundMails;
import org.guichet.mail.inbound.MailClassification;
import org.guichet.mail.ingest.Ingested.Outcome;
import org.guichet.mail.outbox.AddressMails;
import org.guichet.mail.outbox.MailSettings;
import org.guichet.tickets.Attachment;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Comment;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.Status;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ingestion of mail (docs/MAIL.md#from-mail-to-ticket): each message is claimed by its
 * Message-ID in {@code mail_ingested}, then becomes, in the same transaction, a new ticket, a
 * follow-up, a recorded bounce, or nothing (automatic mail, dropped, refused sender).
 * <p>
 * A message that the rules cannot turn into a ticket (a refusal of the tickets module, anything
 * unexpected) becomes, in a second transaction, a plain ticket with its {@code .eml}: nothing is
 * lost. Only an infrastructure failure (the database away) is thrown, for the mailbox to retry.
 * Several messages may share one transaction ({@link #ingestTogether}): all commit, or none and
 * the caller ingests each alone.
 */
@Service
class MailboxIngestion implements MailIngestion {

	private static final Logger log = LoggerFactory.getLogger(MailboxIngestion.class);

	/**
	 * What an operator looks for in the log, at INFO; the everyday tickets, follow-ups and automatic
	 * mails at DEBUG, kept in the ingested messages' table anyway (a busy mailbox wrote a line a message).
	 */
	private static final Set<Outcome> NOTABLE = EnumSet.of(Outcome.BOUNCE, Outcome.SENDER_REFUSED, Outcome.DROPPED);

	private static final Pattern DIAGNOSTIC = Pattern.compile("(?im)^Diagnostic-Code:\\s*(?:smtp;\\s*)?(.+)$");

	private static final Pattern STATUS = Pattern.compile("(?im)^Status:\\s*([245]\\.\\d{1,3}\\.\\d{1,3})");

	/** How long a second delivery waits for the first one's transaction to end, on databases that do not make it wait. */
	private static final Duration CLAIM_WAIT = Duration.ofSeconds(10);

	private final IngestionLog ingested;

	private final MailThreads threads;

	private final TicketManagement tickets;

	private final AddressBook people;

	private final AddressMails answers;

	private final MailSettings mailSettings;

	private final MessageSource messages;

	private final TransactionTemplate transactions;

	private final Locale deskLocale;

	private final int maxPerSenderPerHour;

	private final Clock clock;

	MailboxIngestion(IngestionLog ingested, MailThreads threads, TicketManagement tickets, AddressBook people,
			AddressMails answers, MailSettings mailSettings, MessageSource messages,
			PlatformTransactionManager transactionManager,
			@Value("${guichet.default-language:fr}") String defaultLanguage,
			@Value("${guichet.mail.inbound.max-per-sender-per-hour:30}") int maxPerSenderPerHour, Clock clock) {
		this.ingested = ingested;
		this.threads = threads;
		this.tickets = tickets;
		this.people = people;
		this.answers = answers;
		this.mailSettings = mailSettings;
		this.messages = messages;
		this.transactions = new TransactionTemplate(transactionManager);
		this.deskLocale = Locale.forLanguageTag(defaultLanguage);
		this.maxPerSenderPerHour = maxPerSenderPerHour;
		this.clock = clock;
	}

	@Override
	public Ingested ingest(MailboxPolicy mailbox, byte[] raw) {
		InboundMail mail = InboundMails.read(raw, mailbox.attachmentLimit());
		String messageId = IngestionLog.storable(mail.messageId());
		Instant deadline = clock.instant().plus(CLAIM_WAIT);
		while (true) {
			Optional<IngestionLog.Row> earlier = ingested.find(messageId);
			if (earlier.isPresent()) {
				return already(earlier.get());
			}
			Ingestion ingestion = new Ingestion(mailbox, mail, messageId);
			try {
				return ingestion.logged(inTransaction(ingestion::run));
			}
			catch (ClaimedElsewhere claimed) {
				// Another delivery of the same message holds it: its outcome, once it commits, is ours.
				if (clock.instant().isAfter(deadline)) {
					throw claimed.getCause();
				}
				pause();
			}
			catch (RuntimeException ex) {
				if (infrastructure(ex)) {
					throw ex;
				}
				Optional<IngestionLog.Row> meanwhile = ingested.find(messageId);
				if (meanwhile.isPresent()) {
					return already(meanwhile.get());
				}
				log.warn("Mail {} could not be ingested by the rules, kept as a plain ticket: {}", messageId, ex.toString());
				Ingestion plain = new Ingestion(mailbox, mail, messageId);
				return plain.logged(inTransaction(() -> plain.fallback(ex)));
			}
		}
	}

	@Override
	public List<Ingested> ingestTogether(MailboxPolicy mailbox, List<byte[]> raws) {
		List<Ingestion> each = new ArrayList<>(raws.size());
		for (byte[] raw : raws) {
			InboundMail mail = InboundMails.read(raw, mailbox.attachmentLimit());
			each.add(new Ingestion(mailbox, mail, IngestionLog.storable(mail.messageId())));
		}
		List<Ingested> committed = transactions.execute(status -> {
			List<Ingested> done = new ArrayList<>(each.size());
			for (Ingestion ingestion : each) {
				// what this transaction already wrote counts: a Message-ID given twice is ingested once
				done.add(ingested.find(ingestion.messageId).map(MailboxIngestion::already).orElseGet(ingestion::run));
			}
			return done;
		});
		if (committed == null || committed.size() != each.size()) {
			throw new IllegalStateException("the ingestion's transaction gave nothing");
		}
		for (int i = 0; i < each.size(); i++) {
			each.get(i).logged(committed.get(i));
		}
		return committed;
	}

	private Ingested inTransaction(Supplier<Ingested> work) {
		Ingested result = transactions.execute(status -> work.get());
		if (result == null) {
			throw new IllegalStateException("the ingestion's transaction gave nothing");
		}
		return result;
	}

	private static Ingested already(IngestionLog.Row row) {
		return new Ingested(Outcome.ALREADY_INGESTED, row.messageId(), row.ticketId(),
				"ingested before: " + row.outcome() + (row.reason().isEmpty() ? "" : " (" + row.reason() + ")"));
	}

	/** A failure the mailbox should retry, rather than a message the rules could not take. */
	private static boolean infrastructure(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof RecoverableDataAccessException || cause instanceof TransactionException) {
				return true;
			}
		}
		return false;
	}

	private static void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for another delivery of the same mail", ex);
		}
	}

	/** The Message-ID is being or was ingested by another transaction. */
	private static final class ClaimedElsewhere extends RuntimeException {

		ClaimedElsewhere(RuntimeException cause) {
			super(cause);
		}

		@Override
		public synchronized RuntimeException getCause() {
			return (RuntimeException) super.getCause();
		}

	}

	/** What one message becomes, inside its transaction. */
	private final class Ingestion {

		private final MailboxPolicy mailbox;

		private final InboundMail mail;

		private final String messageId;

		private final @Nullable String sender;

		private final Instant now = clock.instant();

		private final List<String> notes = new ArrayList<>();

		private long row;

		/** Whether the author's account waits for the IT team to confirm it (see {@link UnknownSenders#TRIAGE}). */
		private boolean triage;

		Ingestion(MailboxPolicy mailbox, InboundMail mail, String messageId) {
			this.mailbox = mailbox;
			this.mail = mail;
			this.messageId = messageId;
			InboundMail.MailAddress from = mail.from();
			this.sender = from == null ? null : MailSubjects.normalised(from.address());
		}

		Ingested run() {
			claim();
			if (sender != null && isOwnAddress(sender)) {
				return done(Outcome.DROPPED, null, null, "from Guichet's own address " + sender, false, false);
			}
			MailClassification kind = mail.classification();
			switch (kind.kind()) {
				case BOUNCE:
					return bounce(kind);
				case AUTO_REPLY, LIST, BULK:
					return done(Outcome.AUTOMATIC, null, null, kind.kind() + ": " + kind.reason(), false, false);
				case NORMAL:
					break;
			}
			if (sender != null) {
				Optional<String> blocked = SenderRules.blockedBy(sender, mailbox);
				if (blocked.isPresent()) {
					return done(Outcome.DROPPED, null, null, "blocked by " + blocked.get(), false, false);
				}
				int lastHour = ingested.countFrom(sender, now.minus(Duration.ofHours(1)));
				if (lastHour > maxPerSenderPerHour) {
					if (lastHour == maxPerSenderPerHour + 1) {
						log.warn("Mail from {} dropped: more than {} mails in an hour (a loop?); the next ones are"
								+ " dropped without a word until the rate falls", sender, maxPerSenderPerHour);
					}
					return done(Outcome.DROPPED, null, null,
							"more than " + maxPerSenderPerHour + " mails from " + sender + " in an hour", false, false);
				}
			}
			User author = author();
			if (author == null) {
				return refuse();
			}
			triage = !author.isActive();
			CurrentUser by = new CurrentUser(author);
			return answered(by).map(ticket -> {
				if (ticket.getStatus() == Status.CLOSED || ticket.getStatus() == Status.CANCELLED) {
					notes.add("answers " + ticket.getStatus().name().toLowerCase(Locale.ROOT) + " ticket " + ticket.id()
							+ ": a new ticket linked to it");
					return newTicket(by, ticket.id().value());
				}
				return followUp(ticket, by);
			}).orElseGet(() -> newTicket(by, null));
		}

		/** A plain ticket with the {@code .eml}, for a message the rules could not take. */
		Ingested fallback(RuntimeException why) {
			claim();
			User author = sender == null ? null : people.withAddress(sender).orElse(null);
			if (author == null) {
				author = unknownSenderAccount();
			}
			CurrentUser by = new CurrentUser(author);
			String subject = mail.subject().isBlank() ? "" : " « " + MailSubjects.title(mail.subject()) + " »";
			String title = text("mail.ingest.unreadable.title", sender == null ? "?" : sender);
			String description = text("mail.ingest.unreadable.lead", subject, String.valueOf(why.getMessage()))
					+ "\n\n" + IngestionLog.printable(mail.text());
			Ticket ticket = tickets.registerByMail(new NewTicket(mailbox.type(), cut(title, Ticket.TITLE_MAX),
					cut(description, Ticket.TEXT_MAX), null, Channel.EMAIL, null, Urgency.MEDIUM, null,
					List.of()), mailbox.address(), mailbox.groupId(), by);
			attachEml(ticket.id(), by);
			threads.opened("<" + messageId + ">", ticket.id().value());
			return done(Outcome.TICKET_CREATED, ticket.id().value(), null, "kept as a plain ticket: " + why, true, false);
		}

		private void claim() {
			try {
				row = ingested.claim(messageId, mailbox.mailboxId(), sender, mail.subject(), now);
			}
			catch (DataIntegrityViolationException | TransientDataAccessException ex) {
				throw new ClaimedElsewhere(ex);
			}
		}

		private boolean isOwnAddress(String address) {
			List<String> own = new ArrayList<>();
			own.add(mailbox.address());
			own.add(mailSettings.fromAddress().getAddress());
			InternetAddress replyTo = mailSettings.replyToAddress();
			if (replyTo != null) {
				own.add(replyTo.getAddress());
			}
			return SenderRules.isAny(address, own);
		}

		private Ingested bounce(MailClassification kind) {
			String failed = kind.failedRecipient();
			String reason = diagnostic().orElse(kind.reason());
			Long ticketId = kind.originalMessageId() == null ? null
					: threads.ticketOf(List.of("<" + kind.originalMessageId() + ">")).orElse(null);
			if (ticketId != null) {
				tickets.recordSystemChange(new TicketId(ticketId), "mailBounce", null,
						cut((failed == null ? "?" : failed) + ": " + reason, 1000), now);
			}
			int flagged = failed == null ? 0 : people.flagBounced(failed, reason);
			return done(Outcome.BOUNCE, ticketId, null, "mail to " + (failed == null ? "an unknown address" : failed)
					+ " not delivered (" + reason + "); " + flagged + " account(s) flagged", true, false);
		}

		/** The reason an MTA gave, from the delivery-status part, when it gives one. */
		private Optional<String> diagnostic() {
			String raw = new String(mail.raw(), StandardCharsets.ISO_8859_1);
			Matcher diagnostic = DIAGNOSTIC.matcher(raw);
			if (diagnostic.find()) {
				return Optional.of(cut(diagnostic.group(1).strip(), 300));
			}
			Matcher status = STATUS.matcher(raw);
			return status.find() ? Optional.of("status " + status.group(1)) : Optional.empty();
		}

		/** Who wrote: the user with the sender's address, else as the mailbox's policy says; null when refused. */
		private @Nullable User author() {
			if (sender == null) {
				notes.add("no sender address");
				return unknownSenderAccount();
			}
			Optional<User> known = people.withAddress(sender);
			if (known.isPresent() && (known.get().isActive() || mailbox.unknownSenders() != UnknownSenders.REFUSE)) {
				return known.get();
			}
			InboundMail.MailAddress from = Objects.requireNonNull(mail.from());
			String name = from.name();
			String written = from.address().strip();
			return switch (mailbox.unknownSenders()) {
				case CREATE_REQUESTER -> {
					notes.add("requester account created for " + sender);
					yield people.createRequester(written, name, true);
				}
				case TRIAGE -> {
					notes.add("unknown sender " + sender + " to confirm");
					yield people.createRequester(written, name, false);
				}
				case REFUSE -> null;
			};
		}

		/**
		 * The account of the mails that have no sender address (unreadable ones): an inactive requester
		 * with the mailbox's own address, for the IT team to attach the ticket to the right person.
		 */
		private User unknownSenderAccount() {
			return people.withAddress(mailbox.address())
				.orElseGet(() -> people.createRequester(mailbox.address(),
						text("mail.ingest.no-sender.name", mailbox.address()), false));
		}

		private Ingested refuse() {
			String address = Objects.requireNonNull(sender);
			boolean answer = !ingested.answeredSince(address, now.minus(Duration.ofDays(1)));
			if (answer) {
				answers.queueRefusal(address, mail.subject(), mail.syntheticMessageId() ? null : mail.messageId());
			}
			return done(Outcome.SENDER_REFUSED, null, null, "unknown sender " + address
					+ (answer ? ", answered" : ", already answered today"), false, answer);
		}

		/** The ticket this message answers, when the sender may see it. */
		private Optional<Ticket> answered(CurrentUser by) {
			List<String> ids = new ArrayList<>();
			if (mail.inReplyTo() != null) {
				ids.add("<" + mail.inReplyTo() + ">");
			}
			mail.references().forEach(id -> ids.add("<" + id + ">"));
			Optional<Long> threaded = threads.ticketOf(ids);
			if (threaded.isPresent()) {
				Optional<Ticket> ticket = tickets.findVisible(new TicketId(threaded.get()), by);
				if (ticket.isPresent()) {
					notes.add("answers ticket " + ticket.get().id() + " by its headers");
					return ticket;
				}
				notes.add("answers ticket #" + threaded.get() + " by its headers, which the sender may not see");
			}
			OptionalLong reference = MailSubjects.reference(mail.subject());
			if (reference.isPresent()) {
				Optional<Ticket> ticket = tickets.findVisible(new TicketId(reference.getAsLong()), by);
				if (ticket.isPresent()) {
					notes.add("answers ticket " + ticket.get().id() + " by the reference in its subject");
					return ticket;
				}
				notes.add("names ticket #" + reference.getAsLong() + ", which the sender may not see");
			}
			return Optional.empty();
		}

		private Ingested followUp(Ticket ticket, CurrentUser by) {
			TicketId id = ticket.id();
			String text = mail.newText().isBlank() ? mail.text() : mail.newText();
			List<String> leftOut = leftOutNames();
			List<MailPart> kept = keptParts(leftOut);
			Comment comment = tickets.replyByMail(id, body(text, leftOut), by);
			for (MailPart part : kept) {
				tickets.attach(id, part.filename(), part.contentType(), part.content(), false, by);
			}
			threads.record("<" + messageId + ">", id.value(), false);
			return done(Outcome.FOLLOW_UP, id.value(), comment.getId(), "", true, false);
		}

		private Ingested newTicket(CurrentUser by, @Nullable Long followUpOf) {
			String title = MailSubjects.title(IngestionLog.printable(mail.subject()));
			if (title.isBlank()) {
				title = text("mail.ingest.no-subject", sender == null ? "?" : sender);
			}
			List<String> leftOut = leftOutNames();
			List<MailPart> kept = keptParts(leftOut);
			Ticket ticket = tickets.registerByMail(new NewTicket(mailbox.type(), cut(title, Ticket.TITLE_MAX),
					body(mail.text(), leftOut), null, Channel.EMAIL,
					mailbox.categoryId(), Urgency.MEDIUM, null, List.of(), followUpOf), mailbox.address(),
					mailbox.groupId(), by);
			TicketId id = ticket.id();
			for (MailPart part : kept) {
				tickets.attach(id, part.filename(), part.contentType(), part.content(), false, by);
			}
			attachEml(id, by);
			if (triage) {
				tickets.recordSystemChange(id, "mailTriage", null, cut(sender == null ? mailbox.address() : sender, 320), now);
			}
			threads.opened("<" + messageId + ">", id.value());
			return done(Outcome.TICKET_CREATED, id.value(), null, "", true, false);
		}

		private void attachEml(TicketId id, CurrentUser by) {
			if (mail.raw().length <= Attachment.MAX_BYTES) {
				tickets.attach(id, emlName(), "message/rfc822", mail.raw(), false, by);
			}
			else {
				notes.add("the .eml is larger than an attachment may be: kept with the mail only");
			}
		}

		private String emlName() {
			String title = MailSubjects.title(mail.subject()).replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
			return (title.isBlank() ? "message" : cut(title, 80)) + ".eml";
		}

		/** The parts that fit an attachment's own limit; the others join the left-out list. */
		private List<MailPart> keptParts(List<String> leftOut) {
			List<MailPart> kept = new ArrayList<>();
			for (MailPart part : mail.parts()) {
				if (part.size() <= Attachment.MAX_BYTES) {
					kept.add(part);
				}
				else {
					leftOut.add(part.filename() + " (" + part.size() + " B)");
				}
			}
			return kept;
		}

		private List<String> leftOutNames() {
			List<String> names = new ArrayList<>();
			for (LeftOutPart part : mail.leftOut()) {
				names.add(part.filename() + " (" + part.size() + " B)");
			}
			return names;
		}

		/** The text of a ticket or a reply: the mail's, else a word saying it has none, then what was left out. */
		private String body(String text, List<String> leftOut) {
			String printable = IngestionLog.printable(text).strip();
			StringBuilder body = new StringBuilder(printable.isEmpty() ? text("mail.ingest.no-text") : printable);
			if (!leftOut.isEmpty()) {
				notes.add("left out: " + String.join(", ", leftOut));
				body.append("\n\n").append(text("mail.ingest.left-out", String.join(", ", leftOut)));
			}
			String whole = body.toString();
			if (whole.length() > Ticket.TEXT_MAX) {
				notes.add("text cut to " + Ticket.TEXT_MAX + " characters: the whole is in the original");
				String more = "\n\n" + text("mail.ingest.cut");
				whole = whole.substring(0, Ticket.TEXT_MAX - more.length()).strip() + more;
			}
			return whole;
		}

		private Ingested done(Outcome outcome, @Nullable Long ticketId, @Nullable Long commentId, String reason,
				boolean keepRaw, boolean answered) {
			List<String> all = new ArrayList<>(notes);
			if (!reason.isEmpty()) {
				all.add(0, reason);
			}
			String why = String.join("; ", all);
			ingested.complete(row, outcome, ticketId, commentId, why, answered, keepRaw ? mail.raw() : null);
			return new Ingested(outcome, messageId, ticketId, why);
		}

		/** Logs what the message became, once committed (never for a transaction rolled back; {@link #NOTABLE}). */
		Ingested logged(Ingested result) {
			if (result.outcome() != Outcome.ALREADY_INGESTED) {
				log.atLevel(NOTABLE.contains(result.outcome()) ? Level.INFO : Level.DEBUG)
					.log("Mail {} from {}: {}{}", messageId, sender, result.outcome(), result.ticketId() == null ? ""
							: " #" + result.ticketId() + (result.reason().isEmpty() ? "" : " (" + result.reason() + ")"));
			}
			return result;
		}

	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, deskLocale);
	}

	private static String cut(String text, int length) {
		String kept = IngestionLog.printable(text);
		return kept.length() > length ? kept.substring(0, length) : kept;
	}

}

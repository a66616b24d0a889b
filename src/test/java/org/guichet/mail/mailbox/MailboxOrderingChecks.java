package org.guichet.mail.mailbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.mail.MailboxDefinition;
import org.guichet.mail.MailboxDefinition.AfterIngest;
import org.guichet.mail.MailboxDefinition.Protocol;
import org.guichet.mail.MailboxDefinition.Security;
import org.guichet.mail.ingest.UnknownSenders;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.TicketType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch fetched from a real IMAP server (GreenMail) and ingested by the real ingestion on
 * several threads ({@code guichet.mail.ingest-threads}, 2 by default): a follow-up fetched with the
 * mail it answers lands on that mail's ticket, a new sender's mails create one account, and
 * messages arriving during a reading are read by it.
 * Run by {@link MailboxIT}.
 */
abstract class MailboxOrderingChecks extends MailboxIntegrationTest {

	@Autowired
	private MailboxService mailboxes;

	@Autowired
	private MailboxPoller poller;

	@Autowired
	private RecordingIngestion ingestion;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private JdbcClient jdbc;

	private final List<Long> created = new ArrayList<>();

	@BeforeEach
	void setUp() throws Exception {
		mail.purgeEmailFromAllMailboxes();
		ingestion.handed.clear();
		ingestion.during = raw -> {
		};
	}

	@AfterEach
	void deleteMailboxes() {
		created.forEach(mailboxes::delete);
		created.clear();
		TestMailServers.awaitIdle(poller);
	}

	@Test
	void aTechniciansAnswerFetchedInTheSameBatchAsTheMailItAnswersLandsOnThatMailsTicket() {
		List<User> technicians = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			technicians.add(fixtures.user("tech", Role.TECHNICIAN));
		}
		SupportGroup group = fixtures.group(SupportLevel.N1, technicians.toArray(User[]::new));
		String run = UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 10; i++) {
			String request = "request-" + i + "-" + run + "@example.org";
			TestMailServers.deliver(mail, message(request, "requester-" + i + "-" + run + "@example.org",
					"Printer " + i));
			TestMailServers.deliver(mail, message("answer-" + i + "-" + run + "@example.org",
					technicians.get(i).getEmail(), "Re: Printer " + i, "In-Reply-To: <" + request + ">",
					"References: <" + request + ">"));
		}
		long id = create(group);

		assertThat(poller.readNow(id)).isEqualTo(20);

		for (int i = 0; i < 10; i++) {
			Long ticket = ticketOf("request-" + i + "-" + run + "@example.org", "TICKET_CREATED");
			assertThat(ticketOf("answer-" + i + "-" + run + "@example.org", "FOLLOW_UP")).as("answer %d", i)
				.isEqualTo(ticket);
		}
	}

	@Test
	void threeMailsOfOneNewSenderInOneBatchWrittenInAnyCaseCreateOneAccountAndThreeTickets() {
		SupportGroup group = fixtures.group(SupportLevel.N1);
		String run = UUID.randomUUID().toString().substring(0, 8);
		for (int mailNumber = 0; mailNumber < 3; mailNumber++) {
			for (int sender = 0; sender < 8; sender++) {
				TestMailServers.deliver(mail, message("new-" + sender + "-" + mailNumber + "-" + run + "@example.org",
						(mailNumber == 1 ? "NEW-" : "new-") + sender + "-" + run
								+ (mailNumber == 2 ? "@Example.ORG" : "@example.org"),
						"Request " + mailNumber + " of sender " + sender));
			}
		}
		long id = create(group);

		assertThat(poller.readNow(id)).isEqualTo(24);

		for (int sender = 0; sender < 8; sender++) {
			String address = "new-" + sender + "-" + run + "@example.org";
			assertThat(jdbc.sql("select count(*) from app_user where lower(email) = :a").param("a", address)
				.query(Long.class)
				.single()).as("accounts of %s", address).isEqualTo(1);
			assertThat(jdbc.sql("select count(*) from mail_ingested where sender = :a and outcome = 'TICKET_CREATED'")
				.param("a", address)
				.query(Long.class)
				.single()).isEqualTo(3);
		}
	}

	@Test
	void aMessageArrivingWhileTheMailboxIsReadIsReadByTheSameReading() {
		SupportGroup group = fixtures.group(SupportLevel.N1);
		String run = UUID.randomUUID().toString().substring(0, 8);
		TestMailServers.deliver(mail, message("first-" + run + "@example.org", "early-" + run + "@example.org", "First"));
		byte[] late = message("late-" + run + "@example.org", "late-" + run + "@example.org", "Late");
		ingestion.during = raw -> {
			if (new String(raw, StandardCharsets.UTF_8).contains("first-" + run)) {
				TestMailServers.deliver(mail, late);
			}
		};
		long id = create(group);

		assertThat(poller.readNow(id)).isEqualTo(2);
		assertThat(ticketOf("late-" + run + "@example.org", "TICKET_CREATED")).isNotNull();
	}

	private Long ticketOf(String messageId, String outcome) {
		return jdbc.sql("select ticket_id from mail_ingested where message_id = :id and outcome = :outcome")
			.param("id", messageId)
			.param("outcome", outcome)
			.query(Long.class)
			.single();
	}

	private static byte[] message(String messageId, String from, String subject, String... extraHeaders) {
		String raw = new String(TestMailServers.message(messageId, subject, extraHeaders), StandardCharsets.UTF_8)
			.replace("From: Alice <alice@example.org>", "From: <" + from + ">");
		return raw.getBytes(StandardCharsets.UTF_8);
	}

	private long create(SupportGroup group) {
		long id = mailboxes.create(new MailboxDefinition("Support " + System.nanoTime(),
				"support" + System.nanoTime() + "@desk.example", Protocol.IMAP, TestMailServers.HOST,
				TestMailServers.IMAP.getPort(), Security.NONE, TestMailServers.LOGIN, TestMailServers.PASSWORD, "INBOX",
				AfterIngest.MARK_SEEN, null, 60, false, true, group.getId(), TicketType.INCIDENT, null,
				UnknownSenders.CREATE_REQUESTER, List.of(), List.of(), 5 * 1024 * 1024));
		created.add(id);
		return id;
	}

}

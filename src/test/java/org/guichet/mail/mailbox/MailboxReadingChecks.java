package org.guichet.mail.mailbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Flags;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.mail.MailboxDefinition;
import org.guichet.mail.MailboxDefinition.AfterIngest;
import org.guichet.mail.MailboxDefinition.Protocol;
import org.guichet.mail.MailboxDefinition.Security;
import org.guichet.mail.ingest.Ingested;
import org.guichet.mail.ingest.UnknownSenders;
import org.guichet.testing.LocalServers;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.TicketType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Reading mailboxes on real IMAP, IMAPS and POP3 servers (GreenMail) in the test's JVM, with a
 * recording ingestion: exact bytes handed over, a message marked, moved or deleted only after the
 * ingestion returned, a failed ingestion leaving the message for the next reading, IDLE, and the
 * connection test's answer for each kind of failure.
 * Run by {@link MailboxIT}.
 */
abstract class MailboxReadingChecks extends MailboxIntegrationTest {

	@Autowired
	private MailboxService mailboxes;

	@Autowired
	private MailboxPoller poller;

	@Autowired
	private ConnectionTest tester;

	@Autowired
	private RecordingIngestion ingestion;

	@Autowired
	private MessageRetries retries;

	@Autowired
	private TestFixtures fixtures;

	private SupportGroup group;

	private final List<Long> created = new ArrayList<>();

	@BeforeEach
	void setUp() throws Exception {
		mail.purgeEmailFromAllMailboxes();
		ingestion.handed.clear();
		ingestion.runs.clear();
		ingestion.during = raw -> {
		};
		group = fixtures.group(SupportLevel.N1);
	}

	@AfterEach
	void deleteMailboxes() {
		created.forEach(mailboxes::delete);
		created.clear();
		TestMailServers.awaitIdle(poller);
	}

	@Test
	void newImapMessagesAreHandedOverWithTheirExactBytesAndMarkedSeenOnlyAfterTheIngestionReturned() {
		byte[] first = TestMailServers.message("first@example.org", "Printer down");
		byte[] second = TestMailServers.message("second@example.org", "Screen black");
		TestMailServers.deliver(mail, first);
		TestMailServers.deliver(mail, second);
		long id = create(Protocol.IMAP, Security.NONE, AfterIngest.MARK_SEEN, null, false);
		List<Boolean> seenWhileIngesting = new ArrayList<>();
		ingestion.during = raw -> seenWhileIngesting.add(inbox().stream().anyMatch(m -> m.getFlags().contains(Flags.Flag.SEEN)));

		assertThat(poller.readNow(id)).isEqualTo(2);

		assertThat(ingestion.handed).extracting(RecordingIngestion.Handed::raw).containsExactly(first, second);
		assertThat(ingestion.handed.get(0).policy().mailboxId()).isEqualTo(id);
		assertThat(ingestion.handed.get(0).policy().address()).as("in lower case")
			.isEqualTo(mailboxes.get(id).definition().address()).matches("support\\d+@desk\\.example");
		assertThat(ingestion.handed.get(0).policy().groupId()).isEqualTo(group.getId());
		assertThat(seenWhileIngesting).as("not marked while the ingestion runs").containsExactly(false, false);
		assertThat(inbox()).allMatch(m -> m.getFlags().contains(Flags.Flag.SEEN));
		assertThat(poller.readNow(id)).as("seen messages are not read again").isZero();
		assertThat(ingestion.handed).hasSize(2);
		StoredMailbox read = mailboxes.get(id);
		assertThat(read.ingestedCount()).isEqualTo(2);
		assertThat(read.lastSuccessAt()).isNotNull();
		assertThat(read.lastErrorKind()).isNull();
	}

	@Test
	void aMessageWhoseIngestionThrowsStaysUnseenComesBackNextRoundAndIsSkippedAfterTooManyFailures() {
		TestMailServers.deliver(mail, TestMailServers.message("fails@example.org", "Broken", RecordingIngestion.FAIL_MARKER));
		TestMailServers.deliver(mail, TestMailServers.message("fine@example.org", "Fine"));
		long id = create(Protocol.IMAP, Security.NONE, AfterIngest.MARK_SEEN, null, false);

		assertThat(poller.readNow(id)).as("the other message goes on").isEqualTo(1);
		assertThat(unseenSubjects()).containsExactly("Broken");
		poller.readNow(id);
		assertThat(ingestion.handed.stream().filter(h -> h.text().contains("Broken"))).as("tried again").hasSize(2);
		poller.readNow(id);
		poller.readNow(id);

		assertThat(ingestion.handed.stream().filter(h -> h.text().contains("Broken"))).as("skipped after 3 failures")
			.hasSize(3);
		assertThat(unseenSubjects()).as("never deleted nor marked").containsExactly("Broken");
		assertThat(retries.skipped(id)).singleElement().satisfies(skipped -> {
			assertThat(skipped.subject()).isEqualTo("Broken");
			assertThat(skipped.error()).contains("refuses this message");
		});
	}

	@Test
	void aNodeStoppingBetweenTheIngestionsCommitAndTheMarkingLeavesOneTicketAndTheMessageMarkedNextRound() {
		TestMailServers.deliver(mail, TestMailServers.message("crash-" + group.getId() + "@example.org",
				"Crash in between", RecordingIngestion.CRASH_MARKER));
		long id = create(Protocol.IMAP, Security.NONE, AfterIngest.MARK_SEEN, null, false);

		assertThat(poller.readNow(id)).as("the marking never happened").isZero();
		assertThat(unseenSubjects()).containsExactly("Crash in between");
		assertThat(poller.readNow(id)).isEqualTo(1);

		assertThat(ingestion.handed).extracting(RecordingIngestion.Handed::outcome)
			.containsExactly(Ingested.Outcome.TICKET_CREATED, Ingested.Outcome.ALREADY_INGESTED);
		assertThat(unseenSubjects()).as("marked once the ingestion returned").isEmpty();
	}

	@Test
	void messagesOfOneSenderAreIngestedInOneTransactionAndMarkedOnlyOnceItCommitted() {
		String run = UUID.randomUUID().toString();
		for (int i = 0; i < 4; i++) {
			TestMailServers.deliver(mail, TestMailServers.message("together-" + i + "-" + run + "@example.org", "Together " + i));
		}
		long id = create(Protocol.IMAP, Security.NONE, AfterIngest.MARK_SEEN, null, false);
		List<Boolean> seenWhileIngesting = new ArrayList<>();
		ingestion.during = raw -> seenWhileIngesting.add(inbox().stream().anyMatch(m -> m.getFlags().contains(Flags.Flag.SEEN)));

		assertThat(poller.readNow(id)).isEqualTo(4);

		assertThat(ingestion.runs).as("one sender: one lane, one run").containsExactly(4);
		assertThat(ingestion.handed).extracting(RecordingIngestion.Handed::outcome)
			.containsOnly(Ingested.Outcome.TICKET_CREATED)
			.hasSize(4);
		assertThat(seenWhileIngesting).containsOnly(false);
		assertThat(unseenSubjects()).isEmpty();
	}

	@Test
	void aRunHoldingAFailingMessageIsIngestedAgainOneByOneAndOnlyTheFailingOneStays() {
		String run = UUID.randomUUID().toString();
		TestMailServers.deliver(mail, TestMailServers.message("good-1-" + run + "@example.org", "Good one"));
		TestMailServers.deliver(mail, TestMailServers.message("bad-" + run + "@example.org", "Broken in a run",
				RecordingIngestion.FAIL_MARKER));
		TestMailServers.deliver(mail, TestMailServers.message("good-2-" + run + "@example.org", "Good two"));
		long id = create(Protocol.IMAP, Security.NONE, AfterIngest.MARK_SEEN, null, false);

		assertThat(poller.readNow(id)).isEqualTo(2);

		assertThat(ingestion.runs).as("the run committed nothing").isEmpty();
		assertThat(ingestion.handed).extracting(h -> h.text().contains("Good") ? "good" : "bad", h -> h.outcome())
			.containsExactly(tuple("good", Ingested.Outcome.TICKET_CREATED), tuple("bad", null),
					tuple("good", Ingested.Outcome.TICKET_CREATED));
		assertThat(unseenSubjects()).containsExactly("Broken in a run");
		assertThat(retries.skipped(id)).isEmpty();
	}

	@Test
	void aRunWhoseCommitTheReaderDidNotHearOfIsIngestedAgainAloneAsAlreadyIngestedAndMarked() {
		String run = UUID.randomUUID().toString();
		TestMailServers.deliver(mail, TestMailServers.message("before-" + run + "@example.org", "Before the stop"));
		TestMailServers.deliver(mail, TestMailServers.message("stop-" + run + "@example.org", "Stop after commit",
				RecordingIngestion.CRASH_MARKER));
		long id = create(Protocol.IMAP, Security.NONE, AfterIngest.MARK_SEEN, null, false);

		assertThat(poller.readNow(id)).isEqualTo(2);

		assertThat(ingestion.runs).containsExactly(2);
		assertThat(ingestion.handed).extracting(RecordingIngestion.Handed::outcome)
			.containsExactly(Ingested.Outcome.TICKET_CREATED, Ingested.Outcome.TICKET_CREATED,
					Ingested.Outcome.ALREADY_INGESTED, Ingested.Outcome.ALREADY_INGESTED);
		assertThat(unseenSubjects()).isEmpty();
	}

	@Test
	void overTlsAMessageIsMovedToTheChosenFolderOnceIngested() throws Exception {
		GreenMailUser user = mail.getUserManager().getUser(TestMailServers.LOGIN);
		ImapHostManager folders = mail.getManagers().getImapHostManager();
		if (folders.getFolder(user, "Processed") == null) {
			folders.createMailbox(user, "Processed");
		}
		byte[] raw = TestMailServers.message("moved@example.org", "Move me");
		TestMailServers.deliver(mail, raw);
		long id = create(Protocol.IMAP, Security.TLS, AfterIngest.MOVE, "Processed", false);
		List<Integer> inboxWhileIngesting = new ArrayList<>();
		ingestion.during = bytes -> inboxWhileIngesting.add(inbox().size());

		assertThat(poller.readNow(id)).isEqualTo(1);

		assertThat(ingestion.handed).extracting(RecordingIngestion.Handed::raw).containsExactly(raw);
		assertThat(inboxWhileIngesting).containsExactly(1);
		assertThat(inbox()).isEmpty();
		assertThat(folders.getFolder(user, "Processed").getMessageCount()).isEqualTo(1);
	}

	@Test
	void aDeletingImapMailboxDeletesOnlyTheMessagesIngested() {
		TestMailServers.deliver(mail, TestMailServers.message("gone@example.org", "Delete me"));
		TestMailServers.deliver(mail, TestMailServers.message("stays@example.org", "Keep me", RecordingIngestion.FAIL_MARKER));
		long id = create(Protocol.IMAP, Security.NONE, AfterIngest.DELETE, null, false);

		poller.readNow(id);

		assertThat(inbox()).extracting(this::subject).containsExactly("Keep me");
	}

	@Test
	void pop3DeletesIngestedMessagesOrRemembersTheirUidlsSoThatTheyAreNotDownloadedAgain() {
		byte[] raw = TestMailServers.message("pop@example.org", "Via POP3");
		TestMailServers.deliver(mail, raw);
		long keeping = create(Protocol.POP3, Security.NONE, AfterIngest.KEEP, null, false);

		assertThat(poller.readNow(keeping)).isEqualTo(1);
		assertThat(poller.readNow(keeping)).isZero();
		assertThat(ingestion.handed).extracting(RecordingIngestion.Handed::raw).containsExactly(raw);
		assertThat(inbox()).hasSize(1);
		mailboxes.delete(keeping);
		created.remove(keeping);

		TestMailServers.deliver(mail, TestMailServers.message("pop-fail@example.org", "Fails", RecordingIngestion.FAIL_MARKER));
		long deleting = create(Protocol.POP3, Security.NONE, AfterIngest.DELETE, null, false);
		assertThat(poller.readNow(deleting)).isEqualTo(1);
		assertThat(inbox()).extracting(this::subject).containsExactly("Fails");
	}

	@Test
	void aMessageBiggerThanTheMailboxAllowsIsIngestedWholeWithoutItsBigPartsListedAsLeftOut() throws Exception {
		byte[] big = bigMessage("big@example.org", 2 * 1024 * 1024);
		TestMailServers.deliver(mail, big);
		long imap = create(Protocol.IMAP, Security.NONE, AfterIngest.MARK_SEEN, null, false, 0);

		assertThat(poller.readNow(imap)).isEqualTo(1);

		byte[] reduced = ingestion.handed.get(0).raw();
		assertThat(reduced.length).isLessThan(64 * 1024);
		jakarta.mail.internet.MimeMessage parsed = new jakarta.mail.internet.MimeMessage(
				jakarta.mail.Session.getInstance(new java.util.Properties()), new java.io.ByteArrayInputStream(reduced));
		assertThat(parsed.getMessageID()).isEqualTo("<big@example.org>");
		assertThat(parsed.getSubject()).isEqualTo("Scan attached");
		assertThat(jakarta.mail.internet.MimeUtility.unfold(parsed.getHeader(OversizeMessages.LEFT_OUT_HEADER, null)))
			.startsWith(big.length + "; ").contains("\"scan.pdf\" of type application/pdf");
		jakarta.mail.Multipart parts = (jakarta.mail.Multipart) parsed.getContent();
		assertThat((String) parts.getBodyPart(0).getContent()).contains("Voici le scan demandé");
		assertThat((String) parts.getBodyPart(1).getContent()).contains("left out", "\"scan.pdf\" of type application/pdf");
		assertThat(unseenSubjects()).isEmpty();
		mailboxes.delete(imap);
		created.remove(imap);

		mail.purgeEmailFromAllMailboxes();
		TestMailServers.deliver(mail, bigMessage("big-pop@example.org", 2 * 1024 * 1024));
		long pop3 = create(Protocol.POP3, Security.NONE, AfterIngest.DELETE, null, false, 0);
		assertThat(poller.readNow(pop3)).isEqualTo(1);
		String headersOnly = ingestion.handed.get(1).text();
		assertThat(headersOnly).contains("Message-ID: <big-pop@example.org>", "the whole body", "left out")
			.doesNotContain("Voici le scan");
	}

	private static byte[] bigMessage(String messageId, int attachmentBytes) {
		byte[] pdf = new byte[attachmentBytes];
		new java.util.Random(7).nextBytes(pdf);
		String base64 = java.util.Base64.getMimeEncoder().encodeToString(pdf).replace("\r\n", "\r\n");
		String text = "Message-ID: <" + messageId + ">\r\nFrom: alice@example.org\r\nTo: " + TestMailServers.ADDRESS
				+ "\r\nSubject: Scan attached\r\nMIME-Version: 1.0\r\n"
				+ "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n"
				+ "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
				+ "Voici le scan demandé.\r\n--b1\r\nContent-Type: application/pdf; name=\"scan.pdf\"\r\n"
				+ "Content-Disposition: attachment; filename=\"scan.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
				+ base64 + "\r\n--b1--\r\n";
		return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void idleDeliversANewMessageWithinSecondsWithoutWaitingForTheInterval() throws Exception {
		long id = create(Protocol.IMAP, Security.NONE, AfterIngest.MARK_SEEN, null, true);
		await(() -> mailboxes.get(id).lastSuccessAt() != null, "the watcher's first reading");
		Thread.sleep(300);

		byte[] raw = TestMailServers.message("idle@example.org", "Instant");
		long start = System.nanoTime();
		TestMailServers.deliver(mail, raw);
		await(() -> !ingestion.handed.isEmpty(), "the message announced by IDLE");

		// the mailbox reads every hour: within await's 10 s, only IDLE's announcement can have brought it
		// (3 s was once exceeded, 3.19 s, as the first class of a JVM at a load of 18)
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
		assertThat(ingestion.handed).extracting(RecordingIngestion.Handed::raw).containsExactly(raw);
	}

	@Test
	void theConnectionTestSaysWhatItFoundOrExactlyWhatFailed() throws Exception {
		TestMailServers.deliver(mail, TestMailServers.message("t@example.org", "Test"));
		MailboxDefinition good = definition(Protocol.IMAP, Security.TLS, AfterIngest.MARK_SEEN, null, false);

		ConnectionTest.Result ok = tester.test(good, TestMailServers.PASSWORD);
		assertThat(ok.ok()).isTrue();
		assertThat(ok.messages()).isEqualTo(1);
		assertThat(ok.unseen()).isEqualTo(1);
		assertThat(tester.test(definition(Protocol.POP3, Security.NONE, AfterIngest.DELETE, null, false),
				TestMailServers.PASSWORD).ok()).isTrue();

		assertThat(tester.test(with(good, "no-such-host.invalid", good.port(), Security.TLS, "INBOX"), TestMailServers.PASSWORD)
			.failure()).isEqualTo(FailureKind.UNKNOWN_HOST);
		assertThat(tester.test(with(good, TestMailServers.HOST, LocalServers.freePort(), Security.TLS, "INBOX"),
				TestMailServers.PASSWORD).failure()).isEqualTo(FailureKind.REFUSED);
		assertThat(tester.test(with(good, TestMailServers.HOST, TestMailServers.IMAP.getPort(), Security.TLS, "INBOX"),
				TestMailServers.PASSWORD).failure()).as("TLS spoken to a plain port").isEqualTo(FailureKind.TLS);
		assertThat(tester.test(with(good, TestMailServers.HOST, TestMailServers.IMAP.getPort(), Security.STARTTLS, "INBOX"),
				TestMailServers.PASSWORD).failure()).as("STARTTLS required, not offered").isEqualTo(FailureKind.TLS);
		ConnectionTest.Result wrong = tester.test(good, "wrong password");
		assertThat(wrong.failure()).isEqualTo(FailureKind.CREDENTIALS);
		assertThat(wrong.detail()).isNotBlank();
		assertThat(tester.test(with(good, TestMailServers.HOST, good.port(), Security.TLS, "Nowhere"),
				TestMailServers.PASSWORD).failure()).isEqualTo(FailureKind.NO_SUCH_FOLDER);
	}

	@Test
	void aMailboxThatCannotBeReadRecordsWhyInPlainWordsAndBacksOff() {
		long id = create(Protocol.IMAP, Security.NONE, AfterIngest.MARK_SEEN, null, false);
		StoredMailbox created = mailboxes.get(id);
		mailboxes.update(id, created.version(), with(created.definition(), TestMailServers.HOST,
				TestMailServers.IMAP.getPort(), Security.NONE, "Nowhere"));

		assertThat(poller.readNow(id)).isZero();
		assertThat(poller.readNow(id)).as("nothing read").isZero();

		StoredMailbox failed = mailboxes.get(id);
		assertThat(failed.lastErrorKind()).isEqualTo(FailureKind.NO_SUCH_FOLDER);
		assertThat(failed.lastError()).contains("Nowhere");
		assertThat(failed.failures()).isEqualTo(2);
		assertThat(MailboxPoller.backoff(Duration.ofSeconds(60), 2, Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(4));
		assertThat(MailboxPoller.backoff(Duration.ofSeconds(60), 20, Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(30));
	}

	private long create(Protocol protocol, Security security, AfterIngest after, String moveTo, boolean idle) {
		return create(protocol, security, after, moveTo, idle, 5 * 1024 * 1024);
	}

	private long create(Protocol protocol, Security security, AfterIngest after, String moveTo, boolean idle,
			long attachmentLimit) {
		MailboxDefinition d = definition(protocol, security, after, moveTo, idle);
		long id = mailboxes.create(new MailboxDefinition(d.name(), d.address(), d.protocol(), d.host(), d.port(),
				d.security(), d.username(), d.password(), d.folder(), d.afterIngest(), d.moveTo(), d.pollSeconds(), d.idle(),
				d.enabled(), d.groupId(), d.type(), d.categoryId(), d.unknownSenders(), d.allowed(), d.blocked(),
				attachmentLimit));
		created.add(id);
		return id;
	}

	private MailboxDefinition definition(Protocol protocol, Security security, AfterIngest after, String moveTo,
			boolean idle) {
		int port = protocol == Protocol.POP3 ? TestMailServers.POP3.getPort()
				: security == Security.TLS ? TestMailServers.IMAPS.getPort() : TestMailServers.IMAP.getPort();
		return new MailboxDefinition("Support " + System.nanoTime(), "Support" + System.nanoTime() + "@Desk.example",
				protocol, TestMailServers.HOST, port, security, TestMailServers.LOGIN, TestMailServers.PASSWORD, "INBOX",
				after, moveTo, idle ? 3600 : 60, idle, true, group.getId(), TicketType.INCIDENT, null,
				UnknownSenders.CREATE_REQUESTER, List.of(), List.of(), 5 * 1024 * 1024);
	}

	private static MailboxDefinition with(MailboxDefinition d, String host, int port, Security security, String folder) {
		return new MailboxDefinition(d.name(), d.address(), d.protocol(), host, port, security, d.username(), d.password(),
				folder, d.afterIngest(), d.moveTo(), d.pollSeconds(), d.idle(), d.enabled(), d.groupId(), d.type(),
				d.categoryId(), d.unknownSenders(), d.allowed(), d.blocked(), d.attachmentLimit());
	}

	private List<StoredMessage> inbox() {
		try {
			MailFolder inbox = mail.getManagers().getImapHostManager()
				.getInbox(mail.getUserManager().getUser(TestMailServers.LOGIN));
			return inbox.getMessages().stream().filter(m -> !m.getFlags().contains(Flags.Flag.DELETED)).toList();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<String> unseenSubjects() {
		return inbox().stream().filter(m -> !m.getFlags().contains(Flags.Flag.SEEN)).map(this::subject).toList();
	}

	private String subject(StoredMessage message) {
		try {
			return message.getMimeMessage().getSubject();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void await(Supplier<Boolean> condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!condition.get()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Waited 10 s for " + what);
			}
			Thread.sleep(20);
		}
	}

}

package org.guichet.mail.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.mail.ingest.Ingested.Outcome;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Attachment;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Comment;
import org.guichet.tickets.DeskSettings;
import org.guichet.tickets.LinkedTicket;
import org.guichet.tickets.ReplyToResolved;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Status;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketLinkKind;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.TicketView;
import org.guichet.tickets.Transition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole application ingesting messages of the corpus ({@code src/test/resources/mail/corpus})
 * and messages written here, as a mailbox would hand them over: what each becomes, once.
 */
@GuichetIntegrationTest
class MailIngestionIT {

	private static final String MAILBOX = "support@guichet.example";

	@Autowired
	private MailIngestion ingestion;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private UserRepository users;

	@Autowired
	private DeskSettings settings;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private WebApplicationContext context;

	private User alice;

	private User technician;

	private SupportGroup group;

	@BeforeEach
	void setUp() {
		alice = fixtures.user("mailing-alice", Role.REQUESTER);
		technician = fixtures.user("mail-tech", Role.TECHNICIAN);
		group = fixtures.group(SupportLevel.N1, technician);
		settings.saveReplyToResolved(ReplyToResolved.FLAG);
	}

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Test
	void aMailFromAKnownRequesterOpensAnEmailTicketInTheMailboxGroupWithItsOriginalAndTheReceivedMail() {
		Ingested ingested = ingest(policy(UnknownSenders.REFUSE),
				corpus("new-ticket-plain-en.eml", Map.of("bob.stone@client.example", alice.getEmail())));

		assertThat(ingested.outcome()).isEqualTo(Outcome.TICKET_CREATED);
		TicketView view = view(ingested.ticketId());
		Ticket ticket = view.ticket();
		assertThat(ticket.getChannel()).isEqualTo(Channel.EMAIL);
		assertThat(ticket.getTitle()).isEqualTo("Cannot log in");
		assertThat(ticket.getDescription()).contains("I cannot log in since this morning");
		assertThat(ticket.getRequester().getId()).isEqualTo(alice.getId());
		assertThat(ticket.getGroup().getId()).isEqualTo(group.getId());
		assertThat(view.attachments()).extracting(Attachment::getFileName).containsExactly("Cannot log in.eml");
		assertThat(outbox(alice.getEmail(), "RECEIVED")).isEqualTo(1);
		assertThat(jdbc.queryForObject("select ticket_id from mail_ticket_message where message_id = ? and outgoing = false",
				Long.class, "<" + ingested.messageId() + ">")).isEqualTo(ingested.ticketId());
		assertThat(jdbc.queryForMap("select in_reply_to, reference_ids from mail_outbox where ticket_id = ? and kind = 'RECEIVED'",
				ingested.ticketId()))
			.as("the received mail answers the requester's mail")
			.containsEntry("in_reply_to", "<" + ingested.messageId() + ">")
			.containsEntry("reference_ids", "<" + ingested.messageId() + ">");
	}

	@Test
	void anAnswerThreadedByInReplyToIsAPublicReplyOfTheSenderWithOnlyItsNewText() {
		long ticketId = newTicketFrom(alice, "Imprimante du 2e étage");
		String sent = sentMessageId(ticketId);

		Ingested reply = ingest(policy(UnknownSenders.REFUSE), corpus("outlook-desktop-fr-reply.eml",
				Map.of("marie.dupont@client.example", alice.getEmail(), "<t1042.n1@guichet.example>", sent)));

		assertThat(reply.outcome()).isEqualTo(Outcome.FOLLOW_UP);
		assertThat(reply.ticketId()).isEqualTo(ticketId);
		Comment comment = last(view(ticketId).comments());
		assertThat(comment.getAuthor().getId()).isEqualTo(alice.getId());
		assertThat(comment.isByMail()).isTrue();
		assertThat(comment.isInternal()).isFalse();
		assertThat(comment.getBody()).startsWith("Bonjour,").contains("recto-verso")
			.doesNotContain("Votre demande a bien été enregistrée");
	}

	@Test
	void anAnswerThreadedByReferencesAloneIsAFollowUpAndATechniciansMailIsTheirPublicReply() {
		long ticketId = newTicketFrom(alice, "VPN down");
		String sent = sentMessageId(ticketId);

		Ingested reply = ingest(policy(UnknownSenders.REFUSE), message(technician.getEmail(), "Re: VPN down",
				"References: <elsewhere@client.example> " + sent + "\n", "Restart the client, please."));

		assertThat(reply.outcome()).isEqualTo(Outcome.FOLLOW_UP);
		TicketView view = view(ticketId);
		assertThat(last(view.comments()).getAuthor().getId()).isEqualTo(technician.getId());
		assertThat(view.ticket().getFirstResponseAt()).as("the team's first public reply").isNotNull();
	}

	@Test
	void theReferenceInTheSubjectThreadsOnlyForSomeoneWhoMayActOnTheTicket() {
		long ticketId = newTicketFrom(alice, "Badge refused");
		User stranger = fixtures.user("stranger", Role.REQUESTER);

		Ingested fromRequester = ingest(policy(UnknownSenders.REFUSE),
				message(alice.getEmail(), "RE : [#" + ticketId + "] Badge refused", "", "Still refused today."));
		Ingested fromStranger = ingest(policy(UnknownSenders.REFUSE),
				message(stranger.getEmail(), "Re: [#" + ticketId + "] Badge refused", "", "Mine too."));

		assertThat(fromRequester.outcome()).isEqualTo(Outcome.FOLLOW_UP);
		assertThat(fromRequester.ticketId()).isEqualTo(ticketId);
		assertThat(fromStranger.outcome()).isEqualTo(Outcome.TICKET_CREATED);
		assertThat(fromStranger.ticketId()).isNotEqualTo(ticketId);
		assertThat(view(fromStranger.ticketId()).ticket().getTitle()).isEqualTo("Badge refused");
		assertThat(fromStranger.reason()).contains("may not see");
	}

	@Test
	void automaticRepliesListsAndBulkMailOpenNothingAndGetNoAnswer() {
		User sender = fixtures.user("holiday", Role.REQUESTER);
		for (String file : List.of("auto-outlook-en-oof.eml", "auto-vacation-gmail.eml", "list-mailman.eml",
				"bulk-precedence.eml", "read-receipt-mdn.eml")) {
			String from = fromOf(file);
			Ingested ingested = ingest(policy(UnknownSenders.CREATE_REQUESTER),
					corpus(file, Map.of(from, sender.getEmail())));
			assertThat(ingested.outcome()).as(file).isEqualTo(Outcome.AUTOMATIC);
			assertThat(ingested.ticketId()).as(file).isNull();
		}
		assertThat(outbox(sender.getEmail(), null)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from ticket where requester_id = ?", Integer.class,
				sender.getId())).isZero();
	}

	@Test
	void aBounceIsRecordedOnTheTicketOfTheMailThatBouncedAndFlagsTheAddress() {
		long ticketId = newTicketFrom(alice, "Imprimante");
		String sent = sentMessageId(ticketId);

		Ingested bounce = ingest(policy(UnknownSenders.CREATE_REQUESTER), corpus("bounce-postfix-dsn.eml",
				Map.of("gone.user@client.example", alice.getEmail(), "<t1042.n2@guichet.example>", sent)));

		assertThat(bounce.outcome()).isEqualTo(Outcome.BOUNCE);
		assertThat(bounce.ticketId()).isEqualTo(ticketId);
		assertThat(tickets.history(new TicketId(ticketId), TestFixtures.current(technician)))
			.anySatisfy(entry -> {
				assertThat(entry.getField()).isEqualTo("mailBounce");
				assertThat(entry.getNewValue()).startsWith(alice.getEmail().toLowerCase() + ": ").contains("5.1.1");
			});
		assertThat(tickets.history(new TicketId(ticketId), TestFixtures.current(alice)))
			.noneMatch(entry -> entry.getField().equals("mailBounce"));
		User flagged = users.findById(alice.getId()).orElseThrow();
		assertThat(flagged.getEmailBouncedAt()).isNotNull();
		assertThat(flagged.getEmailBounceReason()).contains("5.1.1");
		assertThat(outbox("mailer-daemon@mx.client.example", null)).isZero();
	}

	@Test
	void anUnknownSenderGetsARequesterAccountWhenTheMailboxCreatesThem() {
		String address = "New.Person." + UUID.randomUUID().toString().substring(0, 6) + "@client.example";

		Ingested ingested = ingest(policy(UnknownSenders.CREATE_REQUESTER),
				message("New Person <" + address + ">", "Need a screen", "", "A second screen, please."));

		assertThat(ingested.outcome()).isEqualTo(Outcome.TICKET_CREATED);
		User created = view(ingested.ticketId()).ticket().getRequester();
		assertThat(created.getEmail()).isEqualTo(address);
		assertThat(created.getFullName()).isEqualTo("New Person");
		assertThat(created.getRole()).isEqualTo(Role.REQUESTER);
		assertThat(created.isActive()).isTrue();
		assertThat(passwordEncoder.matches("", created.getPasswordHash())).as("no password opens the account").isFalse();
		assertThat(passwordEncoder.matches("no-password", created.getPasswordHash())).isFalse();
		assertThat(outbox(address, "RECEIVED")).isEqualTo(1);
		Ingested again = ingest(policy(UnknownSenders.CREATE_REQUESTER),
				message(address.toUpperCase(), "Need a mouse", "", "And a mouse."));
		assertThat(view(again.ticketId()).ticket().getRequester().getId()).as("found again, ignoring case")
			.isEqualTo(created.getId());
	}

	@Test
	void anUnknownSenderInTriageOpensATicketForAnAccountWaitingForConfirmationThatGetsNoMail() {
		String address = "triage." + UUID.randomUUID().toString().substring(0, 6) + "@client.example";

		Ingested ingested = ingest(policy(UnknownSenders.TRIAGE), message(address, "Who am I", "", "Hello."));

		assertThat(ingested.outcome()).isEqualTo(Outcome.TICKET_CREATED);
		Ticket ticket = view(ingested.ticketId()).ticket();
		assertThat(ticket.getRequester().isActive()).isFalse();
		assertThat(ticket.getGroup().getId()).isEqualTo(group.getId());
		assertThat(tickets.history(ticket.id(), TestFixtures.current(technician)))
			.anyMatch(entry -> entry.getField().equals("mailTriage") && address.equals(entry.getNewValue()));
		assertThat(outbox(address, null)).as("nothing is sent to an address nobody confirmed").isZero();
	}

	@Test
	void anUnknownSenderRefusedIsAnsweredPolitelyOnceADay() {
		String address = "refused." + UUID.randomUUID().toString().substring(0, 6) + "@client.example";

		Ingested first = ingest(policy(UnknownSenders.REFUSE), message(address, "Hello", "", "Can you help?"));
		Ingested second = ingest(policy(UnknownSenders.REFUSE), message(address, "Hello again", "", "Anyone?"));

		assertThat(first.outcome()).isEqualTo(Outcome.SENDER_REFUSED);
		assertThat(first.ticketId()).isNull();
		assertThat(second.outcome()).isEqualTo(Outcome.SENDER_REFUSED);
		assertThat(outbox(address, "SENDER_REFUSED")).isEqualTo(1);
		Map<String, Object> answer = jdbc.queryForMap(
				"select subject, text_body, in_reply_to, auto_submitted from mail_outbox join mail_outbox_body on mail_id = id"
						+ " where recipient = ?", address);
		assertThat((String) answer.get("subject")).contains("Votre message").contains("Your message");
		assertThat((String) answer.get("text_body")).contains("« Hello »").contains("“Hello”");
		assertThat(answer.get("in_reply_to")).isEqualTo("<" + first.messageId() + ">");
		assertThat(answer.get("auto_submitted")).isEqualTo(true);
	}

	@Test
	void blockedAddressesAndDomainsAreDroppedUnlessTheAllowListNamesThem() {
		String domain = "spam" + UUID.randomUUID().toString().substring(0, 6) + ".example";
		MailboxPolicy lists = new MailboxPolicy(1, MAILBOX, group.getId(), TicketType.INCIDENT, null,
				UnknownSenders.CREATE_REQUESTER, List.of("boss@" + domain), List.of(domain, alice.getEmail()),
				25_000_000);

		assertThat(ingest(lists, message("anyone@" + domain, "Offer", "", "Buy")).outcome()).isEqualTo(Outcome.DROPPED);
		assertThat(ingest(lists, message("x@mail." + domain, "Offer", "", "Buy")).outcome()).isEqualTo(Outcome.DROPPED);
		assertThat(ingest(lists, message(alice.getEmail(), "Hi", "", "Hi")).outcome()).isEqualTo(Outcome.DROPPED);
		assertThat(ingest(lists, message("Boss@" + domain, "Real", "", "Real")).outcome())
			.isEqualTo(Outcome.TICKET_CREATED);
	}

	@Test
	void mailFromGuichetsOwnAddressesIsDropped() {
		Ingested fromMailbox = ingest(policy(UnknownSenders.CREATE_REQUESTER),
				message("Support <" + MAILBOX.toUpperCase() + ">", "Loop", "", "Echo"));
		Ingested fromSender = ingest(policy(UnknownSenders.CREATE_REQUESTER),
				message("guichet@localhost", "Loop", "", "Echo"));

		assertThat(fromMailbox.outcome()).isEqualTo(Outcome.DROPPED);
		assertThat(fromSender.outcome()).isEqualTo(Outcome.DROPPED);
		assertThat(outbox(MAILBOX, null)).isZero();
	}

	@Test
	void aSenderOverTheHourlyLimitIsDropped() {
		User looping = fixtures.user("looping", Role.REQUESTER);
		for (int i = 0; i < 30; i++) {
			assertThat(ingest(policy(UnknownSenders.REFUSE),
					message(looping.getEmail(), "Out of office", "Auto-Submitted: auto-replied\n", "Away")).outcome())
				.isEqualTo(Outcome.AUTOMATIC);
		}

		Ingested over = ingest(policy(UnknownSenders.REFUSE), message(looping.getEmail(), "Real", "", "Real"));

		assertThat(over.outcome()).isEqualTo(Outcome.DROPPED);
		assertThat(over.reason()).contains("more than 30");
	}

	@Test
	void theSameMessageDeliveredTwiceMakesOneTicket() {
		byte[] raw = message(alice.getEmail(), "Twice", "", "Once only");

		Ingested first = ingest(policy(UnknownSenders.REFUSE), raw);
		Ingested second = ingest(policy(UnknownSenders.REFUSE), raw);

		assertThat(first.outcome()).isEqualTo(Outcome.TICKET_CREATED);
		assertThat(second.outcome()).isEqualTo(Outcome.ALREADY_INGESTED);
		assertThat(second.ticketId()).isEqualTo(first.ticketId());
		assertThat(ticketsTitled("Twice", alice)).isEqualTo(1);
	}

	@Test
	void theSameMessageDeliveredByFourNodesAtOnceMakesOneTicket() throws Exception {
		byte[] raw = message(alice.getEmail(), "Raced", "", "Four nodes read one mailbox");
		ExecutorService pool = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Ingested>> results = new ArrayList<>();
		try {
			for (int i = 0; i < 4; i++) {
				Callable<Ingested> node = () -> {
					start.await();
					return ingestion.ingest(policy(UnknownSenders.REFUSE), raw);
				};
				results.add(pool.submit(node));
			}
			start.countDown();
			List<Outcome> outcomes = new ArrayList<>();
			for (Future<Ingested> result : results) {
				outcomes.add(result.get().outcome());
			}
			assertThat(outcomes).containsOnlyOnce(Outcome.TICKET_CREATED)
				.containsOnly(Outcome.TICKET_CREATED, Outcome.ALREADY_INGESTED);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(ticketsTitled("Raced", alice)).isEqualTo(1);
	}

	@Test
	void anAnswerToAResolvedTicketFlagsItOrRefusesTheSolutionAsTheDeskSays() {
		long flagged = resolvedTicketOf(alice, "Resolved flag");
		long refused = resolvedTicketOf(alice, "Resolved refuse");

		Ingested flagReply = ingest(policy(UnknownSenders.REFUSE),
				message(alice.getEmail(), "Re: [#" + flagged + "] x", "", "Thanks, one more thing."));
		settings.saveReplyToResolved(ReplyToResolved.REFUSE);
		Ingested refuseReply = ingest(policy(UnknownSenders.REFUSE),
				message(alice.getEmail(), "Re: [#" + refused + "] x", "", "It still does not work."));

		assertThat(flagReply.outcome()).isEqualTo(Outcome.FOLLOW_UP);
		Ticket stillResolved = view(flagged).ticket();
		assertThat(stillResolved.getStatus()).isEqualTo(Status.RESOLVED);
		assertThat(stillResolved.getRequesterRepliedAt()).isNotNull();
		assertThat(refuseReply.outcome()).isEqualTo(Outcome.FOLLOW_UP);
		Ticket reopened = view(refused).ticket();
		assertThat(reopened.getStatus()).isIn(Status.NEW, Status.ASSIGNED, Status.IN_PROGRESS);
		assertThat(reopened.getReopenCount()).isEqualTo(1);
	}

	@Test
	void anAnswerToAClosedTicketOpensANewTicketLinkedToIt() {
		long closed = resolvedTicketOf(alice, "Closed one");
		tickets.transition(new TicketId(closed), Transition.of(TicketAction.ACCEPT), null, TestFixtures.current(alice));

		Ingested reply = ingest(policy(UnknownSenders.REFUSE),
				message(alice.getEmail(), "Re: [#" + closed + "] Closed one", "", "It broke again."));

		assertThat(reply.outcome()).isEqualTo(Outcome.TICKET_CREATED);
		assertThat(reply.ticketId()).isNotEqualTo(closed);
		assertThat(view(closed).ticket().getStatus()).isEqualTo(Status.CLOSED);
		List<LinkedTicket> links = tickets.links(new TicketId(reply.ticketId()), TestFixtures.current(alice));
		assertThat(links).anySatisfy(link -> {
			assertThat(link.kind()).isEqualTo(TicketLinkKind.FOLLOW_UP_OF);
			assertThat(link.ticket().id().value()).isEqualTo(closed);
		});
		assertThat(view(reply.ticketId()).ticket().getTitle()).isEqualTo("Closed one");
	}

	@Test
	void anUnreadableMessageStillBecomesATicketWithItsOriginal() {
		Ingested ingested = ingest(policy(UnknownSenders.REFUSE), corpusBytes("malformed-garbage.eml"));

		assertThat(ingested.outcome()).isEqualTo(Outcome.TICKET_CREATED);
		TicketView view = view(ingested.ticketId());
		assertThat(view.attachments()).extracting(Attachment::getContentType).contains("message/rfc822");
		assertThat(view.ticket().getRequester().isActive()).isFalse();
	}

	@Test
	void attachmentsOverTheMailboxLimitAreListedAndTheOthersKept() {
		Ingested ingested = ingest(new MailboxPolicy(1, MAILBOX, group.getId(), TicketType.SERVICE_REQUEST, null,
				UnknownSenders.CREATE_REQUESTER, List.of(), List.of(), 2000),
				corpus("attachment-size-limit.eml", Map.of()));

		TicketView view = view(ingested.ticketId());
		assertThat(view.attachments()).extracting(Attachment::getFileName).contains("small.txt")
			.doesNotContain("big.bin");
		assertThat(view.ticket().getDescription()).contains("big.bin");
		assertThat(view.ticket().getType()).isEqualTo(TicketType.SERVICE_REQUEST);
		assertThat(ingested.reason()).contains("left out: big.bin");
	}

	@Test
	void theOriginalOfAFollowUpIsOneClickFromTheTicketPageForItsReadersOnly() throws Exception {
		long ticketId = newTicketFrom(alice, "Écran");
		String sent = sentMessageId(ticketId);
		Ingested reply = ingest(policy(UnknownSenders.REFUSE), corpus("gmail-fr-inline-image.eml",
				Map.of(fromOf("gmail-fr-inline-image.eml"), alice.getEmail(), "Message-ID: <gm-inline@",
						"In-Reply-To: " + sent + "\r\nMessage-ID: <gm-inline@")));
		assertThat(reply.outcome()).isEqualTo(Outcome.FOLLOW_UP);
		Comment comment = last(view(ticketId).comments());
		String original = "/mail/originals/" + ticketId + "/" + comment.getId();
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();

		mvc.perform(get("/portal/tickets/" + ticketId).with(user(TestFixtures.current(alice))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"" + original + "\"")));
		mvc.perform(get(original).with(user(TestFixtures.current(alice))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Voici la capture")))
			.andExpect(content().string(containsString("src=\"" + original + "/parts/0\"")))
			.andExpect(content().string(not(containsString("cid:"))));
		mvc.perform(get(original + "/parts/0").with(user(TestFixtures.current(technician))))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"));
		mvc.perform(get(original + "/eml").with(user(TestFixtures.current(alice))))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "message/rfc822"));
		mvc.perform(get(original).with(user(TestFixtures.current(fixtures.user("nosy", Role.REQUESTER)))))
			.andExpect(status().isNotFound());
	}

	@Test
	void theOriginalOfAFollowUpWithoutAttachmentIsKeptWithItsComment() throws Exception {
		long ticketId = newTicketFrom(alice, "Imprimante");
		String sent = sentMessageId(ticketId);
		Ingested reply = ingest(policy(UnknownSenders.REFUSE), message(alice.getEmail(), "Re: Imprimante",
				"In-Reply-To: " + sent + "\n", "Elle fait maintenant un bruit de moteur."));
		assertThat(reply.outcome()).isEqualTo(Outcome.FOLLOW_UP);
		Comment comment = last(view(ticketId).comments());
		String original = "/mail/originals/" + ticketId + "/" + comment.getId();
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();

		mvc.perform(get(original).with(user(TestFixtures.current(alice))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("bruit de moteur")));
	}

	@Test
	void messagesIngestedTogetherBecomeWhatEachWouldAloneAndOneGivenTwiceIsOneTicket() {
		byte[] opening = message(alice.getEmail(), "Together first", "", "The printer jams.");
		String openingId = messageIdOf(opening);
		byte[] answer = message(alice.getEmail(), "Re: Together first", "In-Reply-To: " + openingId + "\n",
				"It jams on every page now.");
		byte[] away = message(alice.getEmail(), "Absent", "Auto-Submitted: auto-replied\n", "Away");

		List<Ingested> together = ingestion.ingestTogether(policy(UnknownSenders.REFUSE),
				List.of(opening, answer, opening.clone(), away));

		assertThat(together).extracting(Ingested::outcome)
			.containsExactly(Outcome.TICKET_CREATED, Outcome.FOLLOW_UP, Outcome.ALREADY_INGESTED, Outcome.AUTOMATIC);
		long ticketId = together.get(0).ticketId();
		assertThat(together.get(1).ticketId()).as("the answer found the ticket its transaction opened").isEqualTo(ticketId);
		assertThat(together.get(2).ticketId()).isEqualTo(ticketId);
		assertThat(ticketsTitled("Together first", alice)).isEqualTo(1);
		assertThat(last(view(ticketId).comments()).getBody()).contains("every page");
		assertThat(outbox(alice.getEmail(), "RECEIVED")).as("one received mail").isEqualTo(1);
	}

	@Test
	void aRunWithAMessageTheRulesRefuseCommitsNothingAndAloneTheOthersGetTheirTicketsAndItAPlainOne() {
		byte[] good = message(alice.getEmail(), "Good before", "", "A real request.");
		byte[] bad = withEmptyAttachment(alice.getEmail(), "Empty attachment");
		byte[] after = message(alice.getEmail(), "Good after", "", "Another request.");
		List<byte[]> run = List.of(good, bad, after);

		assertThatThrownBy(() -> ingestion.ingestTogether(policy(UnknownSenders.REFUSE), run))
			.as("the tickets module refuses an empty file")
			.isInstanceOf(RuntimeException.class);
		assertThat(ticketsTitled("Good before", alice)).as("rolled back").isZero();
		assertThat(jdbc.queryForObject("select count(*) from mail_ingested where message_id = ?", Integer.class,
				IngestionLog.storable(messageIdOf(good).replaceAll("[<>]", "")))).isZero();
		List<Ingested> alone = run.stream().map(raw -> ingest(policy(UnknownSenders.REFUSE), raw)).toList();

		assertThat(alone).extracting(Ingested::outcome).containsOnly(Outcome.TICKET_CREATED);
		assertThat(alone.get(1).reason()).startsWith("kept as a plain ticket");
		assertThat(view(alone.get(1).ticketId()).attachments()).extracting(Attachment::getContentType)
			.containsExactly("message/rfc822");
		assertThat(ticketsTitled("Good before", alice)).isEqualTo(1);
		assertThat(ticketsTitled("Good after", alice)).isEqualTo(1);
	}

	@Test
	void aRunDeliveredAgainAfterACrashBeforeItsMarkingMakesNothingTwice() {
		List<byte[]> run = List.of(message(alice.getEmail(), "Crash run one", "", "One"),
				message(alice.getEmail(), "Crash run two", "", "Two"));

		List<Ingested> first = ingestion.ingestTogether(policy(UnknownSenders.REFUSE), run);
		List<Ingested> again = ingestion.ingestTogether(policy(UnknownSenders.REFUSE), run);

		assertThat(first).extracting(Ingested::outcome).containsOnly(Outcome.TICKET_CREATED);
		assertThat(again).extracting(Ingested::outcome).containsOnly(Outcome.ALREADY_INGESTED);
		assertThat(again).extracting(Ingested::ticketId).isEqualTo(first.stream().map(Ingested::ticketId).toList());
		assertThat(ticketsTitled("Crash run one", alice) + ticketsTitled("Crash run two", alice)).isEqualTo(2);
	}

	// --- Helpers -------------------------------------------------------------------------

	/** The Message-ID of a message made by {@link #message}, with its brackets. */
	private static String messageIdOf(byte[] raw) {
		java.util.regex.Matcher id = java.util.regex.Pattern.compile("Message-ID: (<[^>]+>)")
			.matcher(new String(raw, StandardCharsets.UTF_8));
		assertThat(id.find()).isTrue();
		return id.group(1);
	}

	/** A mail whose one attachment is empty: a file the tickets module refuses. */
	private static byte[] withEmptyAttachment(String from, String subject) {
		String mail = "From: " + from + "\r\nTo: " + MAILBOX + "\r\nSubject: " + subject
				+ "\r\nDate: Mon, 3 Nov 2025 10:12:45 +0100\r\nMessage-ID: <" + UUID.randomUUID() + "@client.example>\r\n"
				+ "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
				+ "Content-Type: text/plain; charset=utf-8\r\n\r\nSee the file.\r\n--b\r\n"
				+ "Content-Type: text/plain; name=\"empty.txt\"\r\nContent-Disposition: attachment; filename=\"empty.txt\"\r\n"
				+ "\r\n\r\n--b--\r\n";
		return mail.getBytes(StandardCharsets.UTF_8);
	}

	private MailboxPolicy policy(UnknownSenders unknown) {
		return new MailboxPolicy(1, MAILBOX, group.getId(), TicketType.INCIDENT, null, unknown, List.of(), List.of(),
				25_000_000);
	}

	private Ingested ingest(MailboxPolicy policy, byte[] raw) {
		return ingestion.ingest(policy, raw);
	}

	private long newTicketFrom(User requester, String subject) {
		Ingested ingested = ingest(policy(UnknownSenders.REFUSE), message(requester.getEmail(), subject, "", "Help"));
		assertThat(ingested.outcome()).isEqualTo(Outcome.TICKET_CREATED);
		return ingested.ticketId();
	}

	private long resolvedTicketOf(User requester, String subject) {
		long id = newTicketFrom(requester, subject);
		CurrentUser tech = TestFixtures.current(technician);
		tickets.transition(new TicketId(id), Transition.of(TicketAction.TAKE), null, tech);
		tickets.transition(new TicketId(id),
				new Transition(TicketAction.RESOLVE, null, null, "Restarted", SolutionKind.PERMANENT), null, tech);
		assertThat(view(id).ticket().getStatus()).isEqualTo(Status.RESOLVED);
		return id;
	}

	/** The Message-ID of the ticket's first mail out (its "received" mail), with its brackets. */
	private String sentMessageId(long ticketId) {
		return jdbc.queryForObject("select message_id from mail_ticket_message where ticket_id = ? and outgoing = true"
				+ " order by created_at fetch first 1 rows only", String.class, ticketId);
	}

	private TicketView view(Long ticketId) {
		return tickets.view(new TicketId(ticketId), TestFixtures.current(technician));
	}

	private static Comment last(List<Comment> comments) {
		return comments.get(comments.size() - 1);
	}

	private int outbox(String recipient, String kind) {
		Integer count = kind == null
				? jdbc.queryForObject("select count(*) from mail_outbox where lower(recipient) = lower(?)", Integer.class,
						recipient)
				: jdbc.queryForObject("select count(*) from mail_outbox where lower(recipient) = lower(?) and kind = ?",
						Integer.class, recipient, kind);
		return count == null ? 0 : count;
	}

	private int ticketsTitled(String title, User requester) {
		Integer count = jdbc.queryForObject("select count(*) from ticket where title = ? and requester_id = ?",
				Integer.class, title, requester.getId());
		return count == null ? 0 : count;
	}

	/** A plain-text mail with a new Message-ID; {@code headers} are further header lines, each ending with a new line. */
	private static byte[] message(String from, String subject, String headers, String body) {
		String mail = "From: " + from + "\r\nTo: " + MAILBOX + "\r\nSubject: " + subject
				+ "\r\nDate: Mon, 3 Nov 2025 10:12:45 +0100\r\nMessage-ID: <" + UUID.randomUUID() + "@client.example>\r\n"
				+ headers.replace("\n", "\r\n") + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
				+ body + "\r\n";
		return mail.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A corpus message with a Message-ID of its own (so that each test ingests it anew) and these
	 * literal replacements made (addresses, threading ids), byte for byte elsewhere.
	 */
	private static byte[] corpus(String file, Map<String, String> replacements) {
		String text = new String(corpusBytes(file), StandardCharsets.ISO_8859_1);
		for (Map.Entry<String, String> replacement : replacements.entrySet()) {
			text = text.replace(replacement.getKey(), replacement.getValue());
		}
		text = text.replaceFirst("(?im)^Message-ID:\\s*<[^>]*>", "Message-ID: <" + UUID.randomUUID() + "@corpus.example>");
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static byte[] corpusBytes(String file) {
		try (InputStream in = MailIngestionIT.class.getResourceAsStream("/mail/corpus/" + file)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String fromOf(String file) {
		String text = new String(corpusBytes(file), StandardCharsets.ISO_8859_1);
		java.util.regex.Matcher from = java.util.regex.Pattern.compile("(?im)^From:.*?<?([^<>\\s]+@[^<>\\s]+)>?\\s*$")
			.matcher(text);
		assertThat(from.find()).as("From of " + file).isTrue();
		return from.group(1);
	}

}

package org.guichet.sms;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpServer;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.notifications.NotificationChannel;
import org.guichet.notifications.NotificationEvent;
import org.guichet.notifications.NotificationPreferences;
import org.guichet.notifications.NotificationPreferences.Cell;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Transition;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The SMS channel in the whole application, with the gateways' side played by the test: texts in
 * through the real webhooks (the generic one with its secret, Twilio's with a valid and a forged
 * signature), a text that answers an SMS about a ticket, an unknown number, the same text
 * delivered twice at once; SMS out through a local HTTP gateway that fails for a while (each SMS
 * sent once after it recovers). The SMS channel is switched on for each test through
 * {@link SmsSettings} and off after it, so this class shares the other tests' application.
 */
@GuichetIntegrationTest
class SmsChannelIT {

	private static final String SECRET = "test-sms-secret";

	private static final String TWILIO_TOKEN = "test-twilio-token";

	private static HttpServer gateway;

	/** What the local gateway received: the JSON bodies it accepted. */
	private static final List<String> delivered = Collections.synchronizedList(new ArrayList<>());

	/** How many of the next requests the local gateway answers 503. */
	private static final AtomicInteger outage = new AtomicInteger();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private SmsSettings settings;

	@Autowired
	private SmsSendingJob job;

	@Autowired
	private SmsInbox inbox;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private UserRepository users;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private NotificationPreferences preferences;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private SmsTriage triage;

	@Autowired
	private SupportGroupRepository groups;

	@Autowired
	private WebApplicationContext context;

	private SmsProperties original;

	private SupportGroup smsGroup;

	@BeforeAll
	static void startGateway() throws IOException {
		gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		gateway.createContext("/send", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			boolean down = outage.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
			boolean authorised = "Bearer gateway-key".equals(exchange.getRequestHeaders().getFirst("Authorization"));
			if (!down && authorised) {
				delivered.add(body);
			}
			byte[] answer = (down ? "down for maintenance" : authorised ? "{\"id\":\"m-" + delivered.size() + "\"}" : "who?")
				.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(down ? 503 : authorised ? 200 : 401, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		gateway.start();
	}

	@AfterAll
	static void stopGateway() {
		gateway.stop(0);
	}

	@BeforeEach
	void switchOn() {
		original = settings.current();
		smsGroup = fixtures.group(SupportLevel.N1);
		settings.replaceDefaults(new SmsProperties(true, "FR", "+33700000000", smsGroup.getName(), Duration.ofDays(7),
				SmsProperties.Provider.HTTP, 1, SECRET,
				new SmsProperties.Http("http://127.0.0.1:" + gateway.getAddress().getPort() + "/send",
						"Authorization: Bearer gateway-key", "{\"to\":\"{to}\",\"text\":\"{text}\"}"),
				new SmsProperties.Twilio("AC-test", TWILIO_TOKEN, "https://api.twilio.com", ""), Duration.ofSeconds(2),
				20, 8, Duration.ofMillis(100), Duration.ofMillis(200)));
		outage.set(0);
	}

	@AfterEach
	void switchBack() {
		settings.replaceDefaults(original);
	}

	@Test
	void aTextFromAKnownPhoneThroughTheGenericGatewayBecomesATicketOfChannelSmsInTheSmsGroup() throws Exception {
		String number = mobile();
		User alice = withPhone(fixtures.user("texting-alice", Role.REQUESTER), spaced(number));

		String id = id();
		HttpResponse<String> answer = generic(SECRET, number, "Mon imprimante n’imprime plus\nElle clignote en rouge.", id);

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("\"outcome\":\"ACCEPTED\"").contains("\"ticketId\":null");
		assertThat(ingested(id).get("outcome")).isEqualTo("TICKET_CREATED");
		Map<String, Object> ticket = jdbc.queryForMap("select channel, title, description, group_id, registered_by_id"
				+ " from ticket where id = ?", onlyTicketOf(alice));
		assertThat(ticket.get("channel")).isEqualTo("SMS");
		assertThat(ticket.get("title")).isEqualTo("Mon imprimante n’imprime plus");
		assertThat((String) ticket.get("description")).contains("Elle clignote en rouge.");
		assertThat(((Number) ticket.get("registered_by_id")).longValue()).isEqualTo(alice.id().value());
		assertThat(((Number) ticket.get("group_id")).longValue()).isEqualTo(smsGroup.getId());
	}

	@Test
	void aFirstLineWithTabsAndCarriageReturnsMakesATitleOnOneLine() throws Exception {
		String number = mobile();
		User dan = withPhone(fixtures.user("texting-dan", Role.REQUESTER), spaced(number));

		String id = id();
		generic(SECRET, number, "\r\n\tMon imprimante\tn’imprime plus \r\nElle clignote en rouge.", id);

		assertThat(ingested(id).get("outcome")).isEqualTo("TICKET_CREATED");
		assertThat(jdbc.queryForObject("select title from ticket where id = ?", String.class, onlyTicketOf(dan)))
			.isEqualTo("Mon imprimante n’imprime plus");
	}

	@Test
	void aKnownPhoneWrittenWithDotsDashesBracketsOrTheCountryCodeFindsItsOwnerAndANumericMessageIdIsTaken() throws Exception {
		String dotted = mobile();
		User bob = withPhone(fixtures.user("texting-bob", Role.REQUESTER),
				"(" + dotted.substring(0, 2) + ") " + dotted.substring(2, 6) + "." + dotted.substring(6, 8) + "-" + dotted.substring(8));
		String international = mobile();
		User carol = withPhone(fixtures.user("texting-carol", Role.REQUESTER), "+33 (0)" + spaced(international.substring(1)));

		String fromBob = id();
		String fromCarol = String.valueOf(System.nanoTime());
		generic(SECRET, dotted, "Écran noir", fromBob);
		generic(SECRET, e164(international), "Clavier", fromCarol);

		assertThat(ingested(fromBob).get("outcome")).isEqualTo("TICKET_CREATED");
		assertThat(ingested(fromCarol).get("outcome")).isEqualTo("TICKET_CREATED");
		onlyTicketOf(bob);
		onlyTicketOf(carol);
	}

	@Test
	void theGenericGatewayWithoutItsSecretIsRefusedAndNothingIsRecorded() throws Exception {
		String number = mobile();
		withPhone(fixtures.user("forging", Role.REQUESTER), number);
		String id = id();

		assertThat(generic("not-the-secret", number, "Hello", id).statusCode()).isEqualTo(403);
		assertThat(generic(null, number, "Hello", id).statusCode()).isEqualTo(403);

		assertThat(jdbc.queryForObject("select count(*) from sms_inbound where message_id = ?", Integer.class, id)).isZero();
	}

	@Test
	void aTwilioTextWithTwilioSignatureBecomesATicketAndAForgedOneIsRefused() throws Exception {
		String number = mobile();
		User bob = withPhone(fixtures.user("twilio-bob", Role.REQUESTER), "+33 " + number.substring(1));
		String url = "http://localhost:" + port + "/api/v1/sms/inbound/twilio?account=main";
		Map<String, List<String>> form = new LinkedHashMap<>();
		String sid = "SM" + id();
		form.put("MessageSid", List.of(sid));
		form.put("From", List.of(number));
		form.put("To", List.of("+33700000000"));
		form.put("Body", List.of("VPN down since this morning"));

		HttpResponse<String> forged = twilio(url, form, TwilioSignature.of("another-token", url, form));
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(ticketsOf(bob)).isEmpty();

		HttpResponse<String> signed = twilio(url, form, TwilioSignature.of(TWILIO_TOKEN, url, form));
		assertThat(signed.statusCode()).isEqualTo(200);
		assertThat(signed.body()).contains("<Response></Response>");
		assertThat(ingested(sid).get("outcome")).isEqualTo("TICKET_CREATED");
		Ticket ticket = tickets.find(new TicketId(onlyTicketOf(bob)));
		assertThat(ticket.getChannel()).isEqualTo(Channel.SMS);
		assertThat(ticket.getTitle()).isEqualTo("VPN down since this morning");
	}

	@Test
	void aReplyReachesWhoChoseSmsAndTheirAnswerIsAFollowUpOnTheTicketWhileALaterTextIsANewTicket() throws Exception {
		String number = mobile();
		User carol = withPhone(fixtures.user("answering-carol", Role.REQUESTER), number);
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		mvc.perform(get("/profile/notifications").with(user(TestFixtures.current(carol))).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("By SMS")))
			.andExpect(content().string(containsString("id=\"PUBLIC_REPLY.SMS\"")));
		preferences.choose(carol.id().value(), false, new Cell(NotificationEvent.PUBLIC_REPLY, NotificationChannel.SMS), true);
		User technician = fixtures.user("sms-tech", Role.TECHNICIAN);
		TicketId ticket = tickets.register(new NewTicket(TicketType.INCIDENT, "Screen flickers", "Since Monday", null,
				Channel.PORTAL, null, Urgency.MEDIUM, null, List.of()), TestFixtures.current(carol)).id();
		tickets.transition(ticket, Transition.of(TicketAction.TAKE), null, TestFixtures.current(technician));
		tickets.comment(ticket, "Is it the left screen or the right one?", false, TestFixtures.current(technician));

		String sent = await(() -> sentNow(() -> deliveredTo(number)), "the SMS of the reply");
		assertThat(sent).contains("replied to your request " + ticket)
			.contains("http://localhost/portal/tickets/" + ticket.value());

		String answerId = id();
		assertThat(generic(SECRET, number, "The left one", answerId).body()).contains("\"outcome\":\"ACCEPTED\"");
		Map<String, Object> answer = ingested(answerId);
		assertThat(answer.get("outcome")).isEqualTo("FOLLOW_UP");
		assertThat(((Number) answer.get("ticket_id")).longValue()).isEqualTo(ticket.value());
		assertThat(generic(SECRET, number, "The left one", answerId).body()).as("delivered again: its ticket is known")
			.contains("\"outcome\":\"ALREADY_INGESTED\"").contains("\"ticketId\":" + ticket.value());
		Map<String, Object> last = jdbc.queryForMap("select body, author_id from ticket_comment where ticket_id = ?"
				+ " order by id desc fetch first 1 rows only", ticket.value());
		assertThat(last.get("body")).isEqualTo("The left one");
		assertThat(((Number) last.get("author_id")).longValue()).isEqualTo(carol.id().value());
		assertThat(ticketsOf(carol)).containsExactly(ticket.value());

		settings.replaceDefaults(withFollowUpWindow(Duration.ZERO));
		String laterId = id();
		generic(SECRET, number, "Another problem now", laterId);
		assertThat(ingested(laterId).get("outcome")).isEqualTo("TICKET_CREATED");
		assertThat(ticketsOf(carol)).hasSize(2);
	}

	@Test
	void aTextFromAnUnknownNumberWaitsWithoutATicketInTheTriageListOfTheSmsGroupUntilMarkedHandled() throws Exception {
		String number = mobile();
		String id = id();

		assertThat(generic(SECRET, spaced(number), "Who do I talk to about my badge?", id).body())
			.contains("\"outcome\":\"ACCEPTED\"");

		assertThat(ingested(id).get("outcome")).isEqualTo("UNKNOWN_NUMBER");
		Map<String, Object> row = jdbc.queryForMap("select sender, body, ticket_id, handled_at from sms_inbound where message_id = ?", id);
		assertThat(row.get("sender")).isEqualTo("+33" + number.substring(1));
		assertThat(row.get("body")).isEqualTo("Who do I talk to about my badge?");
		assertThat(row.get("ticket_id")).isNull();
		assertThat(row.get("handled_at")).isNull();

		long smsId = ((Number) jdbc.queryForObject("select id from sms_inbound where message_id = ?", Long.class, id)).longValue();
		CurrentUser agent = TestFixtures.current(fixtures.user("sms-sorter", Role.TECHNICIAN));
		groupMember(agent);
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		String named = id();
		generic(SECRET, "Info-Parking", "Your badge expires tomorrow", named);
		assertThat(ingested(named).get("outcome")).as("a sender that is no number waits too").isEqualTo("UNKNOWN_NUMBER");
		mvc.perform(get("/agent/sms").with(user(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Who do I talk to about my badge?")))
			.andExpect(content().string(containsString("/agent/sms/" + smsId + "/handled")))
			.andExpect(content().string(containsString("href=\"tel:+33" + number.substring(1) + "\"")))
			.andExpect(content().string(containsString("Info-Parking")))
			.andExpect(content().string(not(containsString("tel:Info-Parking"))));
		CurrentUser outsider = TestFixtures.current(fixtures.user("not-sms", Role.TECHNICIAN));
		mvc.perform(get("/agent/sms").with(user(outsider))).andExpect(status().isForbidden());

		triage.handled(smsId, agent);
		assertThat(triage.waiting(agent)).extracting(SmsTriage.Waiting::id).doesNotContain(smsId);
		assertThat(jdbc.queryForObject("select handled_by from sms_inbound where id = ?", Long.class, smsId)).isEqualTo(agent.id());
	}

	private void groupMember(CurrentUser agent) {
		SupportGroup group = groups.findWithMembersById(smsGroup.getId()).orElseThrow();
		group.getMembers().add(users.findById(agent.id()).orElseThrow());
		groups.save(group);
	}

	@Test
	void theSameTextDeliveredTwiceAtOnceIsIngestedOnce() throws Exception {
		String number = mobile();
		User dave = withPhone(fixtures.user("twice-dave", Role.REQUESTER), number);
		String id = id();
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<HttpResponse<String>>> deliveries = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			deliveries.add(CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
					return generic(SECRET, number, "Delivered twice", id);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}));
		}
		start.countDown();
		List<String> outcomes = new ArrayList<>();
		for (CompletableFuture<HttpResponse<String>> delivery : deliveries) {
			HttpResponse<String> answer = delivery.get();
			assertThat(answer.statusCode()).isEqualTo(200);
			outcomes.add(answer.body().replaceAll(".*\"outcome\":\"([A-Z_]+)\".*", "$1"));
		}

		assertThat(outcomes).containsExactlyInAnyOrder("ACCEPTED", "ALREADY_INGESTED");
		assertThat(ingested(id).get("outcome")).isEqualTo("TICKET_CREATED");
		assertThat(ticketsOf(dave)).hasSize(1);
		assertThat(jdbc.queryForObject("select count(*) from sms_inbound where message_id = ?", Integer.class, id)).isEqualTo(1);
	}

	@Test
	void aTextAcceptedButNotIngestedBeforeTheServerStoppedIsIngestedAtTheNextRoundOnce() throws Exception {
		String number = mobile();
		User erin = withPhone(fixtures.user("stopped-erin", Role.REQUESTER), number);
		String id = id();
		// what a node leaves when it stops between the webhook's commit and the ingestion
		jdbc.update("insert into sms_inbound (gateway, message_id, sender, recipient, body, received_at, outcome, reason)"
				+ " values ('generic', ?, ?, '+33700000000', 'Accepted before the stop', ?, 'ACCEPTED', '')", id, number,
				java.sql.Timestamp.from(Instant.now()));

		inbox.scheduled();

		Map<String, Object> row = ingested(id);
		assertThat(row.get("outcome")).isEqualTo("TICKET_CREATED");
		assertThat(row.get("sender")).as("read to E.164 at the ingestion").isEqualTo(e164(number));
		assertThat(ticketsOf(erin)).containsExactly(((Number) row.get("ticket_id")).longValue());
		inbox.scheduled();
		await(() -> jdbc.queryForObject("select count(*) from sms_inbound where outcome = 'ACCEPTED'", Integer.class) == 0
				? "none" : null, "no text left waiting");
		assertThat(ticketsOf(erin)).hasSize(1);
	}

	@Test
	void smsOutWaitDuringAGatewayOutageAndAreEachSentOnceAfterIt() throws Exception {
		List<String> numbers = List.of(mobile(), mobile(), mobile());
		List<TicketId> resolved = new ArrayList<>();
		User technician = fixtures.user("outage-tech", Role.TECHNICIAN);
		outage.set(1_000_000);
		for (String number : numbers) {
			User requester = withPhone(fixtures.user("outage-requester", Role.REQUESTER), number);
			preferences.choose(requester.id().value(), false, new Cell(NotificationEvent.PUBLIC_REPLY, NotificationChannel.SMS), true);
			TicketId ticket = tickets.register(new NewTicket(TicketType.INCIDENT, "Outage " + number, "Text", null,
					Channel.PORTAL, null, Urgency.MEDIUM, null, List.of()), TestFixtures.current(requester)).id();
			tickets.transition(ticket, Transition.of(TicketAction.TAKE), null, TestFixtures.current(technician));
			tickets.comment(ticket, "We are looking into it", false, TestFixtures.current(technician));
			resolved.add(ticket);
		}
		await(() -> sentNow(() -> jdbc.queryForObject("select count(*) from sms_outbox where to_number in (?, ?, ?)"
				+ " and attempts >= 2", Integer.class, e164(numbers.get(0)), e164(numbers.get(1)), e164(numbers.get(2))) == 3
						? "tried" : null),
				"each SMS tried twice during the outage");
		assertThat(numbers).allSatisfy(number -> assertThat(deliveredTo(number)).isNull());

		outage.set(0);
		await(() -> sentNow(() -> jdbc.queryForObject("select count(*) from sms_outbox where status = 'SENT' and ticket_id in (?, ?, ?)",
				Integer.class, resolved.get(0).value(), resolved.get(1).value(), resolved.get(2).value()) == 3 ? "sent" : null),
				"the three SMS sent after the outage");
		job.sendDue();

		for (String number : numbers) {
			assertThat(delivered.stream().filter(body -> body.contains(e164(number))).count()).as(number).isEqualTo(1);
		}
	}

	private SmsProperties withFollowUpWindow(Duration window) {
		SmsProperties now = settings.current();
		return new SmsProperties(now.enabled(), now.defaultRegion(), now.number(), now.group(), window, now.provider(),
				now.segments(), now.inboundSecret(), now.http(), now.twilio(), now.sendInterval(), now.batchSize(),
				now.maxAttempts(), now.firstRetry(), now.maxRetry());
	}

	/** Posts the generic gateway's JSON; a message id of digits only is written unquoted, as some gateways do. */
	private HttpResponse<String> generic(String secret, String from, String text, String messageId) throws Exception {
		String id = messageId.chars().allMatch(c -> c >= '0' && c <= '9') ? messageId : "\"" + messageId + "\"";
		String json = "{\"from\":\"" + from + "\",\"to\":\"+33700000000\",\"text\":\"" + HttpGateways.json(text)
				+ "\",\"messageId\":" + id + "}";
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/sms/inbound/generic"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		if (secret != null) {
			request.header(SmsWebhooks.SECRET_HEADER, secret);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> twilio(String url, Map<String, List<String>> form, String signature) throws Exception {
		StringBuilder body = new StringBuilder();
		form.forEach((name, values) -> values.forEach(value -> body.append(body.isEmpty() ? "" : "&")
			.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8))));
		return http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Twilio-Signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private User withPhone(User user, String phone) {
		User stored = users.findById(user.id().value()).orElseThrow();
		stored.setPhone(phone);
		return users.save(stored);
	}

	private List<Long> ticketsOf(User user) {
		return jdbc.queryForList("select id from ticket where requester_id = ? order by id", Long.class, user.id().value());
	}

	private long onlyTicketOf(User user) {
		List<Long> ids = ticketsOf(user);
		assertThat(ids).hasSize(1);
		return ids.get(0);
	}

	private static String deliveredTo(String number) {
		synchronized (delivered) {
			return delivered.stream().filter(body -> body.contains("\"to\":\"" + e164(number) + "\"")).findFirst().orElse(null);
		}
	}

	/** What {@code seen} sees once the due SMS are sent (by this thread, or the sender job's at the same time). */
	private <T> T sentNow(Supplier<T> seen) {
		job.sendDue();
		return seen.get();
	}

	/** The row of that message id once the ingestion decided what it became (no longer ACCEPTED), within 20 s. */
	private Map<String, Object> ingested(String messageId) throws InterruptedException {
		return await(() -> jdbc.queryForList("select outcome, ticket_id, sender from sms_inbound where message_id = ?", messageId)
			.stream()
			.filter(row -> !"ACCEPTED".equals(row.get("outcome")))
			.findFirst()
			.orElse(null), "the ingestion of " + messageId);
	}

	private static <T> T await(Supplier<T> condition, String what) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(20);
		while (true) {
			T value = condition.get();
			if (value != null) {
				return value;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Not seen within 20 s: " + what);
			}
			Thread.sleep(50);
		}
	}

	/**
	 * A French mobile number nobody else in the test database has, written nationally: 061XXXXXXX
	 * (not every 06 prefix is assigned: libphonenumber refuses 0639, 0698…).
	 */
	private static String mobile() {
		return "061" + String.format("%07d", (long) (Math.random() * 10_000_000L));
	}

	private static String e164(String national) {
		return "+33" + national.substring(1);
	}

	private static String spaced(String national) {
		return national.replaceAll("(\\d\\d)(?=\\d)", "$1 ");
	}

	private static String id() {
		return "msg-" + java.util.UUID.randomUUID();
	}

}

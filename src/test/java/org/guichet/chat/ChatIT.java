package org.guichet.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.knowledge.Article;
import org.guichet.knowledge.ArticleAction;
import org.guichet.knowledge.ArticleAudience;
import org.guichet.knowledge.ArticleContent;
import org.guichet.knowledge.ArticleKind;
import org.guichet.knowledge.ArticleLanguage;
import org.guichet.knowledge.Articles;
import org.guichet.system.ConflictException;
import org.guichet.system.ForbiddenException;
import org.guichet.testing.ApiClient;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.HtmlForms;
import org.guichet.testing.TestFixtures;
import org.guichet.testing.WebSession;
import org.guichet.tickets.Channel;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.guichet.text.MarkdownEscaping;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The chat through the real server, as two browsers would use it: each person logged in with
 * their own session cookie, the streams read as server-sent events over HTTP.
 */
@GuichetIntegrationTest
class ChatIT {

	private static final Pattern CONVERSATION = Pattern.compile("/portal/chat/(\\d+)$");

	@LocalServerPort
	int port;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Chats chats;

	@Autowired
	ChatPresence presence;

	@Autowired
	Articles knowledge;

	@Autowired
	TicketManagement tickets;

	private final List<Stream> streams = new ArrayList<>();

	@AfterEach
	void closeTheStreams() throws IOException {
		for (Stream stream : streams) {
			stream.body.close();
		}
	}

	@Test
	void aRequesterChatsWithAnAgentWhoTurnsItIntoATicketAndAStreamResumesFromTheLastEventItHad() throws Exception {
		User requester = fixtures.user("chatter", Role.REQUESTER);
		User agent = fixtures.user("chat-agent", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, agent);
		Session alice = login(requester);
		Session thomas = login(agent);

		Stream queue = thomas.stream("/agent/chat/stream", Map.of());
		await().atMost(Duration.ofSeconds(10)).until(() -> chats.availability().available());

		String marker = "chat-" + System.nanoTime();
		HttpResponse<String> started = alice.submit("/portal/chat", "/portal/chat", Map.of("text", marker + " my screen stays black"));
		assertThat(started.statusCode()).isEqualTo(302);
		Matcher found = CONVERSATION.matcher(started.headers().firstValue("Location").orElseThrow());
		assertThat(found.find()).isTrue();
		long id = Long.parseLong(found.group(1));
		assertThat(queue.next("queue")).as("the agents' queue is told").isNotNull();
		assertThat(thomas.get("/agent/chat").body()).contains(marker + " my screen stays black");

		Stream aliceStream = alice.stream("/chat/" + id + "/stream?after=0", Map.of());
		Event first = aliceStream.next("message");
		assertThat(first.data()).contains(marker + " my screen stays black").contains("\"fromAgent\":false");

		assertThat(thomas.submit("/agent/chat", "/agent/chat/" + id + "/take", Map.of()).statusCode()).isEqualTo(302);
		assertThat(aliceStream.next("state")).as("the requester's page is told it was taken").isNotNull();
		assertThat(thomas.get("/agent/chat/" + id).body()).contains("chat-to-ticket");

		assertThat(thomas.fetch("/agent/chat/" + id, "/chat/" + id + "/messages",
				Map.of("text", "Is it plugged in? <script>alert(1)</script>")).statusCode()).isEqualTo(204);
		Event answer = aliceStream.next("message");
		assertThat(answer.data()).contains("\"fromAgent\":true").contains("Is it plugged in?");
		assertThat(alice.fetch("/portal/chat/" + id, "/chat/" + id + "/messages", Map.of("text", "Yes, it is"))
			.statusCode()).isEqualTo(204);
		Event reply = aliceStream.next("message");
		assertThat(Long.parseLong(reply.id())).isGreaterThan(Long.parseLong(answer.id()));
		assertThat(thomas.get("/agent/chat/" + id).body()).as("texts are escaped")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert(1)</script>");

		HttpResponse<String> turned = thomas.submit("/agent/chat/" + id, "/agent/chat/" + id + "/ticket",
				Map.of("title", "Black screen", "type", "INCIDENT"));
		assertThat(turned.statusCode()).isEqualTo(302);
		Map<String, Object> ticket = jdbc.queryForMap(
				"select t.id, t.channel, t.requester_id, t.registered_by_id, t.description from ticket t"
						+ " join chat_conversation c on c.ticket_id = t.id where c.id = ?", id);
		assertThat(ticket.get("channel")).isEqualTo("CHAT");
		assertThat(((Number) ticket.get("requester_id")).longValue()).isEqualTo(requester.getId());
		assertThat(((Number) ticket.get("registered_by_id")).longValue()).isEqualTo(agent.getId());
		assertThat((String) ticket.get("description")).contains(marker + " my screen stays black")
			.contains("Is it plugged in? \\<script\\>")
			.contains("Yes, it is");
		assertThat(aliceStream.next("state")).isNotNull();
		assertThat(alice.get("/portal/chat/" + id).body()).contains("/portal/tickets/" + ticket.get("id"));

		// the requester's connection drops; the browser comes back with the last id it had
		aliceStream.body.close();
		Stream resumed = alice.stream("/chat/" + id + "/stream", Map.of("Last-Event-ID", first.id()));
		assertThat(resumed.next("message").id()).isEqualTo(answer.id());
		assertThat(resumed.next("message").id()).isEqualTo(reply.id());
		assertThat(thomas.fetch("/agent/chat/" + id, "/chat/" + id + "/messages", Map.of("text", "Ticket made"))
			.statusCode()).isEqualTo(204);
		assertThat(resumed.next("message").data()).contains("Ticket made");

		ApiClient.Response api = ApiClient.bearer(port, fixtures.token(requester))
			.get("/api/v1/chat/conversations/" + id + "?after=" + first.id());
		assertThat(api.status()).isEqualTo(200);
		assertThat(api.text()).contains("\"ticketId\":" + ticket.get("id"))
			.contains("\"messages\":[{\"id\":" + answer.id() + ",")
			.contains("Yes, it is");
		assertThat(ApiClient.bearer(port, fixtures.token(fixtures.user("stranger", Role.REQUESTER)))
			.get("/api/v1/chat/conversations/" + id)
			.status()).isEqualTo(404);
	}

	@Test
	void postingFasterThanTheLimitOrABlankMessageIsRefusedWithAMessageSayingWhatToDo() throws Exception {
		User requester = fixtures.user("chatty", Role.REQUESTER);
		User agent = fixtures.user("chat-agent", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, agent);
		Session bob = login(requester);
		Document blankStart = Jsoup.parse(bob.submit("/portal/chat", "/portal/chat", Map.of("text", " ")).body());
		assertThat(blankStart.select("#chat-start-text[aria-invalid=true][aria-describedby=chat-start-error][autofocus]"))
			.as("the field in error says so, described by its error, with the focus").hasSize(1);
		HttpResponse<String> started = withAgentAvailable(agent,
				() -> bob.submit("/portal/chat", "/portal/chat", Map.of("text", "Hello")));
		Matcher found = CONVERSATION.matcher(started.headers().firstValue("Location").orElseThrow());
		assertThat(found.find()).isTrue();
		String page = "/portal/chat/" + found.group(1);
		String messages = "/chat/" + found.group(1) + "/messages";

		HttpResponse<String> refused = null;
		int sent = 1;
		for (int i = 0; i < 25 && refused == null; i++) {
			HttpResponse<String> answer = bob.fetch(page, messages, Map.of("text", "again " + i));
			if (answer.statusCode() == 204) {
				sent++;
			}
			else {
				refused = answer;
			}
		}
		assertThat(refused).as("a refusal within 25 messages").isNotNull();
		assertThat(sent).isLessThanOrEqualTo(20);
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.body()).contains("Too many messages: at most 20 in 10 seconds");
		assertThat(bob.fetch(page, messages, Map.of("text", " ")).body()).contains("Write a message first");
		Document blank = Jsoup.parse(bob.submit(page, messages, Map.of("text", " ")).body());
		assertThat(blank.select("#chat-text[aria-invalid=true][autofocus]").attr("aria-describedby"))
			.isEqualTo("chat-error chat-hint");
	}

	@Test
	void aTransferKeepsTheMessagesSaysWhoToWhomAndReachesTheColleagueThenTheGroupWhoseQueueKeepsTheWaitingTime()
			throws Exception {
		User requester = fixtures.user("transferred", Role.REQUESTER);
		User first = fixtures.user("chat-first", Role.TECHNICIAN);
		User colleague = fixtures.user("chat-colleague", Role.TECHNICIAN);
		User other = fixtures.user("chat-other-group", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, first, colleague);
		SupportGroup level2 = fixtures.group(SupportLevel.N1, other);
		long id = withAgentAvailable(first,
				() -> chats.start("The VPN drops every hour", TestFixtures.current(requester)).conversation().getId());
		Instant started = chats.conversation(id, TestFixtures.current(requester)).startedAt();
		chats.take(id, TestFixtures.current(first));
		Session thomas = login(first);
		assertThat(thomas.get("/agent/chat/" + id).body()).contains("agent:" + colleague.getId())
			.contains("group:" + level2.getId())
			.doesNotContain("agent:" + first.getId() + "\"");

		HttpResponse<String> transferred = thomas.submit("/agent/chat/" + id, "/agent/chat/" + id + "/transfer",
				Map.of("to", "agent:" + colleague.getId()));
		assertThat(transferred.statusCode()).isEqualTo(302);
		assertThat(transferred.headers().firstValue("Location").orElseThrow()).endsWith("/agent/chat");
		assertThat(chats.activeOf(TestFixtures.current(colleague))).extracting(ConversationView::id).contains(id);
		assertThat(chats.activeOf(TestFixtures.current(first))).extracting(ConversationView::id).doesNotContain(id);
		assertThatThrownBy(() -> chats.post(id, "Still me", TestFixtures.current(first)))
			.isInstanceOf(ForbiddenException.class);
		assertThat(login(requester).get("/portal/chat/" + id).body()).contains("The VPN drops every hour")
			.contains(first.getFullName() + " transferred the chat to " + colleague.getFullName() + ".");

		chats.post(id, "Let me pass you to the network team", TestFixtures.current(colleague));
		HttpResponse<String> refused = thomas.fetch("/agent/chat/" + id, "/agent/chat/" + id + "/transfer",
				Map.of("to", "group:" + level2.getId()));
		assertThat(refused.statusCode()).as("not the holder any more").isEqualTo(403);
		chats.transferToGroup(id, level2.getId(), TestFixtures.current(colleague));
		ConversationView waiting = chats.conversation(id, TestFixtures.current(requester));
		assertThat(waiting.state()).isEqualTo(ChatState.WAITING);
		assertThat(waiting.startedAt()).as("the waiting time counts from the start").isEqualTo(started);
		assertThat(chats.waiting(TestFixtures.current(other))).extracting(ConversationView::id).contains(id);
		assertThat(chats.waiting(TestFixtures.current(first))).as("only the group's queue")
			.extracting(ConversationView::id).doesNotContain(id);
		assertThatThrownBy(() -> chats.take(id, TestFixtures.current(first))).isInstanceOf(ForbiddenException.class)
			.hasMessageContaining("another group");
		chats.take(id, TestFixtures.current(other));

		Session marie = login(other);
		assertThat(marie.submit("/agent/chat/" + id, "/agent/chat/" + id + "/ticket",
				Map.of("title", "VPN drops", "type", "INCIDENT")).statusCode()).isEqualTo(302);
		String description = jdbc.queryForObject("select t.description from ticket t join chat_conversation c"
				+ " on c.ticket_id = t.id where c.id = ?", String.class, id);
		assertThat(description).as("the transfers in no reader's language").contains("The VPN drops every hour")
			.contains("**: → " + MarkdownEscaping.escape(colleague.getFullName()))
			.contains("**: → " + MarkdownEscaping.escape(level2.getName()))
			.doesNotContain("ransferred the chat")
			.contains("Let me pass you to the network team");
	}

	@Test
	void theAgentIsSuggestedOnlyArticlesTheRequesterMayReadAndAChatSolvedInTheChatIsATicketResolvedAtFirstContact()
			throws Exception {
		User requester = fixtures.user("solved-in-chat", Role.REQUESTER);
		User agent = fixtures.user("chat-solver", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, agent);
		String word = "vpnflap" + System.nanoTime();
		CurrentUser writer = TestFixtures.current(agent);
		long visible = published("Reconnect the VPN " + word, ArticleAudience.PUBLIC, word, writer);
		long internal = published("VPN concentrator logs " + word, ArticleAudience.INTERNAL, word, writer);
		long id = withAgentAvailable(agent,
				() -> chats.start("My " + word + " VPN drops every hour", TestFixtures.current(requester)).conversation().getId());
		chats.take(id, TestFixtures.current(agent));

		assertThat(chats.suggestedArticles(id, TestFixtures.current(agent))).extracting(SuggestedArticle::id)
			.contains(visible)
			.doesNotContain(internal);
		Session thomas = login(agent);
		assertThat(thomas.get("/agent").body()).as("the chat agent's menu leads to the queue")
			.contains("id=\"nav-chat\"").contains("href=\"/agent/chat\"");
		assertThat(login(fixtures.user("no-chat-agent", Role.TECHNICIAN)).get("/agent").body())
			.as("an agent of no chat group has no Chat entry").doesNotContain("id=\"nav-chat\"");
		assertThat(login(requester).get("/portal").body()).contains("href=\"/portal/chat\"");
		assertThat(thomas.get("/agent/chat/" + id).body()).contains("data-insert-link=\"/portal/knowledge/" + visible + "\"")
			.doesNotContain("/portal/knowledge/" + internal + "\"");

		String page = "/agent/chat/" + id;
		HttpResponse<String> blank = thomas.submit(page, page + "/ticket",
				Map.of("title", "VPN drops", "type", "INCIDENT", "solution", " ", "solved", "true"));
		assertThat(blank.statusCode()).isEqualTo(200);
		assertThat(blank.body()).contains("Say how the problem was solved").contains("VPN drops");
		Document refused = Jsoup.parse(blank.body());
		assertThat(refused.select("#chat-solution[aria-invalid=true][autofocus]").attr("aria-describedby"))
			.as("next to its field, which says so").isEqualTo("chat-solution-error chat-solved-help");
		assertThat(refused.select("#chat-solution-error").text()).startsWith("Say how the problem was solved");
		assertThat(refused.select("#chat-ticket-error, #chat-ticket-title[aria-invalid]")).isEmpty();
		HttpResponse<String> solved = thomas.submit(page, page + "/ticket", Map.of("title", "VPN drops", "type",
				"INCIDENT", "solution", "Reinstalled the VPN client", "solved", "true"));
		assertThat(solved.statusCode()).isEqualTo(302);

		Map<String, Object> ticket = jdbc.queryForMap("select t.id, t.channel, t.status, t.solution, t.assignee_id"
				+ " from ticket t join chat_conversation c on c.ticket_id = t.id where c.id = ?", id);
		assertThat(ticket.get("channel")).isEqualTo("CHAT");
		assertThat((String) ticket.get("status")).isIn("RESOLVED", "CLOSED");
		assertThat(ticket.get("solution")).isEqualTo("Reinstalled the VPN client");
		assertThat(((Number) ticket.get("assignee_id")).longValue()).isEqualTo(agent.getId());
		assertThat(chats.conversation(id, TestFixtures.current(requester)).state()).as("the chat ends")
			.isEqualTo(ChatState.CLOSED);
		long ticketId = ((Number) ticket.get("id")).longValue();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForList(
				"select resolved_first_contact from ticket_fact where ticket_id = ?", Boolean.class, ticketId))
			.as("counted by the KPIs' first-contact resolution").containsExactly(true));
	}

	private long published(String title, ArticleAudience audience, String word, CurrentUser writer) {
		Article article = knowledge.create(ArticleContent.of(title, "When the " + word + " VPN drops, reconnect it.",
				ArticleKind.FAQ, audience, null, List.of(), null), ArticleLanguage.EN, null, writer);
		knowledge.act(article.getId(), ArticleAction.PUBLISH, null, writer);
		return article.getId();
	}

	// --- Visitors, not logged in (guichet.chat.visitors=true in the tests' settings) -------------------

	@Test
	void aVisitorChatsWithoutAnAccountAndTheTicketIsTheAccountOfTheAddressOnChannelChatItsHistorySayingNotVerified()
			throws Exception {
		User owner = fixtures.user("visited-owner", Role.REQUESTER);
		User agent = fixtures.user("chat-agent", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, agent);
		String ownersTicket = "Owners own " + System.nanoTime();
		tickets.register(new NewTicket(TicketType.INCIDENT, ownersTicket, "Their own ticket", owner.getId(), Channel.PHONE,
				null, Urgency.LOW, null, List.of()), TestFixtures.current(agent));
		Session thomas = login(agent);
		Stream queue = thomas.stream("/agent/chat/stream", Map.of());
		await().atMost(Duration.ofSeconds(10)).until(() -> chats.availability().available());
		Session visitor = visitor();
		assertThat(visitor.get("/login").body()).contains("id=\"visitor-chat-link\"");

		String marker = "visit-" + System.nanoTime();
		HttpResponse<String> started = visitor.submit("/visit/chat", "/visit/chat",
				Map.of("name", "Mallory", "email", " " + owner.getEmail().toUpperCase() + " ", "text", marker + " printer jam"));
		assertThat(started.statusCode()).isEqualTo(302);
		assertThat(started.headers().firstValue("Location").orElseThrow()).endsWith("/visit/chat/conversation");
		assertThat(started.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
			.startsWith("guichet-chat-visitor=").contains("HttpOnly").contains("Path=/visit/chat").contains("SameSite=Strict"));
		assertThat(queue.next("queue")).isNotNull();
		long id = jdbc.queryForObject("select id from chat_conversation where visitor_name = 'Mallory' and visitor_email = ?"
				+ " and requester_id is null", Long.class, owner.getEmail().toUpperCase());

		String page = visitor.get("/visit/chat/conversation").body();
		assertThat(page).contains(marker + " printer jam").contains("Mallory").doesNotContain(owner.getFullName())
			.doesNotContain("/portal/tickets").as("no account id on a visitor's page").doesNotContain("data-me");
		assertThat(Jsoup.parse(thomas.get("/agent/chat").body()).select("#chat-waiting-" + id).text())
			.as("the queue: the name and the address typed, not verified")
			.contains("Mallory <" + owner.getEmail().toUpperCase() + "> Visitor — address not verified");
		assertThat(thomas.submit("/agent/chat", "/agent/chat/" + id + "/take", Map.of()).statusCode()).isEqualTo(302);
		assertThat(thomas.get("/agent/chat/" + id).body()).contains("id=\"chat-visitor\"")
			.contains("Visitor — address not verified").contains("Mallory")
			.contains("&lt;" + owner.getEmail().toUpperCase() + "&gt;")
			.as("the open tickets of the address's account").contains(ownersTicket);

		Stream visitorStream = visitor.stream("/visit/chat/stream?after=0", Map.of());
		Event first = visitorStream.next("message");
		assertThat(first.data()).contains(marker).contains("\"author\":\"Mallory\"");
		assertThat(thomas.fetch("/agent/chat/" + id, "/chat/" + id + "/messages", Map.of("text", "Which printer? <b>"))
			.statusCode()).isEqualTo(204);
		Event answer = visitorStream.next("message");
		assertThat(answer.data()).contains("\"fromAgent\":true").contains("Which printer?")
			.as("no account id in a visitor's stream").doesNotContainPattern("\"authorId\":\\d");
		assertThat(visitor.fetch("/visit/chat/conversation", "/visit/chat/messages", Map.of("text", "The one on floor 2"))
			.statusCode()).isEqualTo(204);
		assertThat(visitor.fetch("/visit/chat/conversation", "/visit/chat/typing", Map.of()).statusCode()).isEqualTo(204);

		// a reload, then a dropped connection: nothing lost
		assertThat(visitor.get("/visit/chat").headers().firstValue("Location").orElseThrow()).endsWith("/visit/chat/conversation");
		assertThat(visitor.get("/visit/chat/conversation").body()).contains("Which printer? &lt;b&gt;").contains("The one on floor 2");
		visitorStream.body.close();
		Stream resumed = visitor.stream("/visit/chat/stream", Map.of("Last-Event-ID", first.id()));
		assertThat(resumed.next("message").id()).isEqualTo(answer.id());

		assertThat(thomas.submit("/agent/chat/" + id, "/agent/chat/" + id + "/ticket",
				Map.of("title", "Printer jam", "type", "INCIDENT")).statusCode()).isEqualTo(302);
		Map<String, Object> ticket = jdbc.queryForMap("select t.id, t.channel, t.requester_id, t.description from ticket t"
				+ " join chat_conversation c on c.ticket_id = t.id where c.id = ?", id);
		assertThat(ticket.get("channel")).isEqualTo("CHAT");
		assertThat(((Number) ticket.get("requester_id")).longValue()).isEqualTo(owner.getId());
		assertThat(jdbc.queryForObject("select count(*) from app_user where lower(email) = lower(?)", Integer.class,
				owner.getEmail())).as("the account of the address, no other").isEqualTo(1);
		assertThat((String) ticket.get("description")).as("no word of either language").contains("Mallory")
			.contains("printer jam").doesNotContain("not verified");
		assertThat(jdbc.queryForObject("select count(*) from ticket_history where ticket_id = ? and field = 'wayIn'"
				+ " and new_value = 'VISITOR_CHAT'", Integer.class, ticket.get("id"))).isEqualTo(1);
		assertThat(thomas.get("/agent/tickets/" + ticket.get("id")).body())
			.contains("Chat of a visitor who was not logged in");
		assertThat(visitor.get("/visit/chat/conversation").body()).contains("id=\"chat-ticket\"")
			.doesNotContain("/portal/tickets/" + ticket.get("id"));
		assertThat(visitor.submit("/visit/chat/conversation", "/visit/chat/close", Map.of()).statusCode()).isEqualTo(302);
		assertThat(jdbc.queryForObject("select state from chat_conversation where id = ?", String.class, id))
			.isEqualTo("CLOSED");
		assertThat(visitor.get("/visit/chat").body()).as("an ended chat: the form to start another")
			.contains("id=\"chat-visitor-name\"");
	}

	@Test
	void aVisitorOpensTheirConversationOnlyNeverAnotherNorTheAccountsTicketsAndTheAccountDoesNotSeeIt() throws Exception {
		User owner = fixtures.user("visited-twice", Role.REQUESTER);
		User agent = fixtures.user("chat-agent", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, agent);
		Session ownerSession = login(owner);
		Session visitor = visitor();
		HttpResponse<String> eve = withAgentAvailable(agent, () -> {
			assertThat(ownerSession.submit("/portal/chat", "/portal/chat", Map.of("text", "The owner's own chat"))
				.statusCode()).isEqualTo(302);
			return visitor.submit("/visit/chat", "/visit/chat",
					Map.of("name", "Eve", "email", owner.getEmail(), "text", "Let me in"));
		});
		assertThat(eve.statusCode()).isEqualTo(302);
		long ownersChat = jdbc.queryForObject(
				"select id from chat_conversation where requester_id = ? and visitor_name is null", Long.class, owner.getId());
		long visitorsChat = jdbc.queryForObject(
				"select id from chat_conversation where visitor_email = ? and visitor_name = 'Eve'", Long.class, owner.getEmail());
		assertThat(visitor.get("/visit/chat/conversation").body()).contains("Let me in").doesNotContain("The owner's own chat");

		// the visitor is nobody's login: every other page sends them to log in
		for (String path : List.of("/chat/" + ownersChat + "/stream", "/portal/chat/" + ownersChat, "/portal/tickets",
				"/portal", "/api/v1/chat/conversations/" + visitorsChat)) {
			HttpResponse<String> answer = visitor.get(path);
			assertThat(answer.statusCode()).as(path).isIn(302, 401);
			assertThat(answer.body()).as(path).doesNotContain("The owner's own chat");
		}
		assertThat(visitor().get("/visit/chat/conversation").headers().firstValue("Location").orElseThrow())
			.as("no cookie: the start form").endsWith("/visit/chat?lost");
		WebSession forged = new WebSession("http://localhost:" + port);
		assertThat(forged.get("/visit/chat/conversation", Map.of("Cookie", "guichet-chat-visitor=" + "A".repeat(43)))
			.headers().firstValue("Location").orElseThrow()).as("a token that opens nothing, as none")
			.endsWith("/visit/chat?lost");
		assertThat(forged.get("/visit/chat/stream", Map.of("Cookie", "guichet-chat-visitor=" + "A".repeat(43)))
			.statusCode()).isEqualTo(404);

		// the account's own chat stays its own, the visitor's is not the account's to open
		assertThat(ownerSession.get("/portal/chat").headers().firstValue("Location").orElseThrow())
			.endsWith("/portal/chat/" + ownersChat);
		assertThat(ownerSession.get("/portal/chat/" + visitorsChat).statusCode()).isEqualTo(404);
	}

	@Test
	void aStartFromASecondTabGoesToTheConversationOpenAlreadyWhichTakesTheMessageAndThePageSaysSo() throws Exception {
		User requester = fixtures.user("two-tabs", Role.REQUESTER);
		User agent = fixtures.user("chat-agent", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, agent);
		String email = "two-tabs-" + System.nanoTime() + "@example.org";
		Session visitor = visitor();
		Session alice = login(requester);
		// each second tab's form was opened before the first tab started the chat
		Map<String, String> secondTab = HtmlForms.hiddenFields(visitor.get("/visit/chat").body(), "/visit/chat");
		secondTab.putAll(Map.of("name", "Tab Two", "email", "other@example.org", "text", "From the second tab"));
		Map<String, String> requesterSecondTab = HtmlForms.hiddenFields(alice.get("/portal/chat").body(), "/portal/chat");
		requesterSecondTab.put("text", "Mine from the second tab");
		List<HttpResponse<String>> started = withAgentAvailable(agent, () -> List.of(
				visitor.submit("/visit/chat", "/visit/chat", Map.of("name", "Tab One", "email", email, "text", "From the first tab")),
				visitor.post("/visit/chat", secondTab, Map.of()),
				alice.submit("/portal/chat", "/portal/chat", Map.of("text", "Mine from the first tab")),
				alice.post("/portal/chat", requesterSecondTab, Map.of())));

		assertThat(started.get(0).headers().firstValue("Location").orElseThrow()).endsWith("/visit/chat/conversation");
		assertThat(started.get(1).headers().firstValue("Location").orElseThrow()).endsWith("/visit/chat/conversation?added");
		assertThat(started.get(1).headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("guichet-chat-visitor="));
		assertThat(jdbc.queryForList("select visitor_name from chat_conversation where visitor_email = ?", String.class, email))
			.as("one conversation, with the name of its start").containsExactly("Tab One");
		assertThat(jdbc.queryForObject("select count(*) from chat_conversation where visitor_email = 'other@example.org'"
				+ " and visitor_name = 'Tab Two'", Integer.class)).isZero();
		Document added = Jsoup.parse(visitor.get("/visit/chat/conversation?added").body());
		assertThat(added.select("#chat-added[role=status]")).hasSize(1);
		assertThat(added.select("#chat-messages li p")).extracting(Element::text)
			.containsExactly("From the first tab", "From the second tab");
		assertThat(visitor.get("/visit/chat/conversation").body()).doesNotContain("id=\"chat-added\"");

		String second = started.get(3).headers().firstValue("Location").orElseThrow();
		assertThat(second).as("the requester's second tab, as the visitor's")
			.isEqualTo(started.get(2).headers().firstValue("Location").orElseThrow() + "?added");
		Document requesterPage = Jsoup.parse(alice.get(second.substring(second.indexOf("/portal/"))).body());
		assertThat(requesterPage.select("#chat-added")).hasSize(1);
		assertThat(requesterPage.select("#chat-messages li p")).extracting(Element::text)
			.containsExactly("Mine from the first tab", "Mine from the second tab");
	}

	@Test
	void aVisitorWhoseCookieOpensNoConversationAnyMoreLandsOnTheStartFormSayingSoTheTextTheySentKept() throws Exception {
		User agent = fixtures.user("chat-agent", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, agent);
		Session visitor = visitor();
		HttpResponse<String> started = withAgentAvailable(agent, () -> visitor.submit("/visit/chat", "/visit/chat",
				Map.of("name", "Forgetful", "email", "forgetful@example.org", "text", "Hello " + System.nanoTime())));
		assertThat(started.statusCode()).isEqualTo(302);
		// the cookie expires: its token opens nothing any more
		jdbc.update("update chat_conversation set visitor_token = null where visitor_name = 'Forgetful'");

		HttpResponse<String> page = visitor.get("/visit/chat/conversation");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/visit/chat?lost");
		Document english = Jsoup.parse(visitor.web.get("/visit/chat?lost", Map.of("Accept-Language", "en")).body());
		assertThat(english.select("#chat-visitor-lost").text()).isEqualTo("This chat can no longer be reached from this"
				+ " browser: its cookie was cleared or has expired. Start a new chat below.");
		assertThat(english.select("#chat-start #chat-visitor-name")).hasSize(1);
		assertThat(english.select("#chat-messages, .chat-message")).as("nothing of any conversation").isEmpty();
		assertThat(Jsoup.parse(visitor.get("/visit/chat?lost").body()).select("#chat-visitor-lost").text())
			.startsWith("Cette discussion n’est plus accessible depuis ce navigateur");
		assertThat(visitor.get("/visit/chat").body()).as("said only when it happened").doesNotContain("chat-visitor-lost");

		HttpResponse<String> script = visitor.fetch("/visit/chat?lost", "/visit/chat/messages", Map.of("text", "Still there?"));
		assertThat(script.statusCode()).isEqualTo(404);
		assertThat(script.body()).startsWith("Cette discussion n’est plus accessible depuis ce navigateur");
		Map<String, String> form = HtmlForms.hiddenFields(visitor.get("/visit/chat?lost").body(), "/visit/chat");
		form.put("text", "Sent without the script");
		Document kept = Jsoup.parse(visitor.post("/visit/chat/messages", form, Map.of()).body());
		assertThat(kept.select("#chat-visitor-lost")).hasSize(1);
		assertThat(kept.select("#chat-start-text").text()).as("the text sent, kept as the first message")
			.isEqualTo("Sent without the script");
		HttpResponse<String> close = visitor.post("/visit/chat/close", form, Map.of());
		assertThat(close.headers().firstValue("Location").orElseThrow()).endsWith("/visit/chat?lost");
	}

	@Test
	void aVisitorsEveryMissingOrBadFieldIsRefusedAtOnceNextToItWhatWasTypedKept() throws Exception {
		User agent = fixtures.user("chat-agent", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, agent);
		Session visitor = visitor();
		withAgentAvailable(agent, () -> {
			String blankName = visitor.submit("/visit/chat", "/visit/chat",
					Map.of("name", " ", "email", "kept@example.org", "text", "Kept text")).body();
			assertThat(blankName).contains("id=\"chat-visitor-name-error\"").contains("value=\"kept@example.org\"")
				.contains("Kept text").doesNotContain("id=\"chat-visitor-email-error\"");
			String badAddress = visitor.submit("/visit/chat", "/visit/chat",
					Map.of("name", "Kept Name", "email", "not an address", "text", "Kept text")).body();
			assertThat(badAddress).contains("id=\"chat-visitor-email-error\"")
				.contains("value=\"Kept Name\"").contains("value=\"not an address\"");
			String twoLines = visitor.submit("/visit/chat", "/visit/chat",
					Map.of("name", "Bob\r\nBcc: x@example.org", "email", "kept@example.org", "text", "Kept text")).body();
			assertThat(twoLines).contains("id=\"chat-visitor-name-error\"", "une seule ligne")
				.contains("value=\"kept@example.org\"").contains("Kept text");
			assertThat(jdbc.queryForObject("select count(*) from chat_conversation where visitor_name like 'Bob%Bcc%'",
					Integer.class)).isZero();
			String empty = visitor.submit("/visit/chat", "/visit/chat", Map.of("name", "", "email", "", "text", "")).body();
			assertThat(empty).contains("id=\"chat-visitor-name-error\"").contains("id=\"chat-visitor-email-error\"")
				.contains("id=\"chat-start-text-error\"").doesNotContain("id=\"chat-start-error\"");
			String nameAndText = visitor.submit("/visit/chat", "/visit/chat",
					Map.of("name", "", "email", "kept2@example.org", "text", "")).body();
			assertThat(nameAndText).contains("id=\"chat-visitor-name-error\"").contains("id=\"chat-start-text-error\"")
				.doesNotContain("id=\"chat-visitor-email-error\"").contains("value=\"kept2@example.org\"");
			String longAddress = visitor.submit("/visit/chat", "/visit/chat",
					Map.of("name", "Kept Name", "email", "a".repeat(189) + "@example.org", "text", "Kept text")).body();
			assertThat(longAddress).as("a bound, not 'not valid' (no Accept-Language: French)")
				.contains("Trop long : 200 caractères au plus.").doesNotContain("Saisissez une adresse e-mail valide");
			assertThat(jdbc.queryForObject("select count(*) from chat_conversation where visitor_name = 'Kept Name'",
					Integer.class)).isZero();

			// each field in error is marked so and described by its message; the first has the focus
			Document refused = Jsoup.parse(empty);
			for (String field : List.of("chat-visitor-name", "chat-visitor-email", "chat-start-text")) {
				assertThat(refused.select("#" + field + "[aria-invalid=true][aria-describedby=" + field + "-error]"))
					.as(field).hasSize(1);
			}
			assertThat(refused.select("[autofocus]")).extracting(Element::id).containsExactly("chat-visitor-name");
			Document oneRefused = Jsoup.parse(blankName);
			assertThat(oneRefused.select("[aria-invalid]")).extracting(Element::id).containsExactly("chat-visitor-name");
			assertThat(Jsoup.parse(badAddress).select("[autofocus]")).extracting(Element::id)
				.containsExactly("chat-visitor-email");
			return null;
		});
	}

	@Test
	void oneNetworkStartsAtMostFiveVisitorConversationsAnHourAnIpv6HostCountedByItsSlash64() throws Exception {
		User agent = fixtures.user("chat-agent", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, agent);
		withAgentAvailable(agent, () -> {
			long seed = System.nanoTime() % 0xfff0;
			String network = "2001:db8:" + Long.toHexString(seed) + ":" + Long.toHexString(seed + 1) + ":";
			for (int i = 0; i < 5; i++) {
				chats.startAsVisitor("Walk-in", "walk-in@example.org", "Hello " + i, network + "a:b:c:" + Integer.toHexString(i),
						null);
			}
			assertThatThrownBy(() -> chats.startAsVisitor("Walk-in", "walk-in@example.org", "Once more",
					network + "ffff:ffff:ffff:ffff", null))
				.isInstanceOf(TooManyMessagesException.class)
				.hasFieldOrPropertyWithValue("messageKey", "chat.visitors.too-many");
			return chats.startAsVisitor("Walk-in", "walk-in@example.org", "From the next network",
					"2001:db8:" + Long.toHexString(seed) + ":" + Long.toHexString(seed + 2) + "::1", null);
		});
	}

	@Test
	void startingAVisitorConversationCreatesNoAccountAndItsTicketCreatesOneThatTheNextTicketOfTheAddressReuses()
			throws Exception {
		User agent = fixtures.user("chat-agent", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, agent);
		CurrentUser thomas = TestFixtures.current(agent);
		String email = "walk-in-" + System.nanoTime() + "@example.org";
		long first = withAgentAvailable(agent, () -> chats.startAsVisitor("Walk-in", email, "Hello",
				"198.51.100." + (System.nanoTime() % 250), null).conversation().getId());
		long second = withAgentAvailable(agent, () -> chats.startAsVisitor("Walk-in again", email, "Me again",
				"192.0.2." + (System.nanoTime() % 250), null).conversation().getId());
		assertThat(accountsOf(email)).as("nothing for an address typed").isZero();
		chats.take(first, thomas);
		assertThat(accountsOf(email)).isZero();

		Ticket ticket = chats.turnIntoTicket(first, "Hello", TicketType.INCIDENT, null, thomas);
		assertThat(accountsOf(email)).as("the account made with the ticket").isEqualTo(1);
		Map<String, Object> account = jdbc.queryForMap("select id, full_name, active from app_user where email = ?", email);
		assertThat(account.get("full_name")).isEqualTo("Walk-in");
		assertThat(account.get("active")).isEqualTo(true);
		assertThat(ticket.getRequester().getId()).isEqualTo(((Number) account.get("id")).longValue());
		assertThat(chats.conversation(first, thomas).requesterId()).isEqualTo(ticket.getRequester().getId());

		chats.take(second, thomas);
		Ticket next = chats.turnIntoTicket(second, "Me again", TicketType.INCIDENT, null, thomas);
		assertThat(accountsOf(email)).as("the same account again").isEqualTo(1);
		assertThat(next.getRequester().getId()).isEqualTo(ticket.getRequester().getId());
		assertThat(chats.messagesAfter(second, 0, thomas)).singleElement()
			.satisfies(message -> assertThat(message.author()).isEqualTo("Walk-in again"))
			.satisfies(message -> assertThat(message.fromAgent()).isFalse());
	}

	@Test
	void aVisitorConversationWithTheAddressOfADeactivatedAccountIsRefusedAsATicketSayingWhatToDo() throws Exception {
		User agent = fixtures.user("chat-agent", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, agent);
		CurrentUser thomas = TestFixtures.current(agent);
		User left = fixtures.user("chat-left", Role.REQUESTER);
		jdbc.update("update app_user set active = false where id = ?", left.getId());
		long id = withAgentAvailable(agent, () -> chats.startAsVisitor("Former colleague", left.getEmail(), "Hello",
				"198.51.100." + (System.nanoTime() % 250), null).conversation().getId());
		chats.take(id, thomas);

		assertThatThrownBy(() -> chats.turnIntoTicket(id, "Hello", TicketType.INCIDENT, null, thomas))
			.isInstanceOfSatisfying(ConflictException.class, refused -> {
				assertThat(refused.messageKey()).isEqualTo("chat.visitor.account-inactive");
				assertThat(refused.arguments()).containsExactly(left.getEmail());
			});
		assertThat(jdbc.queryForObject("select ticket_id from chat_conversation where id = ?", Long.class, id)).isNull();
		assertThat(jdbc.queryForObject("select count(*) from ticket where requester_id = ?", Integer.class, left.getId()))
			.isZero();
	}

	/** Runs {@code action} while {@code agent}, of a chat group, has the chat open (someone answers), then lets them leave. */
	private <T> T withAgentAvailable(User agent, Callable<T> action) throws Exception {
		presence.arrive(agent.getId());
		try {
			return action.call();
		}
		finally {
			presence.leave(agent.getId());
		}
	}

	private int accountsOf(String email) {
		return jdbc.queryForObject("select count(*) from app_user where lower(email) = lower(?)", Integer.class, email);
	}

	// --- Two browsers, over HTTP ---------------------------------------------------------------------

	/** A browser of someone who is not logged in. */
	private Session visitor() {
		return new Session(new WebSession("http://localhost:" + port));
	}

	private Session login(User user) throws Exception {
		return new Session(WebSession.signedIn("http://localhost:" + port, user));
	}

	record Event(String name, String id, String data) {
	}

	/** An open event stream, read line by line on a thread of its own. */
	final class Stream {

		private final InputStream body;

		private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

		Stream(InputStream body) {
			this.body = body;
			Thread reader = new Thread(this::read, "chat-stream-reader");
			reader.setDaemon(true);
			reader.start();
		}

		private void read() {
			try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
				String name = "message";
				String id = "";
				StringBuilder data = new StringBuilder();
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					if (line.isEmpty()) {
						if (!data.isEmpty() || !id.isEmpty() || !name.equals("message")) {
							events.add(new Event(name, id, data.toString()));
						}
						name = "message";
						id = "";
						data.setLength(0);
					}
					else if (line.startsWith("event:")) {
						name = line.substring(6).strip();
					}
					else if (line.startsWith("id:")) {
						id = line.substring(3).strip();
					}
					else if (line.startsWith("data:")) {
						data.append(line.substring(5).strip());
					}
				}
			}
			catch (IOException closed) {
				// the test closed the stream
			}
		}

		/** The next event of that name, the others before it skipped; fails after 10 s. */
		Event next(String name) throws InterruptedException {
			long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (System.nanoTime() < until) {
				Event event = events.poll(100, TimeUnit.MILLISECONDS);
				if (event != null && event.name().equals(name)) {
					return event;
				}
			}
			throw new AssertionError("no " + name + " event within 10 s");
		}

	}

	/** One browser ({@link WebSession}) whose streams close after the test. */
	final class Session {

		private final WebSession web;

		Session(WebSession web) {
			this.web = web;
		}

		HttpResponse<String> get(String path) throws Exception {
			return web.get(path);
		}

		HttpResponse<String> submit(String page, String action, Map<String, String> fields) throws Exception {
			return web.submit(page, action, fields);
		}

		HttpResponse<String> fetch(String page, String action, Map<String, String> fields) throws Exception {
			return web.fetch(page, action, fields);
		}

		HttpResponse<String> post(String path, Map<String, String> fields, Map<String, String> headers)
				throws Exception {
			return web.post(path, fields, headers);
		}

		Stream stream(String path, Map<String, String> headers) throws Exception {
			HttpResponse<InputStream> answer = web.stream(path, headers);
			assertThat(answer.statusCode()).isEqualTo(200);
			Stream stream = new Stream(answer.body());
			streams.add(stream);
			return stream;
		}

	}

}

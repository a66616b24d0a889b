package org.guichet.mail;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.guichet.approvals.ApprovalOutcome;
import org.guichet.approvals.Approvals;
import org.guichet.approvals.Quorum;
import org.guichet.approvals.StepKind;
import org.guichet.approvals.StepPlan;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.mail.templates.MailTemplates;
import org.guichet.notifications.PasswordResetMailChecks;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestSmtp;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Impact;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Status;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Transition;
import org.guichet.tickets.Urgency;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Mail out against a real SMTP server (GreenMail) in the test's JVM: the requester's mails with
 * their threading headers and language, an SMTP outage that loses nothing and delivers each mail
 * once, a mail given up that the administrators' page shows and sends again; an approver's mail
 * whose signed link decides without logging in. The password-reset mail's checks run nested here,
 * against the same server, so that both start one application rather than one each.
 */
@GuichetIntegrationTest
class MailOutboxIT {

	private static final ServerSetup SMTP = TestSmtp.onFreePort();

	private static GreenMail server = TestSmtp.started(SMTP);

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private UserRepository users;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private MailTemplates templates;

	@Autowired
	private Approvals approvals;

	private User alice;

	private CurrentUser technician;

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		TestSmtp.register(registry, SMTP);
		// given up about 8 s after its first failure (0.3 + 0.6 + 7 × 1 s): longer than registering the
		// outage test's three tickets and starting the server again take on a loaded machine (at 3 s, the
		// three were once given up before the server was back), short enough for the given-up tests
		registry.add("guichet.mail.first-retry", () -> "300ms");
		registry.add("guichet.mail.max-retry", () -> "1s");
		registry.add("guichet.mail.max-attempts", () -> "10");
	}

	@AfterAll
	static void stop() {
		server.stop();
	}

	@BeforeEach
	void setUp() {
		if (!server.isRunning()) {
			server = TestSmtp.started(SMTP);
		}
		alice = fixtures.user("mailed-alice", Role.REQUESTER);
		technician = TestFixtures.current(fixtures.user("mailing-tech", Role.TECHNICIAN));
	}

	@Test
	void aPublicReplyReachesTheRequesterThreadedUnderTheReceivedMailWithTheReferenceInItsSubject() throws Exception {
		TicketId ticket = register("Printer on fire");
		MimeMessage received = TestSmtp.await(() -> to(alice), 1).get(0);
		tickets.transition(ticket, Transition.of(TicketAction.TAKE), null, technician);
		tickets.comment(ticket, "We are on our way", false, technician);

		List<MimeMessage> mails = TestSmtp.await(() -> to(alice), 2);
		MimeMessage reply = mails.get(1);
		assertThat(received.getSubject()).isEqualTo("[" + ticket + "] Request received: Printer on fire");
		assertThat(received.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
		assertThat(reply.getSubject()).isEqualTo("[" + ticket + "] New reply: Printer on fire");
		assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo(received.getMessageID());
		assertThat(reply.getHeader("References", null)).isEqualTo(received.getMessageID());
		assertThat(reply.getHeader("Auto-Submitted")).as("written by a person").isNull();
		assertThat(reply.getMessageID()).endsWith("@desk.example>");
		assertThat(addresses(reply.getReplyTo())).containsExactly("support@desk.example");
		assertThat(addresses(reply.getFrom())).containsExactly("guichet@desk.example");
		assertThat(jdbc.queryForObject("select ticket_id from mail_ticket_message where message_id = ?", Long.class,
				reply.getMessageID())).isEqualTo(ticket.value());
		MimeMultipart alternative = alternative(reply);
		assertThat(alternative.getCount()).isEqualTo(2);
		assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
		assertThat((String) alternative.getBodyPart(0).getContent())
			.contains("https://desk.example/portal/tickets/" + ticket.value());
		assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
		assertThat((String) alternative.getBodyPart(1).getContent())
			.contains("href=\"https://desk.example/portal/tickets/" + ticket.value() + "\"");
	}

	@Test
	void aPublicReplysMailHoldsTheReplyItsAuthorAndTheFileSentWithItButNeverAnInternalNote() throws Exception {
		TicketId ticket = register("VPN drops");
		TestSmtp.await(() -> to(alice), 1);
		tickets.transition(ticket, Transition.of(TicketAction.TAKE), null, technician);
		tickets.comment(ticket, "Secret: the VPN box is **ours** to reboot", true, technician);
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		MockHttpSession tech = (MockHttpSession) mvc
			.perform(formLogin().user(technician.getUsername()).password(TestFixtures.PASSWORD))
			.andReturn()
			.getRequest()
			.getSession();
		mvc.perform(multipart("/agent/tickets/{id}/reply", ticket.value())
			.file(new MockMultipartFile("file", "vpn-guide.pdf", "application/pdf", "%PDF-1.4".getBytes()))
			.param("body", "Please **restart** the client.\n\n<script>alert(1)</script>")
			.session(tech)
			.with(csrf())).andExpect(status().is3xxRedirection());

		MimeMessage reply = TestSmtp.await(() -> to(alice), 2).get(1);
		String text = (String) alternative(reply).getBodyPart(0).getContent();
		String html = (String) alternative(reply).getBodyPart(1).getContent();
		assertThat(reply.getSubject()).isEqualTo("[" + ticket + "] New reply: VPN drops");
		assertThat(text).contains(technician.fullName() + " wrote:", "Please **restart** the client.", "<script>alert(1)</script>",
				"- vpn-guide.pdf").doesNotContain("Secret", "ours");
		assertThat(html).contains("<strong>restart</strong>", "&lt;script&gt;alert(1)&lt;/script&gt;", "vpn-guide.pdf")
			.doesNotContain("<script", "Secret", "ours");
		assertThat(to(alice)).as("the internal note sent nothing").hasSize(2);
	}

	@Test
	void textsAnAdministratorSavedAreUsedByTheNextMail() throws Exception {
		templates.save(MailKind.RECEIVED, "en", templates.version(MailKind.RECEIVED, "en"),
				"Ticket {ticket} opened: {title}",
				"Thank you {name}. [Our help pages](https://desk.example/help) may already answer.", 1);
		try {
			TicketId ticket = register("Mouse lost");
			MimeMessage received = TestSmtp.await(() -> to(alice), 1).get(0);
			assertThat(received.getSubject()).isEqualTo("[" + ticket + "] Ticket " + ticket + " opened: Mouse lost");
			assertThat((String) alternative(received).getBodyPart(0).getContent())
				.contains("Thank you " + alice.getFullName() + ". [Our help pages](https://desk.example/help) may already answer.");
			assertThat((String) alternative(received).getBodyPart(1).getContent())
				.contains("href=\"https://desk.example/help\"");
		}
		finally {
			templates.reset(MailKind.RECEIVED, "en", templates.version(MailKind.RECEIVED, "en"));
		}
	}

	@Test
	void theResolvedMailCarriesSignedLinksThatAcceptAndRefuseTheSolutionWithoutLoggingIn() throws Exception {
		TicketId ticket = register("Scanner jammed");
		TestSmtp.await(() -> to(alice), 1);
		tickets.transition(ticket, Transition.of(TicketAction.TAKE), null, technician);
		tickets.transition(ticket, new Transition(TicketAction.RESOLVE, null, null, "Cleaned the rollers",
				SolutionKind.PERMANENT), null, technician);

		MimeMessage resolved = TestSmtp.await(() -> to(alice), 2).get(1);
		String html = (String) alternative(resolved).getBodyPart(1).getContent();
		Matcher accept = Pattern.compile("href=\"https://desk\\.example(/links/ticket/accept\\.[^\"]+)\"").matcher(html);
		Matcher refuse = Pattern.compile("href=\"https://desk\\.example(/links/ticket/refuse\\.[^\"]+)\"").matcher(html);
		assertThat(accept.find()).as(html).isTrue();
		assertThat(refuse.find()).as(html).isTrue();
		MockMvc anonymous = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		anonymous.perform(get(accept.group(1).replace("&amp;", "&")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Scanner jammed")));
		assertThat(tickets.find(ticket).getStatus()).as("opening the link changes nothing").isEqualTo(Status.RESOLVED);
	}

	@Test
	void theMailIsWrittenInTheRecipientsLanguage() throws Exception {
		alice.setLanguage("fr");
		users.save(alice);
		TicketId ticket = register("Écran noir");
		MimeMessage received = TestSmtp.await(() -> to(alice), 1).get(0);
		assertThat(received.getSubject()).isEqualTo("[" + ticket + "] Demande reçue : Écran noir");
		assertThat(received.getHeader("Content-Language", null)).isEqualTo("fr");
		assertThat((String) alternative(received).getBodyPart(0).getContent()).contains("Votre demande " + ticket);
	}

	@Test
	void mailsWrittenWhileTheSmtpServerIsDownAreKeptAndEachIsDeliveredOnceWhenItIsBack() throws Exception {
		server.stop();
		List<TicketId> registered = List.of(register("Outage 1"), register("Outage 2"), register("Outage 3"));
		Thread.sleep(300);
		assertThat(queued(registered)).as("kept and retried while the server is away").isEqualTo(3);
		server = TestSmtp.started(SMTP);
		List<MimeMessage> mails = TestSmtp.await(() -> to(alice), 3);
		Thread.sleep(500);
		assertThat(to(alice)).as("each mail once, even after more rounds").hasSize(3);
		assertThat(mails.stream().map(this::subject).sorted().toList()).containsExactly(
				"[" + registered.get(0) + "] Request received: Outage 1",
				"[" + registered.get(1) + "] Request received: Outage 2",
				"[" + registered.get(2) + "] Request received: Outage 3");
	}

	@Test
	void aMailGivenUpShowsOnTheAdministratorsPageAndTheResendButtonDeliversIt() throws Exception {
		server.stop();
		TicketId ticket = register("Given up");
		long id = TestSmtp.await(() -> jdbc.queryForList("select id from mail_outbox where ticket_id = ? and status = 'FAILED'",
				Long.class, ticket.value()), 1).get(0);
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		MockHttpSession admin = (MockHttpSession) mvc
			.perform(formLogin().user(fixtures.user("mail-admin", Role.ADMINISTRATOR).getUsername())
				.password(TestFixtures.PASSWORD))
			.andReturn()
			.getRequest()
			.getSession();
		String page = mvc.perform(get("/admin/mail").session(admin).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"mail-" + id + "\"", "[" + ticket + "] Request received: Given up",
				"10 attempts", "/admin/mail/" + id + "/resend");

		server = TestSmtp.started(SMTP);
		mvc.perform(post("/admin/mail/{id}/resend", id).session(admin).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(TestSmtp.await(() -> to(alice), 1).get(0).getSubject()).isEqualTo("[" + ticket + "] Request received: Given up");
		TestSmtp.await(() -> jdbc.queryForList("select id from mail_outbox where id = ? and status = 'SENT'", Long.class, id), 1);
		// a second tab's button, once the mail went out: the page says so instead of a 404
		mvc.perform(post("/admin/mail/{id}/resend", id).session(admin).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("alreadyResent", id));
		assertThat(jdbc.queryForObject("select status from mail_outbox where id = ?", String.class, id))
			.isEqualTo("SENT");
		mvc.perform(post("/admin/mail/{id}/resend", Long.MAX_VALUE).session(admin).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void theAdministratorsPageCountsEveryFailedMailEvenBeyondTheHundredItLists() throws Exception {
		server.stop();
		TicketId ticket = register("Many failures");
		long id = TestSmtp.await(() -> jdbc.queryForList("select id from mail_outbox where ticket_id = ? and status = 'FAILED'",
				Long.class, ticket.value()), 1).get(0);
		for (int copy = 0; copy < 100; copy++) {
			jdbc.update("insert into mail_outbox (message_id, ticket_id, recipient_id, recipient, language, kind, subject,"
					+ " auto_submitted, status, attempts, next_attempt_at, last_error, created_at)"
					+ " select concat(?, message_id), ticket_id, recipient_id, recipient, language, kind, subject,"
					+ " auto_submitted, status, attempts, next_attempt_at, last_error, created_at"
					+ " from mail_outbox where id = ?", "copy" + copy + ".", id);
		}
		long failed = jdbc.queryForObject("select count(*) from mail_outbox where status = 'FAILED'", Long.class);
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		MockHttpSession admin = (MockHttpSession) mvc
			.perform(formLogin().user(fixtures.user("mail-admin-many", Role.ADMINISTRATOR).getUsername())
				.password(TestFixtures.PASSWORD))
			.andReturn()
			.getRequest()
			.getSession();

		Document page = Jsoup.parse(mvc.perform(get("/admin/mail").session(admin).header("Accept-Language", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString());

		jdbc.update("delete from mail_outbox where message_id like 'copy%'");
		assertThat(failed).isGreaterThan(100);
		assertThat(page.select("#mail-failed-count").text()).isEqualTo(String.valueOf(failed));
		assertThat(page.select("#mail-failed > li")).hasSize(100);
		assertThat(page.select("#mail-failed-shown").text()).isEqualTo("The 100 newest of " + failed + " are listed.");
	}

	@Test
	void anApprovalMailReachesTheApproverInTheirLanguageAndItsApproveLinkDecidesWithoutLoggingIn() throws Exception {
		User newcomer = fixtures.user("mail-approver", Role.REQUESTER);
		newcomer.setLanguage("fr");
		User approver = users.save(newcomer);
		TicketId ticket = register("Nouvel écran");
		approvals.request(ticket, List.of(new StepPlan(StepKind.USER, approver.getId(), Quorum.ANY, null, null)));

		MimeMessage mail = TestSmtp.await(() -> to(approver), 1).get(0);
		String text = (String) alternative(mail).getBodyPart(0).getContent();
		String html = (String) alternative(mail).getBodyPart(1).getContent();
		assertThat(mail.getSubject()).isEqualTo("[" + ticket + "] Votre approbation est demandée : Nouvel écran");
		assertThat(mail.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
		assertThat(mail.getHeader(MailKind.HEADER, null)).isEqualTo("approval");
		assertThat(text).contains("Approuver la demande : https://desk.example/links/approval/approve.",
				"Refuser la demande : https://desk.example/links/approval/refuse-request.", "Details")
			.doesNotContain("/portal/tickets/");
		assertThat(html).contains("href=\"https://desk.example/links/approval/approve.",
				"href=\"https://desk.example/approvals\"");
		Matcher link = Pattern.compile("https://desk\\.example(/links/approval/approve\\.[A-Za-z0-9._-]+)").matcher(text);
		assertThat(link.find()).isTrue();
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		var page = mvc.perform(get(link.group(1))).andReturn().getResponse();
		Matcher token = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.getContentAsString());
		assertThat(token.find()).isTrue();

		mvc.perform(post(link.group(1)).cookie(page.getCookie("XSRF-TOKEN")).param("_csrf", token.group(1)))
			.andExpect(content().string(containsString("data-state=\"DONE\"")));

		assertThat(approvals.ofTicket(ticket).orElseThrow().outcome()).isEqualTo(ApprovalOutcome.APPROVED);
		assertThat(tickets.find(ticket).getStatus()).as("released").isIn(Status.NEW, Status.ASSIGNED);
	}

	private TicketId register(String title) {
		return tickets.register(new NewTicket(TicketType.INCIDENT, title, "Details", null, Channel.PORTAL, null,
				Urgency.MEDIUM, Impact.LOW, List.of()), TestFixtures.current(alice)).id();
	}

	private int queued(List<TicketId> registered) {
		return registered.stream()
			.mapToInt(id -> jdbc.queryForObject(
					"select count(*) from mail_outbox where ticket_id = ? and status in ('QUEUED', 'SENDING')",
					Integer.class, id.value()))
			.sum();
	}

	@Nested
	class PasswordResetMail extends PasswordResetMailChecks {

		@Override
		protected GreenMail smtp() {
			return server;
		}

	}

	private List<MimeMessage> to(User user) {
		return Arrays.stream(server.getReceivedMessages()).filter(message -> {
			try {
				return addresses(message.getAllRecipients()).contains(user.getEmail());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static MimeMultipart alternative(MimeMessage message) throws Exception {
		MimeMultipart mixed = (MimeMultipart) message.getContent();
		Object related = mixed.getBodyPart(0).getContent();
		MimeMultipart inner = (MimeMultipart) related;
		Object first = inner.getBodyPart(0).getContent();
		return first instanceof MimeMultipart alternative ? alternative : inner;
	}

	private static List<String> addresses(Address[] addresses) {
		return addresses == null ? List.of() : Arrays.stream(addresses).map(a -> ((InternetAddress) a).getAddress()).toList();
	}

}

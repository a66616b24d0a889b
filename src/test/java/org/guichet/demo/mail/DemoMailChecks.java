package org.guichet.demo.mail;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.mail.MailKind;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Impact;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo profile's own mail server, run by {@link org.guichet.demo.DemoDataIT} on free ports (as
 * several demos in one build need) and a database of its own: the demo's notifications reach the demo users' mailboxes through SMTP, the
 * administrators' page lists and reads them, and its form writes to support as a mail client would.
 * The demo's administrator reads French.
 */
public abstract class DemoMailChecks {

	@Autowired
	private DemoMailServer server;

	@Autowired
	private DemoSupportMailbox supportMailbox;

	@Autowired
	private JavaMailSender sender;

	@Autowired
	private UserRepository users;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private WebApplicationContext context;

	private MockMvc mvc;

	private User alice;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		alice = users.findByUsername("alice").orElseThrow();
	}

	@Test
	void guichetSendsThroughTheDemoServerOnThePortItBoundFromTheSupportAddress() {
		assertThat(server.smtpPort()).isPositive();
		assertThat(server.imapPort()).isPositive().isNotEqualTo(server.smtpPort());
		assertThat(sender).isInstanceOfSatisfying(JavaMailSenderImpl.class, smtp -> {
			assertThat(smtp.getHost()).isEqualTo("127.0.0.1");
			assertThat(smtp.getPort()).isEqualTo(server.smtpPort());
			assertThat(smtp.getJavaMailProperties()).containsEntry("mail.smtp.timeout", "30000");
		});
		assertThat(supportMailbox).isEqualTo(new DemoSupportMailbox("127.0.0.1", server.imapPort(),
				"support@demo.guichet.example", "demo", "support@demo.guichet.example"));
	}

	@Test
	void aDemoNotificationReachesTheRequestersMailboxAndThePageListsAndReadsIt() throws Exception {
		DemoMail received = receivedBy(alice, "Badge refused at the front door");
		assertThat(received.kind()).isEqualTo(MailKind.RECEIVED);
		assertThat(received.from()).contains("support@demo.guichet.example");
		MockHttpSession admin = login("admin");

		String list = page(admin, "/admin/demo-mail?box=" + alice.getEmail());
		assertThat(list).contains(received.subject()).contains("Demande reçue").contains("Alice Dupont");
		String read = page(admin, "/admin/demo-mail?box=" + alice.getEmail() + "&mail=" + received.uid());
		assertThat(read).contains("id=\"demo-mail-header-message-id\"")
			.contains(received.messageId().replace("<", "&lt;").replace(">", "&gt;"))
			.contains("id=\"demo-mail-header-auto-submitted\">auto-generated<")
			.contains("id=\"demo-mail-header-reply-to\">support@demo.guichet.example<")
			.contains("sandbox=\"allow-popups allow-popups-to-escape-sandbox\"")
			.doesNotContain("allow-scripts")
			.contains("srcdoc=\"&lt;base target=&quot;_blank&quot;&gt;");
		assertThat(read).containsPattern("<a href=\"http://localhost/portal/tickets/\\d+\" target=\"_blank\"");
		assertThat(page(admin, "/admin")).contains("id=\"admin-demo-mail\"");
	}

	@Test
	void theFormWritesToSupportAsTheUserAnAnswerThreadedUnderTheirMailWithItsFile() throws Exception {
		DemoMail received = receivedBy(alice, "Screen flickers");
		byte[] screenshot = { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3 };
		MockHttpSession admin = login("admin");

		mvc.perform(multipart("/admin/demo-mail/send")
			.file(new MockMultipartFile("file", "écran scintillant.png", "image/png", screenshot))
			.param("from", alice.getEmail())
			.param("inReplyTo", Long.toString(received.uid()))
			.param("subject", "")
			.param("body", "It still flickers after the update.")
			.session(admin)
			.with(csrf())).andExpect(status().is3xxRedirection());

		MimeMessage sent = await(() -> server.inbox(supportMailbox.address())
			.stream()
			.map(stored -> stored.getMimeMessage())
			.filter(message -> received.messageId().equals(header(message, "In-Reply-To")))
			.findFirst());
		assertThat(sent.getSubject()).isEqualTo("Re: " + received.subject());
		assertThat(header(sent, "References")).endsWith(received.messageId());
		assertThat(((InternetAddress) sent.getFrom()[0]).getAddress()).isEqualTo(alice.getEmail());
		assertThat(((InternetAddress) sent.getFrom()[0]).getPersonal()).isEqualTo("Alice Dupont");
		MimeMultipart parts = (MimeMultipart) sent.getContent();
		assertThat(parts.getBodyPart(0).getContent().toString()).isEqualTo("It still flickers after the update.");
		Part file = parts.getBodyPart(1);
		assertThat(file.getDisposition()).isEqualTo(Part.ATTACHMENT);
		assertThat(jakarta.mail.internet.MimeUtility.decodeText(file.getFileName())).isEqualTo("écran scintillant.png");
		assertThat(file.getInputStream().readAllBytes()).isEqualTo(screenshot);

		assertThat(imapMessageIds()).as("the support mailbox read by IMAP with the demo's settings")
			.contains(header(sent, "Message-ID"));
	}

	@Test
	void badInputIsRefusedFieldByFieldWithWhatWasTypedKept() throws Exception {
		MockHttpSession admin = login("admin");
		String page = mvc.perform(multipart("/admin/demo-mail/send")
			.file(new MockMultipartFile("file", "huge.bin", "application/octet-stream", new byte[10 * 1024 * 1024 + 1]))
			.param("from", alice.getEmail())
			.param("inReplyTo", "987654")
			.param("subject", "Kept subject «typed»")
			.param("body", " ")
			.session(admin)
			.with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"body-error\">Écrivez le message.<")
			.contains("id=\"inReplyTo-error\">Ce courriel n’est plus dans la boîte")
			.contains("id=\"file-error\">Le fichier dépasse 10 Mo")
			.contains("value=\"Kept subject &laquo;typed&raquo;\"")
			.contains("Le fichier choisi n’a pas été envoyé : choisissez-le à nouveau.");
		assertThat(server.inbox(supportMailbox.address()).stream()
			.filter(stored -> "Kept subject «typed»".equals(subject(stored.getMimeMessage())))).isEmpty();
	}

	@Test
	void onlyAdministratorsOpenThePage() throws Exception {
		mvc.perform(get("/admin/demo-mail").session(login("tech1"))).andExpect(status().isForbidden());
	}

	private DemoMail receivedBy(User user, String title) throws Exception {
		tickets.register(new NewTicket(TicketType.INCIDENT, title, "Since this morning.", null, Channel.PORTAL, null,
				Urgency.MEDIUM, Impact.LOW, List.of()), TestFixtures.current(user));
		return await(() -> server.inbox(user.getEmail())
			.stream()
			.map(DemoMail::of)
			.filter(mail -> mail.subject().contains(title))
			.findFirst());
	}

	private List<String> imapMessageIds() throws Exception {
		Store store = Session.getInstance(new Properties()).getStore("imap");
		store.connect(supportMailbox.host(), supportMailbox.imapPort(), supportMailbox.user(), supportMailbox.password());
		try {
			Folder inbox = store.getFolder("INBOX");
			inbox.open(Folder.READ_ONLY);
			return Arrays.stream(inbox.getMessages()).map(message -> header((MimeMessage) message, "Message-ID")).toList();
		}
		finally {
			store.close();
		}
	}

	private MockHttpSession login(String username) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin().user(username).password("demo"))
			.andReturn()
			.getRequest()
			.getSession();
	}

	private String page(MockHttpSession session, String path) throws Exception {
		return mvc.perform(get(path).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static String header(Message message, String name) {
		try {
			String[] values = message.getHeader(name);
			return values == null ? "" : values[0];
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static <T> T await(Supplier<Optional<T>> found) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		Optional<T> last = found.get();
		while (last.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(50);
			last = found.get();
		}
		assertThat(last).as("found within 30 s").isPresent();
		return last.get();
	}

}

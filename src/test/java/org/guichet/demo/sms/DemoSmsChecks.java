package org.guichet.demo.sms;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.sms.SmsSettings;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo profile's fake SMS gateway, run by {@link org.guichet.demo.DemoDataIT} on a server of its
 * own (the gateway is called over HTTP on the server's port) and a database of its own: the demo switches the SMS channel on through it,
 * an SMS Guichet sends alice (who chose SMS) shows on its page, and an SMS "sent" from the page goes
 * through the real webhook and becomes a ticket, or waits in SMS to sort from an unknown number.
 */
public abstract class DemoSmsChecks {

	@LocalServerPort
	private int port;

	@Autowired
	private SmsSettings settings;

	@Autowired
	private DemoSmsGateway gateway;

	@Autowired
	private UserRepository users;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private WebApplicationContext context;

	private MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	@Test
	void theDemoSendsItsSmsThroughItsOwnGatewayPageWhichShowsThem() throws Exception {
		assertThat(settings.enabled()).isTrue();
		assertThat(settings.current().http().url()).isEqualTo("http://127.0.0.1:" + port + "/demo/sms/gateway");
		User alice = users.findByUsername("alice").orElseThrow();
		User tech = users.findByUsername("tech1").orElseThrow();
		Ticket ticket = tickets.register(new NewTicket(TicketType.INCIDENT, "Écran noir au démarrage", "Depuis ce matin.", null,
				Channel.PORTAL, null, Urgency.MEDIUM, null, List.of()), TestFixtures.current(alice));

		tickets.comment(ticket.id(), "Est-ce l’écran de gauche ou celui de droite ?", false, TestFixtures.current(tech));

		DemoSmsGateway.Sent sms = await(() -> gateway.sent()
			.stream()
			.filter(one -> one.text().contains("/portal/tickets/" + ticket.id().value()))
			.findFirst());
		assertThat(DemoSmsController.digits(sms.to())).isEqualTo(DemoSmsController.digits(alice.getPhone()));
		String page = page(login("admin"), "/admin/demo-sms");
		assertThat(page).contains("Alice Dupont (" + sms.to() + ")").contains("/portal/tickets/" + ticket.id().value());
		assertThat(page(login("admin"), "/admin")).contains("id=\"admin-demo-sms\"");
	}

	@Test
	void anSmsSentFromThePageAsADemoUserBecomesATicketAndFromAnUnknownNumberWaitsToBeSorted() throws Exception {
		User bob = users.findByUsername("bob").orElseThrow();
		MockHttpSession admin = login("admin");

		mvc.perform(post("/admin/demo-sms/send").session(admin).with(csrf())
			.param("from", bob.getPhone())
			.param("text", "Mon badge ne passe plus au portique"))
			.andExpect(redirectedUrl("/admin/demo-sms"));
		// the webhook accepts the text; the ticket is made just after (docs/SMS.md, ADR 015)
		await(() -> outcome("Mon badge ne passe plus au portique").filter("TICKET_CREATED"::equals));
		Map<String, Object> ticket = jdbc.queryForMap(
				"select channel, requester_id from ticket where title = 'Mon badge ne passe plus au portique'");
		assertThat(ticket.get("channel")).isEqualTo("SMS");
		assertThat(((Number) ticket.get("requester_id")).longValue()).isEqualTo(bob.getId());

		mvc.perform(post("/admin/demo-sms/send").session(admin).with(csrf())
			.param("from", "")
			.param("otherNumber", "+33 6 99 88 77 66")
			.param("text", "Qui peut m’aider ?"))
			.andExpect(flash().attribute("outcome", "ACCEPTED"));
		await(() -> outcome("Qui peut m’aider ?").filter("UNKNOWN_NUMBER"::equals));
		assertThat(jdbc.queryForObject("select count(*) from sms_inbound where outcome = 'UNKNOWN_NUMBER'"
				+ " and sender = '+33699887766'", Integer.class)).isEqualTo(1);

		String refused = mvc.perform(post("/admin/demo-sms/send").session(admin).with(csrf())
			.param("from", "")
			.param("otherNumber", "")
			.param("text", "Gardé tel quel"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(refused).contains("id=\"otherNumber-error\"");
		assertThat(org.jsoup.Jsoup.parse(refused).getElementById("text").text()).as("what was typed, kept")
			.isEqualTo("Gardé tel quel");

		int before = jdbc.queryForObject("select count(*) from sms_inbound", Integer.class);
		org.jsoup.nodes.Document notANumber = org.jsoup.Jsoup.parse(mvc.perform(post("/admin/demo-sms/send").session(admin)
			.with(csrf())
			.param("from", "")
			.param("otherNumber", "not a number")
			.param("text", "Gardé aussi"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(notANumber.getElementById("otherNumber-error").text()).as("refused beside the field, not sent")
			.contains("+33 6 12 34 56 78");
		assertThat(notANumber.getElementById("otherNumber").val()).isEqualTo("not a number");
		assertThat(notANumber.getElementById("text").text()).isEqualTo("Gardé aussi");
		assertThat(jdbc.queryForObject("select count(*) from sms_inbound", Integer.class)).isEqualTo(before);
	}

	@Test
	void everyDemoPersonWithAPhoneHasAValidNumberOfTheirOwn() {
		PhoneNumberUtil util = PhoneNumberUtil.getInstance();
		// the accounts made for unknown senders of mails (DemoMail) have no phone, as in life
		List<String> numbers = users.findAll().stream().filter(user -> user.getPhone() != null).map(user -> {
			try {
				Phonenumber.PhoneNumber number = util.parse(user.getPhone(), "FR");
				assertThat(util.isValidNumber(number)).as(user.getUsername() + " " + user.getPhone()).isTrue();
				return util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
			}
			catch (NumberParseException ex) {
				throw new AssertionError(user.getUsername() + " " + user.getPhone(), ex);
			}
		}).toList();
		assertThat(numbers).hasSizeGreaterThanOrEqualTo(35).doesNotHaveDuplicates();
	}

	@Test
	void onlyAdministratorsOpenThePage() throws Exception {
		mvc.perform(get("/admin/demo-sms").session(login("tech1"))).andExpect(status().isForbidden());
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

	/** The outcome of the text received with that body, when there is one. */
	private Optional<String> outcome(String body) {
		return jdbc.queryForList("select outcome from sms_inbound where body = ?", String.class, body).stream().findFirst();
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

package org.guichet.notifications;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.testing.TestSmtp;
import org.guichet.testing.ShiftableClock;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The password-reset mail against a real SMTP server (GreenMail): a person who asks gets the
 * link by mail in their language, marked automatic and about no ticket; the link works once; an
 * unknown address gets the same page and no mail; asking again at once sends nothing more. Run by
 * {@link org.guichet.mail.MailOutboxIT} in its application and against its server (one application
 * for both, about 10 s a database less than one each): the server receives the other tests' mails
 * too, so these count only the mails to their own person and of their own kind.
 */
public abstract class PasswordResetMailChecks {

	private static final Pattern LINK = Pattern.compile("https://desk\\.example(/password/reset\\?token=[A-Za-z0-9_-]+)");

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private UserRepository users;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ShiftableClock clock;

	@Autowired
	private WebApplicationContext context;

	private MockMvc mvc;

	private User alice;

	/**
	 * The SMTP server the application sends to, as registered by {@link TestSmtp#register}, running
	 * when each test starts.
	 */
	protected abstract GreenMail smtp();

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		alice = fixtures.user("reset-mailed", Role.REQUESTER);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void thePersonGetsTheLinkByMailAndItWorksOnce() throws Exception {
		MvcResult asked = forgot(alice.getEmail(), "10.1.0.1");

		MimeMessage mail = TestSmtp.await(() -> to(alice), 1).get(0);
		assertThat(mail.getSubject()).isEqualTo("Choose a new password");
		assertThat(mail.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
		assertThat(mail.getHeader("In-Reply-To")).isNull();
		String body = GreenMailUtil.getBody(mail);
		assertThat(body).contains(alice.getFullName(), "30 minutes").doesNotContain("/profile");
		String path = link(body);
		assertThat(jdbc.queryForObject("select count(*) from password_reset_request where user_id = ?", Integer.class,
				alice.getId())).as("no administrator needed").isZero();

		mvc.perform(get(path)).andExpect(status().isOk());
		String token = path.substring(path.indexOf("token=") + 6);
		mvc.perform(post("/password/reset").with(csrf()).param("token", token)
			.param("newPassword", "a-brand-new-password")
			.param("confirmation", "a-brand-new-password")).andExpect(redirectedUrl("/login?reset"));
		String again = mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
		assertThat(again).contains("id=\"reset-invalid\"");
		assertThat(asked.getFlashMap().get("flash")).isEqualTo("password.forgot.recorded");
	}

	@Test
	void anUnknownAddressGetsTheSamePageAndNoMail() throws Exception {
		int before = jdbc.queryForObject("select count(*) from mail_outbox where kind = 'PASSWORD_RESET'", Integer.class);
		MvcResult unknown = forgot("nobody-" + alice.getEmail(), "10.1.0.2");
		MvcResult known = forgot(alice.getUsername(), "10.1.0.2");
		assertThat(unknown.getResponse().getRedirectedUrl()).isEqualTo(known.getResponse().getRedirectedUrl());
		assertThat(unknown.getFlashMap().get("flash")).isEqualTo(known.getFlashMap().get("flash"));
		TestSmtp.await(() -> to(alice), 1);
		Thread.sleep(300);
		assertThat(to(alice)).hasSize(1);
		assertThat(jdbc.queryForObject("select count(*) from mail_outbox where kind = 'PASSWORD_RESET'", Integer.class))
			.as("one reset mail, to the known person").isEqualTo(before + 1);
	}

	@Test
	void askingAgainWithinFiveMinutesSendsNothingMoreAndLaterANewLinkReplacesTheFirst() throws Exception {
		forgot(alice.getUsername(), "10.1.0.3");
		String first = link(GreenMailUtil.getBody(TestSmtp.await(() -> to(alice), 1).get(0)));
		forgot(alice.getUsername(), "10.1.0.3");
		Thread.sleep(300);
		assertThat(outbox(alice)).isEqualTo(1);

		clock.advance(Duration.ofMinutes(6));
		forgot(alice.getUsername(), "10.1.0.3");
		String second = link(GreenMailUtil.getBody(TestSmtp.await(() -> to(alice), 2).get(1)));
		assertThat(second).isNotEqualTo(first);
		assertThat(mvc.perform(get(first)).andReturn().getResponse().getContentAsString()).contains("id=\"reset-invalid\"");
		assertThat(mvc.perform(get(second)).andReturn().getResponse().getContentAsString()).doesNotContain("id=\"reset-invalid\"");
	}

	@Test
	void theMailIsInThePersonsLanguage() throws Exception {
		alice.setLanguage("fr");
		users.save(alice);
		forgot(alice.getUsername(), "10.1.0.4");
		MimeMessage mail = TestSmtp.await(() -> to(alice), 1).get(0);
		assertThat(mail.getSubject()).isEqualTo("Choisissez un nouveau mot de passe");
		assertThat(mail.getHeader("Content-Language", null)).isEqualTo("fr");
	}

	private MvcResult forgot(String login, String address) throws Exception {
		return mvc.perform(post("/password/forgot").with(csrf()).with(request -> {
			request.setRemoteAddr(address);
			return request;
		}).param("login", login)).andExpect(redirectedUrl("/password/forgot?sent")).andReturn();
	}

	private int outbox(User user) {
		return jdbc.queryForObject("select count(*) from mail_outbox where recipient_id = ? and kind = 'PASSWORD_RESET'",
				Integer.class, user.getId());
	}

	private static String link(String body) {
		Matcher link = LINK.matcher(body.replace("=\r\n", "").replace("=3D", "="));
		assertThat(link.find()).as(body).isTrue();
		return link.group(1);
	}

	private List<MimeMessage> to(User user) {
		return Arrays.stream(smtp().getReceivedMessages()).filter(message -> {
			try {
				return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(user.getEmail()));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

}

package org.guichet.mail.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.guichet.directory.Role;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Mail out through the API, for administrators only, with the rules of the page /admin/mail. */
@GuichetIntegrationTest
class MailOutApiIT {

	@Autowired
	TestFixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	ApiClient admin;

	@BeforeEach
	void setUp() {
		admin = ApiClient.bearer(port, fixtures.token(fixtures.user("mail-out-admin", Role.ADMINISTRATOR)));
	}

	@Test
	void anAdministratorSeesAFailedMailWithWhyAndSendsItAgainOnce() {
		long failed = failedMail("550 No such user here");
		long countedBefore = admin.get("/api/v1/admin/mail").json().get("counts").get("FAILED").asLong();
		assertThat(countedBefore).isPositive();

		JsonNode listed = admin.get("/api/v1/admin/mail/outbox?status=FAILED").json();
		JsonNode mail = listed.valueStream().filter(one -> one.get("id").asLong() == failed).findFirst().orElseThrow();
		assertThat(mail.get("lastError").asString()).isEqualTo("550 No such user here");
		assertThat(mail.get("status").asString()).isEqualTo("FAILED");
		assertThat(mail.has("textBody")).as("the body may hold a signed link: never listed").isFalse();

		Response resent = admin.post("/api/v1/admin/mail/outbox/" + failed + "/resend", "");
		assertThat(resent.status()).as(resent.toString()).isEqualTo(200);
		assertThat(resent.json().get("status").asString()).isEqualTo("QUEUED");
		assertThat(resent.json().get("attempts").asInt()).isZero();
		assertThat(admin.get("/api/v1/admin/mail").json().get("counts").get("FAILED").asLong())
			.isEqualTo(countedBefore - 1);

		Response again = admin.post("/api/v1/admin/mail/outbox/" + failed + "/resend", "");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("code").asString()).isEqualTo("mail.outbox.not-failed");
		assertThat(jdbc.queryForObject("select status from mail_outbox where id = ?", String.class, failed))
			.as("the second ask changes nothing").isEqualTo("QUEUED");
	}

	@Test
	void aNumberOfNoMailIsNotFoundAndAWrongStatusIsRefusedNamingIt() {
		assertThat(admin.post("/api/v1/admin/mail/outbox/987654321/resend", "").status()).isEqualTo(404);
		Response refused = admin.get("/api/v1/admin/mail/outbox?status=LOST");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("field").asString()).isEqualTo("status");
	}

	@Test
	void onlyAdministratorsSeeOrResendMails() {
		long failed = failedMail("421 Try later");
		ApiClient technician = ApiClient.bearer(port, fixtures.token(fixtures.user("mail-out-tech", Role.TECHNICIAN)));
		assertThat(technician.get("/api/v1/admin/mail").status()).isEqualTo(403);
		assertThat(technician.get("/api/v1/admin/mail/outbox").status()).isEqualTo(403);
		assertThat(technician.post("/api/v1/admin/mail/outbox/" + failed + "/resend", "").status()).isEqualTo(403);
		assertThat(ApiClient.anonymous(port).get("/api/v1/admin/mail").status()).isEqualTo(401);
		assertThat(jdbc.queryForObject("select status from mail_outbox where id = ?", String.class, failed))
			.isEqualTo("FAILED");
	}

	/** A mail the sender gave up on, as it leaves one. */
	private long failedMail(String why) {
		String messageId = "<" + UUID.randomUUID() + "@mail-out.example>";
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.update("insert into mail_outbox (message_id, recipient, language, kind, subject, auto_submitted, status,"
				+ " attempts, next_attempt_at, created_at, last_error) values (?, 'gone@example.org', 'en', 'RECEIVED',"
				+ " '[#1] Subject', true, 'FAILED', 10, ?, ?, ?)", messageId, now, now, why);
		jdbc.update("insert into mail_outbox_body (mail_id, html_body, text_body)"
				+ " select id, '<p>Body</p>', 'Body' from mail_outbox where message_id = ?", messageId);
		return jdbc.queryForObject("select id from mail_outbox where message_id = ?", Long.class, messageId);
	}

}

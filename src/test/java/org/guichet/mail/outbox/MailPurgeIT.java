package org.guichet.mail.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.guichet.testing.GuichetIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@GuichetIntegrationTest
class MailPurgeIT {

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	@Autowired
	private MailPurge purge;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void onlyMailsSentBeforeTheRetentionAreForgottenNeverThoseWaitingOrGivenUp() {
		String oldSent = row("SENT", NOW.minusSeconds(40L * 86_400));
		String recentSent = row("SENT", NOW.minusSeconds(86_400));
		String oldFailed = row("FAILED", null);
		String oldQueued = row("QUEUED", null);

		purge.forgetSentBefore(NOW.minusSeconds(30L * 86_400));

		List<String> left = jdbc.queryForList("select message_id from mail_outbox where message_id in (?, ?, ?, ?)",
				String.class, oldSent, recentSent, oldFailed, oldQueued);
		assertThat(left).containsExactlyInAnyOrder(recentSent, oldFailed, oldQueued);
	}

	@Test
	void aForgottenMailsBodiesGoWithItAndTheOthersKeepTheirs() {
		String oldSent = row("SENT", NOW.minusSeconds(40L * 86_400));
		String recentSent = row("SENT", NOW.minusSeconds(86_400));
		String oldFailed = row("FAILED", null);

		purge.forgetSentBefore(NOW.minusSeconds(30L * 86_400));

		List<String> bodies = jdbc.queryForList("select text_body from mail_outbox_body where text_body in (?, ?, ?)",
				String.class, oldSent, recentSent, oldFailed);
		assertThat(bodies).containsExactlyInAnyOrder(recentSent, oldFailed);
		assertThat(jdbc.queryForObject("select count(*) from mail_outbox_body b where not exists"
				+ " (select 1 from mail_outbox o where o.id = b.mail_id)", Integer.class)).isZero();
	}

	private String row(String status, @Nullable Instant sentAt) {
		String messageId = "<" + UUID.randomUUID() + "@purge.example>";
		Timestamp longAgo = Timestamp.from(NOW.minusSeconds(60L * 86_400));
		jdbc.update("insert into mail_outbox (message_id, recipient, language, kind, subject,"
				+ " auto_submitted, status, attempts, next_attempt_at, sent_at, created_at)"
				+ " values (?, 'alice@example.org', 'en', 'RECEIVED', 'Subject', true, ?, 1, ?, ?, ?)",
				messageId, status, longAgo, sentAt == null ? null : Timestamp.from(sentAt), longAgo);
		jdbc.update("insert into mail_outbox_body (mail_id, html_body, text_body)"
				+ " select id, ?, ? from mail_outbox where message_id = ?", "<p>" + messageId + "</p>", messageId, messageId);
		return messageId;
	}

}

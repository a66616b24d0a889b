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

	private String row(String status, @Nullable Instant sentAt) {
		String messageId = "<" + UUID.randomUUID() + "@purge.example>";
		Timestamp longAgo = Timestamp.from(NOW.minusSeconds(60L * 86_400));
		jdbc.update("insert into mail_outbox (message_id, recipient, language, kind, subject, html_body, text_body,"
				+ " auto_submitted, status, attempts, next_attempt_at, sent_at, created_at)"
				+ " values (?, 'alice@example.org', 'en', 'RECEIVED', 'Subject', '<p>Body</p>', 'Body', true, ?, 1, ?, ?, ?)",
				messageId, status, longAgo, sentAt == null ? null : Timestamp.from(sentAt), longAgo);
		return messageId;
	}

}

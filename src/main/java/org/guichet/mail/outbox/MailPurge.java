package org.guichet.mail.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets the mails sent more than {@code guichet.mail.retention} ago (30 days by default), every
 * {@code guichet.mail.purge-interval} (1 hour); any number of nodes may run it. Each mail keeps its
 * bodies, HTML and text, in {@code mail_outbox_body}, deleted with it (on delete cascade): without
 * this the tables grow with every notification ever sent. Their Message-IDs stay in
 * {@code mail_ticket_message}, where answers are matched; mails not sent (waiting or given up) are
 * never forgotten.
 */
@Component
class MailPurge {

	private static final Logger log = LoggerFactory.getLogger(MailPurge.class);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final Duration retention;

	MailPurge(JdbcTemplate jdbc, Clock clock, @Value("${guichet.mail.retention:P30D}") Duration retention) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.retention = retention;
	}

	@Scheduled(initialDelayString = "${guichet.mail.purge-interval:PT1H}",
			fixedDelayString = "${guichet.mail.purge-interval:PT1H}")
	@SchedulerLock(name = "mail-purge")
	void purge() {
		int purged = forgetSentBefore(clock.instant().minus(retention));
		if (purged > 0) {
			log.debug("Forgot {} mails sent more than {} ago", purged, retention);
		}
	}

	/** Deletes the sent mails whose {@code sent_at} is before {@code before}, and their bodies; returns how many. */
	int forgetSentBefore(Instant before) {
		return jdbc.update("delete from mail_outbox where status = 'SENT' and sent_at < ?", Timestamp.from(before));
	}

}

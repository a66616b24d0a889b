package org.guichet.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.guichet.mail.MailKind;
import org.guichet.mail.MailNotice;
import org.guichet.mail.MailNotice.Item;
import org.guichet.mail.MailNotice.Section;
import org.guichet.mail.MailOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The agents' daily digest ({@link NotificationEvent#DAILY_DIGEST}, by mail, off by default): once
 * a day, from {@code guichet.mail.digest.hour} o'clock in {@code guichet.time-zone}, each active
 * member of the IT team who chose it gets one mail listing their open tickets whose SLA is breached
 * or at risk, their tickets waiting on the requester, and the unassigned open tickets of their
 * groups, each linking to its page. Nothing to list: no mail.
 * <p>
 * Once per agent and local day, across restarts and nodes: the day is recorded in
 * {@code notification_digest} in the transaction that writes the mail to the outbox (an empty day too,
 * so that a ticket breached in the afternoon does not send a digest then); its primary key refuses a
 * second digest, and the node that meets it leaves that agent alone.
 */
@Component
class DailyDigest {

	/** The most tickets a list shows, oldest first. */
	static final int LIST_LIMIT = 50;

	private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

	private static final String OPEN = "('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING')";

	private final JdbcClient jdbc;

	private final NotificationPreferences preferences;

	private final MailOutbox mails;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	private final ZoneId zone;

	private final int hour;

	DailyDigest(JdbcClient jdbc, NotificationPreferences preferences, MailOutbox mails,
			PlatformTransactionManager transactions, Clock clock,
			@Value("${guichet.time-zone:Europe/Paris}") ZoneId zone, @Value("${guichet.mail.digest.hour:7}") int hour) {
		if (hour < 0 || hour > 23) {
			throw new IllegalArgumentException("guichet.mail.digest.hour must be 0 to 23, not " + hour);
		}
		this.jdbc = jdbc;
		this.preferences = preferences;
		this.mails = mails;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.zone = zone;
		this.hour = hour;
	}

	@Scheduled(initialDelayString = "${guichet.mail.digest.check-interval:PT5M}",
			fixedDelayString = "${guichet.mail.digest.check-interval:PT5M}")
	@SchedulerLock(name = "daily-digest")
	void run() {
		int mailed = sendDue();
		if (mailed > 0) {
			log.info("Daily digest mailed to {} agents", mailed);
		}
	}

	/**
	 * Composes today's digest of every agent who chose it and has none yet, each in its own
	 * transaction; does nothing before the digest hour.
	 *
	 * @return how many digests were mailed
	 */
	int sendDue() {
		ZonedDateTime now = clock.instant().atZone(zone);
		if (now.getHour() < hour) {
			return 0;
		}
		LocalDate day = now.toLocalDate();
		List<Long> agents = jdbc.sql("select u.id from app_user u where u.active = true and u.role <> 'REQUESTER'"
				+ " and u.email is not null and not exists (select 1 from notification_digest d"
				+ " where d.user_id = u.id and d.digest_day = :day) order by u.id")
			.param("day", day)
			.query(Long.class)
			.list();
		Map<Long, java.util.Set<NotificationChannel>> reach = preferences.reach(NotificationEvent.DAILY_DIGEST, agents);
		int mailed = 0;
		for (Long agent : agents) {
			if (!reach.get(agent).contains(NotificationChannel.EMAIL)) {
				continue;
			}
			try {
				Boolean sent = ownTransaction.execute(status -> compose(agent, day));
				mailed += Boolean.TRUE.equals(sent) ? 1 : 0;
			}
			catch (DuplicateKeyException ex) {
				// another node composed it meanwhile
			}
		}
		return mailed;
	}

	/** Records the day, then mails the digest when it lists anything; true when mailed. */
	private boolean compose(long agent, LocalDate day) {
		List<Section> sections = sections(agent);
		boolean mail = !sections.isEmpty();
		jdbc.sql("insert into notification_digest (user_id, digest_day, mailed, created_at) values (:id, :day, :mailed, :at)")
			.param("id", agent)
			.param("day", day)
			.param("mailed", mail)
			.param("at", Timestamp.from(clock.instant()))
			.update();
		if (mail) {
			mails.queue(agent, MailNotice.general(MailKind.DIGEST, Map.of("desk", "/agent"), sections));
		}
		return mail;
	}

	private List<Section> sections(long agent) {
		List<Section> sections = new ArrayList<>();
		add(sections, "mail.digest.breached", tickets("assignee_id = :me and status in " + OPEN
				+ " and sla_state = 'BREACHED'", agent));
		add(sections, "mail.digest.at-risk", tickets("assignee_id = :me and status in " + OPEN
				+ " and sla_state = 'AT_RISK'", agent));
		add(sections, "mail.digest.waiting", tickets("assignee_id = :me and status = 'PENDING'"
				+ " and pending_reason = 'USER'", agent));
		add(sections, "mail.digest.unassigned", tickets("assignee_id is null and status in " + OPEN
				+ " and group_id in (select group_id from group_member where user_id = :me)", agent));
		return sections;
	}

	private static void add(List<Section> sections, String titleKey, List<Item> items) {
		if (!items.isEmpty()) {
			sections.add(new Section(titleKey, items));
		}
	}

	private List<Item> tickets(String condition, long agent) {
		return jdbc.sql("select id, title from ticket where " + condition + " order by id fetch first "
				+ LIST_LIMIT + " rows only")
			.param("me", agent)
			.query((row, n) -> new Item("#" + row.getLong(1) + " " + row.getString(2), "/agent/tickets/" + row.getLong(1)))
			.list();
	}

}

package org.guichet.system;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.guichet.announcements.AnnouncementDraft;
import org.guichet.announcements.AnnouncementKind;
import org.guichet.announcements.Announcements;
import org.guichet.announcements.PublishedAnnouncement;
import org.guichet.assist.AssistSettings;
import org.guichet.assist.SelfServiceSettings;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.mail.MailKind;
import org.guichet.mail.templates.MailTemplates;
import org.guichet.sms.SmsSettings;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.DeskSettings;
import org.guichet.tickets.Impact;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.Priority;
import org.guichet.tickets.PriorityMatrix;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.guichet.webhooks.WebhookDefinition;
import org.guichet.webhooks.WebhookEvent;
import org.guichet.webhooks.Webhooks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each family of data a node keeps in memory ({@link SharedCache}) follows a change made by
 * another node, without a restart: the change is written here by SQL, the source and its
 * generation together, as another node's transaction writes them.
 */
@GuichetIntegrationTest
class SharedCachesIT {

	/** Past {@code guichet.cache.check-interval} (1 s), with room for a busy machine. */
	private static final Duration SEEN_WITHIN = Duration.ofSeconds(10);

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private DeskSettings settings;

	@Autowired
	private MailTemplates templates;

	@Autowired
	private Announcements announcements;

	@Autowired
	private Webhooks webhooks;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private CacheGenerations generations;

	@Autowired
	private SmsSettings sms;

	@Autowired
	private AssistSettings assist;

	@Autowired
	private SelfServiceSettings selfService;

	@Test
	void thePriorityMatrixChangedByAnotherNodeIsUsedHere() {
		PriorityMatrix before = settings.priorityMatrix();
		try {
			Priority other = before.cell(Urgency.VERY_LOW, Impact.VERY_LOW) == Priority.VERY_HIGH ? Priority.LOW
					: Priority.VERY_HIGH;
			settings.savePriorityMatrix(before);
			otherNode("update priority_rule set priority = ? where urgency = 'VERY_LOW' and impact = 'VERY_LOW'",
					"priority-matrix", other.name());
			await().atMost(SEEN_WITHIN)
				.until(() -> settings.priorityMatrix().cell(Urgency.VERY_LOW, Impact.VERY_LOW) == other);
		}
		finally {
			settings.savePriorityMatrix(before);
		}
	}

	@Test
	void aMailTextSavedOnAnotherNodeIsUsedHere() {
		assertThat(templates.current(MailKind.CLOSED, Locale.ENGLISH).subject()).isEqualTo("Closed: {title}");
		try {
			otherNode("insert into mail_template (kind, language, subject, body, updated_at) values "
					+ "('closed', 'en', 'Done elsewhere: {title}', 'Done.', current_timestamp)", "mail-templates");
			await().atMost(SEEN_WITHIN)
				.until(() -> templates.current(MailKind.CLOSED, Locale.ENGLISH).subject().equals("Done elsewhere: {title}"));
		}
		finally {
			templates.reset(MailKind.CLOSED, "en", templates.version(MailKind.CLOSED, "en"));
		}
	}

	@Test
	void anAnnouncementEndedOnAnotherNodeLeavesThisNodesBanner() {
		CurrentUser admin = TestFixtures.current(fixtures.user("caches-admin", Role.ADMINISTRATOR));
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long id = announcements.create(new AnnouncementDraft(AnnouncementKind.INFORMATION, "Coupure", "Outage",
				"Réseau", "Network", now.minusSeconds(60), null, null), admin).getId();
		assertThat(announcements.current()).extracting(PublishedAnnouncement::id).contains(id);
		otherNode("update announcement set ends_at = current_timestamp where id = " + id, "announcements");
		await().atMost(SEEN_WITHIN)
			.until(() -> announcements.current().stream().noneMatch(announcement -> announcement.id() == id));
	}

	@Test
	void aWebhookDeactivatedOnAnotherNodeGetsNoDeliveryFromHere() {
		CurrentUser admin = TestFixtures.current(fixtures.user("caches-hooks", Role.ADMINISTRATOR));
		long id = webhooks.create(new WebhookDefinition("Elsewhere", "http://127.0.0.1:9/hook", null,
				Set.of(WebhookEvent.TICKET_CREATED), true, Set.of(), Set.of()), admin.id()).webhook().id();
		try {
			register("Seen by the webhook");
			assertThat(webhooks.deliveries(id)).hasSize(1);
			long generation = generations.current("webhook-subscriptions");
			otherNode("update webhook set active = false where id = " + id, "webhook-subscriptions");
			await().atMost(SEEN_WITHIN).until(() -> generations.current("webhook-subscriptions") > generation);
			register("Not for the webhook");
			assertThat(webhooks.deliveries(id)).hasSize(1);
		}
		finally {
			webhooks.delete(id);
		}
	}

	/** Writes as another node does: the change, then its generation moved on. */
	@Test
	void smsSettingsSavedOnAnotherNodeAreInForceHere() {
		assertThat(sms.current().number()).isNotEqualTo("+33699999999");
		try {
			otherNode("""
					insert into sms_settings (id, enabled, provider, desk_number, default_region, follow_up_minutes, segments,
					    http_url, http_auth_header_name, http_body_template, twilio_account_sid, twilio_base_url,
					    twilio_webhook_url, updated_at, updated_by)
					values (1, false, 'HTTP', '+33699999999', 'FR', 60, 1, 'http://gateway.example', '', '{}', '',
					    'https://api.twilio.com', '', current_timestamp, 1)""", "sms-settings");
			await().atMost(SEEN_WITHIN).until(() -> sms.current().number().equals("+33699999999"));
		}
		finally {
			otherNode("delete from sms_settings", "sms-settings");
		}
		await().atMost(SEEN_WITHIN).until(() -> !sms.current().number().equals("+33699999999"));
	}

	@Test
	void aRoutingRuleAddedOnAnotherNodeRoutesHere() {
		String word = "elsewhererouted";
		try {
			assertThat(register("Printer " + word).getUrgency()).isEqualTo(Urgency.MEDIUM);
			otherNode("insert into routing_rule (name, position, match_words, set_urgency) values (?, 10000, ?, 'VERY_HIGH')",
					"routing-rules", "Routed elsewhere", word);
			await().atMost(SEEN_WITHIN).until(() -> register("Printer " + word).getUrgency() == Urgency.VERY_HIGH);
		}
		finally {
			otherNode("delete from routing_rule where name = 'Routed elsewhere'", "routing-rules");
		}
	}

	@Test
	void assistThresholdsSavedOnAnotherNodeAreUsedHere() {
		double suggest = assist.threshold();
		Double autoApply = assist.autoApplyThreshold();
		try {
			otherNode("update assist_settings set suggest_threshold = 0.61, auto_apply_threshold = 0.93,"
					+ " version = version + 1 where id = 1", "assist-settings");
			await().atMost(SEEN_WITHIN)
				.until(() -> assist.threshold() == 0.61 && Double.valueOf(0.93).equals(assist.autoApplyThreshold()));
		}
		finally {
			assist.setThresholds(suggest, autoApply);
		}
		assertThat(assist.autoApplyThreshold()).isEqualTo(autoApply);
	}

	@Test
	void selfServiceSettingsSavedOnAnotherNodeAreUsedHere() {
		double threshold = selfService.threshold();
		Set<Long> categories = selfService.categories();
		long category = fixtures.category("Caches self-service").getId();
		try {
			otherNode("update self_service_settings set threshold = 0.71, version = version + 1 where id = 1",
					"self-service-settings");
			otherNode("insert into self_service_category (category_id) values (?)", "self-service-settings", category);
			await().atMost(SEEN_WITHIN)
				.until(() -> selfService.threshold() == 0.71 && selfService.categories().contains(category));
		}
		finally {
			selfService.set(threshold, categories);
		}
		assertThat(selfService.categories()).doesNotContain(category);
	}

	private void otherNode(String change, String name, Object... arguments) {
		jdbc.update(change, arguments);
		if (jdbc.update("update cache_generation set generation = generation + 1 where name = ?", name) == 0) {
			jdbc.update("insert into cache_generation (name, generation) values (?, 1)", name);
		}
	}

	private Ticket register(String title) {
		CurrentUser requester = TestFixtures.current(fixtures.user("caches-requester", Role.REQUESTER));
		return tickets.register(new NewTicket(TicketType.INCIDENT, title, "Nothing works.", null, Channel.PORTAL, null,
				Urgency.MEDIUM, Impact.LOW, List.of()), requester);
	}

}

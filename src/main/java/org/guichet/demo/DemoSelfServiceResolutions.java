package org.guichet.demo;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.guichet.assist.SelfServiceOffers;
import org.guichet.assist.SelfServiceSettings;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.User;
import org.guichet.knowledge.RelevantArticles;
import org.guichet.tickets.Channel;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's self-service resolution (docs/ASSIST.md): allowed in the categories "Comptes et
 * accès" (with "Mot de passe") and "Imprimante" at 75 %, three requests "forgotten password"
 * resolved by their requesters with the article offered (on the portal and from the mail's link),
 * and one of Alice's still offered, so that a visitor logged in as alice sees the offer on her
 * request's page (and in her mailbox of the demo's mail server).
 */
@Component
class DemoSelfServiceResolutions {

	private static final Logger log = LoggerFactory.getLogger(DemoSelfServiceResolutions.class);

	private static final double THRESHOLD = 0.75;

	private final SelfServiceSettings settings;

	private final SelfServiceOffers offers;

	private final RelevantArticles relevant;

	private final TicketManagement tickets;

	private final JdbcClient jdbc;

	DemoSelfServiceResolutions(SelfServiceSettings settings, SelfServiceOffers offers, RelevantArticles relevant,
			TicketManagement tickets, JdbcClient jdbc) {
		this.settings = settings;
		this.offers = offers;
		this.relevant = relevant;
		this.tickets = tickets;
		this.jdbc = jdbc;
	}

	void create(DemoOrganisation.Organisation organisation) {
		List<Long> allowed = jdbc.sql("select id from category where name in ('Comptes et accès', 'Imprimante')"
				+ " and parent_id is null order by id").query(Long.class).list();
		Long passwords = jdbc.sql("select c.id from category c join category p on p.id = c.parent_id"
				+ " where c.name = 'Mot de passe' and p.name = 'Comptes et accès'").query(Long.class).optional().orElse(null);
		if (allowed.isEmpty() || passwords == null) {
			return;
		}
		settings.set(THRESHOLD, allowed);
		User alice = organisation.person("alice");
		if (!indexed(alice)) {
			log.info("The article 'Mot de passe oublié' is not in the search index yet: no demo self-service resolution");
			return;
		}
		List<User> requesters = organisation.requesters().stream().filter(u -> !u.getId().equals(alice.getId())).toList();
		List<String> titles = List.of("Mot de passe oublié", "J’ai oublié mon mot de passe", "Mot de passe oublié ce matin");
		for (int i = 0; i < titles.size() && !requesters.isEmpty(); i++) {
			User requester = requesters.get(i % requesters.size());
			TicketId id = file(titles.get(i), passwords, requester);
			CurrentUser as = new CurrentUser(requester);
			offers.offer(id, as)
				.ifPresent(offer -> offers.resolve(id, offer.articleId(),
						offer.ticket().value() % 2 == 0 ? SelfServiceOffers.WayIn.PORTAL : SelfServiceOffers.WayIn.SIGNED_LINK, as));
		}
		file("Mot de passe oublié, compte bloqué", passwords, alice);
	}

	private TicketId file(String title, long category, User requester) {
		return tickets.register(new NewTicket(TicketType.ASSISTANCE, title,
				"Je ne retrouve plus mon mot de passe pour ouvrir ma session.", null, Channel.PORTAL, category,
				Urgency.MEDIUM, null, List.of(), null), new CurrentUser(requester)).id();
	}

	/** Whether the search finds the password article for a requester yet (the index follows the commits), 20 s at most. */
	private boolean indexed(User requester) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		CurrentUser reader = new CurrentUser(requester);
		while (System.nanoTime() < deadline) {
			if (relevant.forDraft("Mot de passe oublié", null, null, reader, Locale.FRENCH)
				.stream()
				.anyMatch(a -> a.getTitle().equals("Mot de passe oublié"))) {
				return true;
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return false;
	}

}

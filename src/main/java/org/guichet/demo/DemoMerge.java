package org.guichet.demo;

import java.util.List;

import org.guichet.demo.DemoOrganisation.Organisation;
import org.guichet.directory.CurrentUser;
import org.guichet.tickets.Channel;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketMerge;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.springframework.stereotype.Component;

/**
 * A duplicate merged into the ticket it duplicates, as it happens today: bob reports what alice
 * reported a moment before, adds a detail, and the administrator merges his ticket into hers. Bob
 * finds a notification, alice's ticket shows his message "from" his ticket, his ticket is cancelled.
 * Written through the tickets module's entry points, so its events reach the other modules.
 */
@Component
class DemoMerge {

	/** How many tickets it registers: the original and its duplicate. */
	static final int TICKETS = 2;

	private final TicketManagement tickets;

	private final TicketMerge merge;

	/** What alice and bob write: her title and description, his title, description and comment. */
	static final List<String> TEXTS = List.of("Le VPN ne se connecte plus depuis ce matin",
			"Depuis 8 h, le client VPN reste sur « Connexion en cours » puis abandonne.", "Impossible de me connecter au VPN",
			"Le VPN ne répond pas, je ne peux pas travailler de chez moi.",
			"Même chose avec le partage de connexion de mon téléphone.");

	DemoMerge(TicketManagement tickets, TicketMerge merge) {
		this.tickets = tickets;
		this.merge = merge;
	}

	void create(Organisation organisation) {
		CurrentUser alice = new CurrentUser(organisation.person("alice"));
		CurrentUser bob = new CurrentUser(organisation.person("bob"));
		CurrentUser admin = new CurrentUser(organisation.person("admin"));
		Long vpn = organisation.leaves().get("Réseau/VPN").getId();
		Ticket original = tickets.register(new NewTicket(TicketType.INCIDENT, TEXTS.get(0), TEXTS.get(1), null, Channel.PORTAL, vpn,
				Urgency.HIGH, null, List.of()), alice);
		Ticket duplicate = tickets.register(new NewTicket(TicketType.INCIDENT, TEXTS.get(2), TEXTS.get(3), null, Channel.PORTAL, vpn,
				Urgency.HIGH, null, List.of()), bob);
		tickets.comment(duplicate.id(), TEXTS.get(4), false, bob);
		merge.merge(duplicate.id(), original.id().value(), null, admin);
	}

}

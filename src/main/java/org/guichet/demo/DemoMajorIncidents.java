package org.guichet.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.guichet.announcements.AnnouncementDraft;
import org.guichet.announcements.AnnouncementKind;
import org.guichet.announcements.Announcements;
import org.guichet.demo.DemoOrganisation.Organisation;
import org.guichet.directory.CurrentUser;
import org.guichet.tickets.Channel;
import org.guichet.tickets.MajorIncidents;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Transition;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Two major incidents, as they happen today, through the tickets and announcements modules' entry
 * points: the ERP down on every site, flagged by the supervisor with three
 * children and its announcement on every page (alice, who did not report it, may say "me too");
 * and the file shares of the factory, flagged with three children and resolved, which resolved
 * its children, told their requesters, and ended its announcement.
 */
@Component
class DemoMajorIncidents {

	/** How many tickets it registers: two major incidents of three children each. */
	static final int TICKETS = 8;

	private final TicketManagement tickets;

	private final MajorIncidents majorIncidents;

	private final Announcements announcements;

	private final Clock clock;

	DemoMajorIncidents(TicketManagement tickets, MajorIncidents majorIncidents, Announcements announcements,
			Clock clock) {
		this.tickets = tickets;
		this.majorIncidents = majorIncidents;
		this.announcements = announcements;
		this.clock = clock;
	}

	void create(Organisation organisation) {
		CurrentUser manager = new CurrentUser(organisation.person("manager"));
		CurrentUser admin = new CurrentUser(organisation.person("admin"));
		Ticket erp = incident(organisation, "Logiciels/ERP", "ERP indisponible sur tous les sites", manager,
				new Report("idurand", "L’ERP ne répond plus",
						"Depuis 9 h, l’ERP affiche « Service indisponible » à la connexion."),
				new Report("eclarke", "ERP unavailable: orders cannot be entered",
						"The order screen spins and then says the service is unavailable."),
				new Report("pmercier", "Impossible de saisir les bons de fabrication",
						"La saisie des bons reste bloquée sur « Connexion au serveur »."),
				new Report("orenaud", "Les expéditions ne se valident plus",
						"La validation des expéditions du jour échoue depuis ce matin."));
		announcements.create(new AnnouncementDraft(AnnouncementKind.MAJOR_INCIDENT, "L’ERP est indisponible",
				"The ERP is down",
				"L’équipe informatique rétablit le service.", "The IT team is restoring the service.",
				clock.instant(), null, erp.id().value()), manager);

		Ticket shares = incident(organisation, "Réseau/Partage de fichiers", null, admin,
				new Report("sperrin", "Les partages réseau de l’usine sont inaccessibles",
						"Le lecteur P: est déconnecté sur tous les postes de l’atelier."),
				new Report("mlamri", "Les plans ont disparu de P:", "Je n’ai plus accès aux plans sur P:."),
				new Report("alemaire", "Dossier commun vide", "Le dossier commun n’affiche plus rien."),
				new Report("ycherif", "Tarifs introuvables", "Le fichier des tarifs ne s’ouvre plus depuis l’agence."));
		announcements.create(new AnnouncementDraft(AnnouncementKind.MAJOR_INCIDENT, "Partages réseau de l’usine inaccessibles",
				"Factory file shares unreachable", null, null, clock.instant(), null, shares.id().value()), admin);
		tickets.transition(shares.id(), new Transition(TicketAction.RESOLVE, null, null,
				"Le serveur de fichiers de l’usine a redémarré après le remplacement de son alimentation.",
				SolutionKind.PERMANENT), null, admin);
		announcements.create(new AnnouncementDraft(AnnouncementKind.PLANNED_MAINTENANCE, "Maintenance de la messagerie",
				"Mail maintenance", "La messagerie sera indisponible samedi de 8 h à 12 h.",
				"Mail will be unavailable on Saturday from 8:00 to 12:00.", clock.instant().plus(Duration.ofDays(2)),
				clock.instant().plus(Duration.ofDays(2)).plus(Duration.ofHours(4)), null), admin);
	}

	/** A person's report of the incident: who, with what title and description. */
	private record Report(String requester, String title, String description) {
	}

	/**
	 * A major incident: its first report, flagged by {@code flaggedBy} with {@code reason}, and
	 * the reports that followed it, attached as its children.
	 */
	private Ticket incident(Organisation organisation, String category, @Nullable String reason,
			CurrentUser flaggedBy, Report first, Report... others) {
		Long categoryId = organisation.leaves().get(category).getId();
		Ticket major = report(organisation, categoryId, first);
		List<Long> children = new ArrayList<>();
		for (Report other : others) {
			children.add(report(organisation, categoryId, other).id().value());
		}
		majorIncidents.flag(major.id(), reason, null, flaggedBy);
		majorIncidents.attach(major.id(), children, flaggedBy);
		return major;
	}

	private Ticket report(Organisation organisation, Long categoryId, Report report) {
		return tickets.register(new NewTicket(TicketType.INCIDENT, report.title(), report.description(), null,
				Channel.PORTAL, categoryId, Urgency.HIGH, null, List.of()),
				new CurrentUser(organisation.person(report.requester())));
	}

}

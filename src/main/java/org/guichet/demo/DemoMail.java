package org.guichet.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.guichet.demo.DemoOrganisation.Organisation;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.User;
import org.guichet.mail.ingest.Ingested;
import org.guichet.mail.ingest.MailIngestion;
import org.guichet.mail.ingest.MailboxPolicy;
import org.guichet.mail.ingest.UnknownSenders;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Transition;
import org.springframework.stereotype.Component;

/**
 * Requests that came by e-mail, through the real ingestion of raw messages: bob writes to the
 * support mailbox, a technician answers on the ticket, bob answers the mail (threaded by the
 * reference in its subject), his answer a follow-up marked "by e-mail" with its original; alice's
 * mail from her phone opens a second ticket, its quoted history and signature cut.
 */
@Component
class DemoMail {

	/** How many tickets it registers. */
	static final int TICKETS = 2;

	/** The address of the demo's support mailbox. */
	static final String MAILBOX = "support@" + DemoOrganisation.EMAIL_DOMAIN;

	private final MailIngestion ingestion;

	private final TicketManagement tickets;

	DemoMail(MailIngestion ingestion, TicketManagement tickets) {
		this.ingestion = ingestion;
		this.tickets = tickets;
	}

	void create(Organisation organisation) {
		MailboxPolicy mailbox = new MailboxPolicy(0, MAILBOX, organisation.n1().getId(), TicketType.INCIDENT, null,
				UnknownSenders.TRIAGE, List.of(), List.of(), 25L * 1024 * 1024);
		User bob = organisation.person("bob");
		User technician = organisation.technicians(organisation.n1()).get(0);
		Ingested printer = ingestion.ingest(mailbox, mail(bob, "demo-printer-1", "Imprimante du 2e étage en panne",
				"Bonjour,\n\nL’imprimante du 2e étage affiche « Bourrage papier » alors qu’il n’y a plus de papier"
						+ " coincé.\n\nMerci,\nBob\n\n-- \nBob, service comptable"));
		TicketId id = new TicketId(printer.ticketId());
		CurrentUser tech = new CurrentUser(technician);
		tickets.transition(id, Transition.of(TicketAction.TAKE), null, tech);
		tickets.comment(id, "Bonjour Bob, pouvez-vous éteindre l’imprimante, ouvrir le capot arrière et nous dire si"
				+ " un voyant clignote ?", false, tech);
		ingestion.ingest(mailbox, mail(bob, "demo-printer-2", "RE: [" + id + "] Imprimante du 2e étage en panne",
				"Oui, le voyant orange clignote deux fois.\n\nBob\n\nEnvoyé de mon iPhone\n\n"
						+ "Le 3 nov. 2025 à 10:12, Guichet <" + MAILBOX + "> a écrit :\n"
						+ "> Bonjour Bob, pouvez-vous éteindre l’imprimante, ouvrir le capot arrière ?"));
		ingestion.ingest(mailbox, mail(organisation.person("alice"), "demo-badge-1", "TR: Badge refusé au parking",
				"Bonjour,\n\nMon badge est refusé à la barrière du parking depuis lundi.\n\nAlice"));
	}

	private static byte[] mail(User from, String id, String subject, String body) {
		String raw = "From: " + from.getFullName() + " <" + from.getEmail() + ">\r\nTo: " + MAILBOX + "\r\nSubject: "
				+ subject + "\r\nMessage-ID: <" + id + "@" + DemoOrganisation.EMAIL_DOMAIN + ">\r\n"
				+ "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
				+ body.replace("\n", "\r\n") + "\r\n";
		return raw.getBytes(StandardCharsets.UTF_8);
	}

}

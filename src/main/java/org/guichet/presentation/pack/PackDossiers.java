package org.guichet.presentation.pack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.guichet.directory.CurrentUser;
import org.guichet.presentation.dossier.AnonymisedDossiers;
import org.guichet.presentation.dossier.DossierDocument;
import org.guichet.presentation.dossier.TicketDossier;
import org.guichet.presentation.dossier.TicketDossiers;
import org.guichet.tickets.TicketId;
import org.springframework.stereotype.Component;

/**
 * The chosen examples' dossiers as the pack puts them in: each as its whole HTML document
 * ({@link DossierDocument#html}), without internal notes, and attachments not listed when
 * anonymised. An anonymised pack's dossiers are drawn together ({@link AnonymisedDossiers}), so
 * that a person has one pseudonym across the pack, and the pack's other texts that people wrote go
 * through the same pseudonyms ({@link Drawn#text}).
 */
@Component
class PackDossiers {

	private final TicketDossiers dossiers;

	private final AnonymisedDossiers anonymised;

	private final DossierDocument document;

	PackDossiers(TicketDossiers dossiers, AnonymisedDossiers anonymised, DossierDocument document) {
		this.dossiers = dossiers;
		this.anonymised = anonymised;
		this.document = document;
	}

	/** One dossier of the pack: the ticket's id and its whole HTML document. */
	record PackDossier(long ticketId, String html) {
	}

	/**
	 * The dossiers and how the pack's other free texts are to be written.
	 *
	 * @param text a text as the pack shows it: the same text, or anonymised with the dossiers'
	 *     pseudonyms (names, e-mail addresses, phone numbers, IP addresses and host names replaced);
	 *     never null for a non-null text
	 * @param anonymised whether people are replaced by pseudonyms
	 */
	record Drawn(List<PackDossier> dossiers, UnaryOperator<String> text, boolean anonymised) {
	}

	/**
	 * @param ids the tickets, in the pack's order
	 * @param anonymize whether people are to be replaced by pseudonyms shared by all the dossiers
	 * @throws org.guichet.system.NotFoundException when the reader may not see one of the tickets
	 */
	Drawn of(List<Long> ids, boolean anonymize, Locale locale, CurrentUser reader) {
		List<PackDossier> found = new ArrayList<>(ids.size());
		if (!anonymize) {
			for (long id : ids) {
				TicketDossier dossier = dossiers.of(new TicketId(id), false, reader);
				found.add(new PackDossier(id, document.html(dossier, locale, reader)));
			}
			return new Drawn(found, UnaryOperator.identity(), false);
		}
		AnonymisedDossiers.Batch batch = anonymised.of(ids.stream().map(TicketId::new).toList(), false, false, null,
				reader, locale);
		for (TicketDossier dossier : batch.dossiers()) {
			found.add(new PackDossier(dossier.summary().ticketId(), document.html(dossier, locale, reader)));
		}
		return new Drawn(found, batch.pseudonyms()::text, true);
	}

}

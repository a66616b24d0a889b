package org.guichet.presentation.pack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.guichet.directory.CurrentUser;
import org.guichet.presentation.dossier.DossierDocument;
import org.guichet.presentation.dossier.TicketDossier;
import org.guichet.presentation.dossier.TicketDossiers;
import org.guichet.system.InvalidInputException;
import org.guichet.tickets.TicketId;
import org.springframework.stereotype.Component;

/**
 * The chosen examples' dossiers as the pack puts them in: each as its whole HTML document
 * ({@link DossierDocument#html}), without internal notes. The one place where the pack asks for
 * anonymised dossiers: every ticket of a pack must share one set of pseudonyms, which the
 * dossier module's entry point for several tickets gives; until it exists, an anonymised pack is
 * refused here, before anything is written.
 */
@Component
class PackDossiers {

	private final TicketDossiers dossiers;

	private final DossierDocument document;

	PackDossiers(TicketDossiers dossiers, DossierDocument document) {
		this.dossiers = dossiers;
		this.document = document;
	}

	/** One dossier of the pack: the ticket's id and its whole HTML document. */
	record PackDossier(long ticketId, String html) {
	}

	/**
	 * @param ids the tickets, in the pack's order
	 * @param anonymize whether people are to be replaced by pseudonyms shared by all the dossiers
	 * @throws InvalidInputException (field {@code anonymize}) when anonymisation is asked: not
	 *     available yet
	 * @throws org.guichet.system.NotFoundException when the reader may not see one of the tickets
	 */
	List<PackDossier> of(List<Long> ids, boolean anonymize, Locale locale, CurrentUser reader) {
		refuseAnonymisation(anonymize);
		List<PackDossier> found = new ArrayList<>(ids.size());
		for (long id : ids) {
			TicketDossier dossier = dossiers.of(new TicketId(id), false, reader);
			found.add(new PackDossier(id, document.html(dossier, locale, reader)));
		}
		return found;
	}

	/**
	 * Refuses an anonymised pack up front (before the pack's other parts are drawn up).
	 *
	 * @throws InvalidInputException (field {@code anonymize}) when {@code anonymize} is true
	 */
	static void refuseAnonymisation(boolean anonymize) {
		if (anonymize) {
			throw new InvalidInputException("anonymize", "pack.anonymize.unavailable",
					"anonymize: the anonymised pack is not available yet; give anonymize=false");
		}
	}

}

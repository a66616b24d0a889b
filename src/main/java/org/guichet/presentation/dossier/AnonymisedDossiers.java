package org.guichet.presentation.dossier;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.guichet.directory.CurrentUser;
import org.guichet.presentation.anonymise.Anonymisation;
import org.guichet.presentation.anonymise.Pseudonyms;
import org.guichet.presentation.anonymise.Suspect;
import org.guichet.system.NotFoundException;
import org.guichet.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anonymised dossiers: drawn up by {@link TicketDossiers} (the same rules of who gets what), then
 * transformed as a whole before any rendering, with one {@link Pseudonyms} for all the tickets
 * asked together, so that a person has the same pseudonym in each ("Demandeur A" is the same
 * person across a presentation pack).
 */
@Service
public class AnonymisedDossiers {

	private final TicketDossiers dossiers;

	private final Anonymisation anonymisation;

	AnonymisedDossiers(TicketDossiers dossiers, Anonymisation anonymisation) {
		this.dossiers = dossiers;
		this.anonymisation = anonymisation;
	}

	/**
	 * The anonymised dossiers and what their anonymisation could not recognise.
	 *
	 * @param dossiers the dossiers, in the order of the tickets asked
	 * @param unrecognised what was left as written in any of them that may still identify someone,
	 *     each piece once, for the author to check before exporting
	 * @param pseudonyms the pseudonyms they were drawn with, for the texts a caller shows beside
	 *     them (a pack's examples and pages) to name people the same way
	 */
	public record Batch(List<TicketDossier> dossiers, List<Suspect> unrecognised, Pseudonyms pseudonyms) {

		public Batch {
			dossiers = List.copyOf(dossiers);
			unrecognised = List.copyOf(unrecognised);
		}

	}

	/**
	 * The tickets' dossiers anonymised together: their requesters named "Demandeur A", "B"… in the
	 * order of the tickets, the IT team's members who act in them "Technicien 1", "2"… in order of
	 * appearance, anyone else "Personne A"… when first met; every text and file name anonymised.
	 *
	 * @param ids the tickets, in the order their dossiers are wanted; may be empty
	 * @param internal whether the internal notes go in (the IT team only)
	 * @param attachments whether the attachments' names stay listed (anonymised); when false none is
	 * @param organisation the organisation's name to replace wherever written; null or blank for none
	 * @param reader who asks; each dossier follows {@link TicketDossiers#of}'s rules
	 * @param locale the language of the pseudonyms (French, else English)
	 * @throws NotFoundException when the reader may not have one of the dossiers (the first such)
	 */
	@Transactional(readOnly = true)
	public Batch of(List<TicketId> ids, boolean internal, boolean attachments, @Nullable String organisation,
			CurrentUser reader, Locale locale) {
		List<TicketDossier> plain = ids.stream().map(id -> dossiers.of(id, internal, reader)).toList();
		Set<Long> requesters = new LinkedHashSet<>();
		plain.forEach(dossier -> requesters.add(dossier.summary().requester().id()));
		Set<Long> technicians = new LinkedHashSet<>();
		plain.forEach(dossier -> DossierPseudonymisation.people(dossier, requesters, technicians));
		Pseudonyms pseudonyms = anonymisation.pseudonyms(new ArrayList<>(requesters), new ArrayList<>(technicians),
				organisation, locale);
		List<TicketDossier> anonymised = plain.stream()
			.map(dossier -> DossierPseudonymisation.anonymise(dossier, pseudonyms, attachments))
			.toList();
		return new Batch(anonymised, pseudonyms.unrecognised(), pseudonyms);
	}

}

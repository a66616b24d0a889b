package org.guichet.presentation.dossier;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.guichet.directory.CurrentUser;
import org.guichet.presentation.anonymise.Suspect;
import org.guichet.tickets.AttachmentFile;
import org.guichet.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The answer to a dossier request, the same from the API and the pages: the dossier drawn up (and
 * anonymised when asked) for the reader, as HTML, PDF or, anonymised, the list of what was left to
 * check as JSON. An anonymised HTML or PDF carries the number of pieces left to check in the header
 * {@value #UNRECOGNISED_HEADER}.
 */
@Component
class DossierAnswers {

	/** The header giving how many pieces of an anonymised dossier are left for the author to check. */
	static final String UNRECOGNISED_HEADER = "Guichet-Unrecognised";

	private final TicketDossiers dossiers;

	private final AnonymisedDossiers anonymised;

	private final DossierDocument document;

	DossierAnswers(TicketDossiers dossiers, AnonymisedDossiers anonymised, DossierDocument document) {
		this.dossiers = dossiers;
		this.anonymised = anonymised;
		this.document = document;
	}

	/**
	 * What anonymisation left to check, as the JSON of {@code format=json}.
	 *
	 * @param ticketId the ticket's id
	 * @param unrecognised each piece left as written, its reason and the anonymised text around it
	 */
	record Unrecognised(long ticketId, List<Suspect> unrecognised) {
	}

	/**
	 * @throws org.guichet.system.NotFoundException as {@link TicketDossiers#of} does
	 */
	ResponseEntity<?> answer(TicketId id, DossierRequest asked, Locale locale, CurrentUser reader) {
		if (!asked.anonymise()) {
			return render(dossiers.of(id, asked.internal(), reader), asked, locale, reader, null);
		}
		AnonymisedDossiers.Batch batch = anonymised.of(List.of(id), asked.internal(), asked.attachments(),
				asked.organisation(), reader, locale);
		if (asked.format() == DossierRequest.Format.JSON) {
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.body(new Unrecognised(id.value(), batch.unrecognised()));
		}
		return render(batch.dossiers().get(0), asked, locale, reader, batch.unrecognised().size());
	}

	/** @param unrecognised how many pieces were left to check, null when not anonymised */
	private ResponseEntity<?> render(TicketDossier dossier, DossierRequest asked, Locale locale, CurrentUser reader,
			@Nullable Integer unrecognised) {
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store");
		if (unrecognised != null) {
			answer.header(UNRECOGNISED_HEADER, unrecognised.toString());
		}
		if (asked.format() != DossierRequest.Format.PDF) {
			return answer.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
				.body(document.html(dossier, locale, reader));
		}
		byte[] bytes = document.pdf(dossier, locale, reader);
		return answer.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					AttachmentFile.contentDisposition(false, DossierDocument.fileName(dossier, "pdf")))
			.contentLength(bytes.length)
			.body(bytes);
	}

}

package org.guichet.presentation.dossier;

import org.guichet.directory.CurrentUser;
import org.guichet.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/tickets/{id}/dossier?format=pdf|html|json&internal=&anonymize=&attachments=&organisation=}:
 * the ticket's dossier as a PDF download (the default) or as the HTML document it is printed from,
 * in the caller's language, anonymised when asked ({@link AnonymisedDossiers}); {@code format=json}
 * gives, with {@code anonymize=true}, what the anonymisation left to check ({@link DossierAnswers}).
 * Who gets what: {@link TicketDossiers}; a ticket one may not see, a requester's ticket asked by
 * another requester and the internal notes asked by a requester answer 404 (problem+json); a
 * parameter that does not fit 400 naming it ({@link DossierRequest}).
 */
@RestController
@PreAuthorize("isAuthenticated()")
class DossierApiController {

	private final DossierAnswers answers;

	DossierApiController(DossierAnswers answers) {
		this.answers = answers;
	}

	@GetMapping(path = "/api/v1/tickets/{id}/dossier", produces = { MediaType.APPLICATION_PDF_VALUE,
			MediaType.TEXT_HTML_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<?> dossier(@PathVariable long id, @RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String internal,
			@RequestParam(required = false) @Nullable String anonymize,
			@RequestParam(required = false) @Nullable String attachments,
			@RequestParam(required = false) @Nullable String organisation, @AuthenticationPrincipal CurrentUser reader) {
		DossierRequest asked = DossierRequest.of(format, internal, anonymize, attachments, organisation, true);
		return answers.answer(new TicketId(id), asked, LocaleContextHolder.getLocale(), reader);
	}

}

package org.guichet.presentation.dossier;

import org.guichet.directory.CurrentUser;
import org.guichet.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /tickets/{id}/dossier?format=html|pdf&internal=&anonymize=&attachments=&organisation=}:
 * the dossier from the application's pages (the example menu and list, the export page, the
 * portal), as HTML (the default) or PDF; the same parameters and rules as
 * {@link DossierApiController}, its refusals shown as error pages.
 */
@Controller
class DossierController {

	private final DossierAnswers answers;

	DossierController(DossierAnswers answers) {
		this.answers = answers;
	}

	@GetMapping("/tickets/{id}/dossier")
	ResponseEntity<?> dossier(@PathVariable long id, @RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String internal,
			@RequestParam(required = false) @Nullable String anonymize,
			@RequestParam(required = false) @Nullable String attachments,
			@RequestParam(required = false) @Nullable String organisation, @AuthenticationPrincipal CurrentUser reader) {
		DossierRequest asked = DossierRequest.of(format, internal, anonymize, attachments, organisation, false);
		return answers.answer(new TicketId(id), asked, LocaleContextHolder.getLocale(), reader);
	}

}

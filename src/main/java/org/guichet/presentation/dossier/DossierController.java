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
 * {@code GET /tickets/{id}/dossier?format=html|pdf&internal=true|false}: the dossier from the
 * application's pages (the example menu and list, the portal), as HTML (the default) or PDF;
 * the same rules as {@link DossierApiController}, its refusals shown as error pages.
 */
@Controller
class DossierController {

	private final TicketDossiers dossiers;

	private final DossierDocument document;

	DossierController(TicketDossiers dossiers, DossierDocument document) {
		this.dossiers = dossiers;
		this.document = document;
	}

	@GetMapping("/tickets/{id}/dossier")
	ResponseEntity<?> dossier(@PathVariable long id, @RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String internal, @AuthenticationPrincipal CurrentUser reader) {
		DossierRequest asked = DossierRequest.of(format, internal, null, false);
		TicketDossier dossier = dossiers.of(new TicketId(id), asked.internal(), reader);
		return document.response(dossier, asked.pdf(), LocaleContextHolder.getLocale(), reader);
	}

}

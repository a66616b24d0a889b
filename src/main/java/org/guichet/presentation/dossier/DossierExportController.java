package org.guichet.presentation.dossier;

import java.util.List;

import org.guichet.directory.CurrentUser;
import org.guichet.system.InvalidInputException;
import org.guichet.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /agent/tickets/{id}/dossier?anonymize=&internal=&attachments=&organisation=}: the IT
 * team's page to export a ticket's dossier. Its form (sent by GET, it changes nothing) chooses what
 * the dossier holds; anonymised, the page lists what the anonymisation left as written that may
 * still identify someone, for the author to check, before the download links, which carry the
 * same choices. A value that does not fit is shown on the form, the values typed kept.
 */
@Controller
class DossierExportController {

	private final TicketDossiers dossiers;

	private final AnonymisedDossiers anonymised;

	private final MessageSource messages;

	DossierExportController(TicketDossiers dossiers, AnonymisedDossiers anonymised, MessageSource messages) {
		this.dossiers = dossiers;
		this.anonymised = anonymised;
		this.messages = messages;
	}

	@GetMapping("/agent/tickets/{id}/dossier")
	String export(@PathVariable long id, @RequestParam(required = false) @Nullable String anonymize,
			@RequestParam(required = false) @Nullable String internal,
			@RequestParam(required = false) @Nullable String attachments,
			@RequestParam(required = false) @Nullable String organisation, @AuthenticationPrincipal CurrentUser reader,
			Model model) {
		TicketId ticket = new TicketId(id);
		model.addAttribute("ticketId", id);
		model.addAttribute("organisationMax", DossierRequest.ORGANISATION_MAX);
		try {
			DossierRequest asked = DossierRequest.of(null, internal, anonymize, attachments, organisation, false);
			model.addAttribute("asked", asked);
			if (asked.anonymise()) {
				AnonymisedDossiers.Batch batch = anonymised.of(List.of(ticket), asked.internal(), asked.attachments(),
						asked.organisation(), reader, LocaleContextHolder.getLocale());
				model.addAttribute("number", batch.dossiers().get(0).summary().number());
				model.addAttribute("suspects", batch.unrecognised());
			}
			else {
				model.addAttribute("number", dossiers.of(ticket, asked.internal(), reader).summary().number());
			}
		}
		catch (InvalidInputException ex) {
			model.addAttribute("asked", new DossierRequest(DossierRequest.Format.HTML, "true".equals(internal),
					"true".equals(anonymize), "true".equals(attachments), organisation));
			model.addAttribute("number", dossiers.of(ticket, false, reader).summary().number());
			model.addAttribute("problem", messages.getMessage(ex.messageKey(), ex.arguments(), ex.getMessage(),
					LocaleContextHolder.getLocale()));
		}
		return "presentation/dossier-export";
	}

}

package org.guichet.tickets.web;

import java.util.List;
import java.util.Locale;

import org.guichet.directory.CurrentUser;
import org.guichet.system.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bulk actions on the tickets selected in a list: back to the list with, for each ticket, done
 * or refused and why ({@code bulkOutcomes}); a form missing what the action needs changes
 * nothing and says what is missing ({@code bulkProblem}). Either way the form comes back as it was
 * sent ({@code bulkSent}: a name apart from {@code bulkForm}, the form bound from the next request)
 * with the tickets refused still selected ({@code bulkSelected}).
 */
@Controller
class BulkActionController {

	private final BulkActions actions;

	private final MessageSource messages;

	BulkActionController(BulkActions actions, MessageSource messages) {
		this.actions = actions;
		this.messages = messages;
	}

	@PostMapping("/agent/bulk")
	String bulk(@ModelAttribute BulkForm form, BindingResult unparsable, @AuthenticationPrincipal CurrentUser me,
			RedirectAttributes redirect) {
		String back = QueueLinks.back(form.back());
		Locale locale = LocaleContextHolder.getLocale();
		// A refusal keeps what was chosen: the list shows the form and the selection again.
		redirect.addFlashAttribute("bulkSent", form);
		if (unparsable.hasFieldErrors()) {
			String field = unparsable.getFieldErrors().get(0).getField();
			redirect.addFlashAttribute("bulkProblem", messages.getMessage("bulk.value-invalid",
					new Object[] { actions.label(field, locale) }, locale));
			redirect.addFlashAttribute("bulkSelected", BulkActions.ids(form.tickets()));
			return "redirect:" + back;
		}
		try {
			actions.check(form);
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("bulkProblem",
					messages.getMessage(ex.messageKey(), ex.arguments(), ex.getMessage(), locale));
			redirect.addFlashAttribute("bulkSelected", BulkActions.ids(form.tickets()));
			return "redirect:" + back;
		}
		List<BulkActions.Outcome> outcomes = actions.apply(form, me, locale);
		redirect.addFlashAttribute("bulkSelected",
				outcomes.stream().filter(outcome -> !outcome.done()).map(BulkActions.Outcome::id).toList());
		redirect.addFlashAttribute("bulkOutcomes", outcomes);
		redirect.addFlashAttribute("bulkDone", outcomes.stream().filter(BulkActions.Outcome::done).count());
		redirect.addFlashAttribute("bulkRefused", outcomes.stream().filter(o -> !o.done()).count());
		return "redirect:" + back;
	}

}

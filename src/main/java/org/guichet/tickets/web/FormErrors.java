package org.guichet.tickets.web;

import java.util.Locale;
import java.util.function.Supplier;

import org.guichet.system.DomainException;
import org.guichet.system.FormRefusals;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * Puts a refusal back on the form the user sent: next to the field at fault when the form has
 * it, and as a summary at the top of the page ({@code problem}), so the page can be shown again
 * with everything the user typed.
 */
@Component
class FormErrors {

	static final String CONCURRENT = "ticket.concurrent";

	/** The suffix of a message key's variant for the pages. */
	private static final String PAGE = ".page";

	private final MessageSource messages;

	FormErrors(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * A refusal in the words of the pages: the message key's {@code .page} variant when the
	 * bundles have one (the plain message may name the API's fields and paths), else the key's.
	 */
	void reject(DomainException ex, BindingResult result, Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		String key = pageKey(ex.messageKey(), locale);
		FormRefusals.reject(ex, result, refused -> pageKey(refused, locale));
		model.addAttribute("failedForm", result.getObjectName());
		model.addAttribute("problem", messages.getMessage(key, ex.arguments(), ex.getMessage(), locale));
	}

	private String pageKey(String key, Locale locale) {
		String page = key + PAGE;
		return messages.getMessage(page, null, null, locale) != null ? page : key;
	}

	/**
	 * Takes a ticket action posted from a form: redirects to {@code done} when it succeeds; when
	 * the form is invalid, the action refused or the ticket changed meanwhile, shows the ticket's
	 * page again with the message next to the field and everything typed kept.
	 */
	String act(BindingResult result, Model model, Runnable action, String done, Supplier<String> page) {
		if (result.hasErrors()) {
			model.addAttribute("failedForm", result.getObjectName());
			return page.get();
		}
		try {
			action.run();
			return done;
		}
		catch (DomainException ex) {
			reject(ex, result, model);
		}
		catch (OptimisticLockingFailureException ex) {
			rejectConcurrentChange(result, model);
		}
		// The refused form may no longer be offered (the ticket changed meanwhile): its text is shown apart.
		if (result.getTarget() instanceof ActionForm form && form.typedText() != null) {
			model.addAttribute("keptText", form.typedText());
		}
		return page.get();
	}

	/** Two people saved the same ticket at the same moment (the database's version check). */
	void rejectConcurrentChange(BindingResult result, Model model) {
		result.reject(CONCURRENT);
		model.addAttribute("failedForm", result.getObjectName());
		model.addAttribute("problem", messages.getMessage(CONCURRENT, null, LocaleContextHolder.getLocale()));
	}

}

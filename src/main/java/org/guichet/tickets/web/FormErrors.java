package org.guichet.tickets.web;

import java.util.function.Supplier;

import org.guichet.system.DomainException;
import org.guichet.system.InvalidInputException;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
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

	private final MessageSource messages;

	FormErrors(MessageSource messages) {
		this.messages = messages;
	}

	void reject(DomainException ex, BindingResult result, Model model) {
		rejectAll(ex, result);
		model.addAttribute("failedForm", result.getObjectName());
		model.addAttribute("problem",
				messages.getMessage(ex.messageKey(), ex.arguments(), ex.getMessage(), LocaleContextHolder.getLocale()));
	}

	/** Two people saved the same ticket at the same moment (the database's version check). */
	/**
	 * Takes a ticket action posted from a form: redirects to {@code done} when it succeeds; when
	 * the form is invalid, the action refused or the ticket changed meanwhile, shows the ticket's
	 * page again with the message next to the field and everything typed kept.
	 */
	String act(BindingResult result, Model model, Runnable action, String done, Supplier<String> page) {
		if (result.hasErrors()) {
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

	void rejectConcurrentChange(BindingResult result, Model model) {
		result.reject(CONCURRENT);
		model.addAttribute("failedForm", result.getObjectName());
		model.addAttribute("problem", messages.getMessage(CONCURRENT, null, LocaleContextHolder.getLocale()));
	}

	/**
	 * Puts the refusal on the form: next to its field when the form has that field, else as an
	 * error of the whole form; with the other fields refused together, when it has some.
	 */
	static void rejectAll(DomainException ex, BindingResult result) {
		rejectOne(ex, result);
		if (ex instanceof InvalidInputException invalid) {
			invalid.others().forEach(other -> rejectOne(other, result));
		}
	}

	/** Runs a check of the domain and puts every refusal it gives on the form. */
	static void check(BindingResult result, Runnable check) {
		try {
			check.run();
		}
		catch (DomainException ex) {
			rejectAll(ex, result);
		}
	}

	private static void rejectOne(DomainException ex, BindingResult result) {
		String field = ex.field();
		if (field != null && hasProperty(result, field)) {
			result.rejectValue(field, ex.messageKey(), ex.arguments(), ex.getMessage());
		}
		else {
			result.reject(ex.messageKey(), ex.arguments(), ex.getMessage());
		}
	}

	private static boolean hasProperty(BindingResult result, String field) {
		Object target = result.getTarget();
		if (target == null) {
			return false;
		}
		BeanWrapper wrapper = PropertyAccessorFactory.forBeanPropertyAccess(target);
		return wrapper.isReadableProperty(field);
	}

}

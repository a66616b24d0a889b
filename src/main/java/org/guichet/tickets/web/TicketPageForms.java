package org.guichet.tickets.web;

import java.io.Serializable;
import java.util.Objects;

import org.guichet.system.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of one part of the agent's ticket page that post to a controller of their own and
 * come back to the page. A refusal ({@link DomainException}, or a change by someone else in the
 * meantime) comes back with everything typed ({@code <part>Form}), which form failed
 * ({@code <part>Failed}) and the field at fault with the message next to it ({@code <part>Error},
 * a {@link Refusal}). They go through the session, which lives in the database: each is
 * {@link Serializable}.
 */
final class TicketPageForms {

	/** The message and the field of a refusal, for the form that failed; the field is null for the whole form. */
	record Refusal(@Nullable String field, String message) implements Serializable {
	}

	private final String part;

	private final MessageSource messages;

	/**
	 * @param part the name of the page's part, which prefixes its flash attributes ({@code relations})
	 */
	TicketPageForms(String part, MessageSource messages) {
		this.part = part;
		this.messages = messages;
	}

	/**
	 * Runs the action; on a refusal, puts the typed input and the message back for the ticket page.
	 *
	 * @return whether the action was done
	 */
	boolean run(String formName, Object form, RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
			return true;
		}
		catch (DomainException ex) {
			refuse(redirect, formName, form, ex.field(), Objects.requireNonNull(messages.getMessage(ex.messageKey(),
					ex.arguments(), ex.getMessage(), LocaleContextHolder.getLocale())));
		}
		catch (OptimisticLockingFailureException ex) {
			refuse(redirect, formName, form, null,
					messages.getMessage(FormErrors.CONCURRENT, null, LocaleContextHolder.getLocale()));
		}
		return false;
	}

	private void refuse(RedirectAttributes redirect, String formName, Object form, @Nullable String field,
			String message) {
		redirect.addFlashAttribute(part + "Form", form);
		redirect.addFlashAttribute(part + "Failed", formName);
		redirect.addFlashAttribute(part + "Error", new Refusal(field, message));
	}

	/** The confirmation the page shows once back, a message key of the bundles and its arguments. */
	static void flash(RedirectAttributes redirect, String key, Object... arguments) {
		redirect.addFlashAttribute("flash", key);
		redirect.addFlashAttribute("flashArgs", arguments);
	}

}

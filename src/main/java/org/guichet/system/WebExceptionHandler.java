package org.guichet.system;

import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Shows the refusals a page did not handle itself (an unknown or hidden ticket, a forbidden or
 * conflicting action) as a page in the user's language. The REST API's own advice comes first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class WebExceptionHandler {

	private final MessageSource messages;

	WebExceptionHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(DomainException.class)
	ModelAndView domain(DomainException ex) {
		return problem(HttpStatusCode.valueOf(ex.status()),
				messages.getMessage(ex.messageKey(), ex.arguments(), ex.getMessage(), LocaleContextHolder.getLocale()));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ModelAndView concurrentChange(OptimisticLockingFailureException ex) {
		return problem(HttpStatus.CONFLICT,
				messages.getMessage("ticket.concurrent", null, LocaleContextHolder.getLocale()));
	}

	/**
	 * A value longer than its column, which the service's own check should have named: 400, the
	 * form to be sent again shorter. Other refusals of the database stay errors.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ModelAndView integrity(DataIntegrityViolationException ex) throws DataIntegrityViolationException {
		if (!ValueTooLong.causes(ex)) {
			throw ex;
		}
		return problem(HttpStatus.BAD_REQUEST,
				messages.getMessage(ValueTooLong.CODE, null, LocaleContextHolder.getLocale()));
	}

	private static ModelAndView problem(HttpStatusCode status, String message) {
		ModelAndView page = new ModelAndView("error/problem", Map.of("status", status.value(), "message", message));
		page.setStatus(status);
		return page;
	}

}

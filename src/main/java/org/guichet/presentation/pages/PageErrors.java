package org.guichet.presentation.pages;

import java.util.ArrayList;
import java.util.List;

import org.guichet.system.InvalidInputException;
import org.springframework.beans.BeanUtils;
import org.springframework.validation.BindingResult;

/** Puts every refused field of a page form next to its field. */
final class PageErrors {

	private PageErrors() {
	}

	static void reject(InvalidInputException ex, BindingResult result) {
		List<InvalidInputException> all = new ArrayList<>();
		all.add(ex);
		all.addAll(ex.others());
		for (InvalidInputException refused : all) {
			String field = refused.field();
			if (field != null && result.getTarget() != null
					&& BeanUtils.getPropertyDescriptor(result.getTarget().getClass(), field) != null) {
				result.rejectValue(field, refused.messageKey(), refused.arguments(), refused.getMessage());
			}
			else {
				result.reject(refused.messageKey(), refused.arguments(), refused.getMessage());
			}
		}
	}

}

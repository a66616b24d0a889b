package org.guichet.replies.web;

import org.guichet.replies.InvalidDefinitionException;
import org.guichet.replies.InvalidDefinitionException.Problem;
import org.guichet.system.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.validation.BindingResult;

/** Puts a refusal of the replies module on the form that was sent, each problem next to its field. */
final class DefinitionErrors {

	private DefinitionErrors() {
	}

	static void reject(DomainException ex, BindingResult result) {
		if (ex instanceof InvalidDefinitionException invalid) {
			for (Problem problem : invalid.problems()) {
				reject(result, problem.field(), problem.messageKey(), problem.arguments().toArray(),
						problem.englishMessage());
			}
		}
		else {
			reject(result, ex.field(), ex.messageKey(), ex.arguments(), ex.getMessage());
		}
	}

	private static void reject(BindingResult result, @Nullable String field, String key, Object[] arguments,
			String english) {
		if (field != null && result.getTarget() != null
				&& BeanUtils.getPropertyDescriptor(result.getTarget().getClass(), field) != null) {
			result.rejectValue(field, key, arguments, english);
		}
		else {
			result.reject(key, arguments, english);
		}
	}

}

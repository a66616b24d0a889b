package org.guichet.directory.web;

import java.util.Set;

import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The fields of a directory account the user form shows disabled (the directory owns them): they
 * are not posted, so their refusals mean nothing and are dropped.
 */
final class DirectoryFields {

	private static final Set<String> OWNED = Set.of("fullName", "email", "phone", "department", "location",
			"managerId", "language", "role", "password");

	private DirectoryFields() {
	}

	/**
	 * The form's refusals but those of the directory's fields, as the model's binding result.
	 *
	 * @param form the form whose directory fields were put back from the account
	 */
	static BindingResult withoutTheirErrors(BindingResult result, UserForm form, Model model) {
		BeanPropertyBindingResult kept = new BeanPropertyBindingResult(form, result.getObjectName());
		result.getGlobalErrors().forEach(kept::addError);
		for (FieldError error : result.getFieldErrors()) {
			if (!OWNED.contains(error.getField())) {
				kept.addError(error);
			}
		}
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + result.getObjectName(), kept);
		return kept;
	}

}

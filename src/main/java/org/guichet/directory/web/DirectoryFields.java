package org.guichet.directory.web;

import java.util.Collection;

import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The fields of an account from elsewhere the user form shows disabled (its origin owns them):
 * they are not posted, so their refusals mean nothing and are dropped.
 */
final class DirectoryFields {

	private DirectoryFields() {
	}

	/**
	 * The form's refusals but those of the owned fields, as the model's binding result.
	 *
	 * @param form the form whose owned fields were put back from the account
	 * @param owned the owned fields' names
	 */
	static BindingResult withoutTheirErrors(BindingResult result, UserForm form, Collection<String> owned,
			Model model) {
		BeanPropertyBindingResult kept = new BeanPropertyBindingResult(form, result.getObjectName());
		result.getGlobalErrors().forEach(kept::addError);
		for (FieldError error : result.getFieldErrors()) {
			if (!owned.contains(error.getField())) {
				kept.addError(error);
			}
		}
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + result.getObjectName(), kept);
		return kept;
	}

}

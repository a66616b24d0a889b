package org.guichet.system;

import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.validation.BindingResult;

/**
 * Puts a refusal of the domain back on the form the user sent, so that the page is shown again
 * with everything typed and each message next to the field at fault: every field refused together
 * ({@link InvalidInputException#others()}), not only the first. A refusal whose field the form
 * does not have (or that names no field) becomes an error of the whole form, never an exception.
 */
public final class FormRefusals {

	private FormRefusals() {
	}

	/** Puts {@code refusal} and the refusals given with it on {@code result}, with their own message keys. */
	public static void reject(DomainException refusal, BindingResult result) {
		reject(refusal, result, UnaryOperator.identity());
	}

	/**
	 * Puts {@code refusal} and the refusals given with it on {@code result}, each under the message
	 * key that {@code keys} makes of its own (for a page's wording of an API message).
	 */
	public static void reject(DomainException refusal, BindingResult result, UnaryOperator<String> keys) {
		rejectOne(refusal, result, keys);
		if (refusal instanceof InvalidInputException invalid) {
			invalid.others().forEach(other -> rejectOne(other, result, keys));
		}
	}

	/** Runs a check of the domain and puts every refusal it gives on {@code result}. */
	public static void check(BindingResult result, Runnable check) {
		try {
			check.run();
		}
		catch (DomainException ex) {
			reject(ex, result);
		}
	}

	private static void rejectOne(DomainException refusal, BindingResult result, UnaryOperator<String> keys) {
		String key = keys.apply(refusal.messageKey());
		String field = formField(refusal.field(), result);
		if (field != null) {
			result.rejectValue(field, key, refusal.arguments(), refusal.getMessage());
		}
		else {
			result.reject(key, refusal.arguments(), refusal.getMessage());
		}
	}

	/**
	 * The form's own name for a refused field: the field itself, or the last part of a path given
	 * by the API's wording ({@code conditions[2].value} is the form's {@code value}); null when the
	 * form has neither.
	 */
	private static @Nullable String formField(@Nullable String field, BindingResult result) {
		Object target = result.getTarget();
		if (field == null || target == null) {
			return null;
		}
		BeanWrapper form = PropertyAccessorFactory.forBeanPropertyAccess(target);
		if (form.isReadableProperty(field)) {
			return field;
		}
		String last = field.substring(field.lastIndexOf('.') + 1);
		return !last.equals(field) && form.isReadableProperty(last) ? last : null;
	}

}

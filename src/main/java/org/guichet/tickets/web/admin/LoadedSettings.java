package org.guichet.tickets.web.admin;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * What a settings form was loaded with, sent back with it (a hidden field), so that saving a form
 * opened before someone else saved the same settings (another tab, another administrator) is
 * refused instead of silently undoing their change. The values typed are kept; the form then
 * carries the settings as they are now, so that saving it again replaces them knowingly.
 */
final class LoadedSettings {

	static final String CHANGED_MEANWHILE = "admin.settings.changed-meanwhile";

	private LoadedSettings() {
	}

	/** The text that stands for {@code settings} in the form: the record's components, in order. */
	static String of(Object settings) {
		return settings.toString();
	}

	/**
	 * Whether the settings saved now differ from those the form was loaded with, and if so
	 * rejects the form as a whole. A form sent without them ({@code loaded} null: a client that
	 * does not know of this field) is not checked.
	 */
	static boolean changedMeanwhile(@Nullable String loaded, Object current, Errors errors) {
		if (loaded == null || Objects.equals(loaded, of(current))) {
			return false;
		}
		errors.reject(CHANGED_MEANWHILE,
				"These settings were changed elsewhere since this page was opened; your values are kept: save again to replace them.");
		return true;
	}

}

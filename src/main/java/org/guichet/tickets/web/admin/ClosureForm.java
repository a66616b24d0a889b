package org.guichet.tickets.web.admin;

import org.guichet.tickets.ClosureSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * How a solved ticket closes: requester validation and the auto-close delay, kept as typed; the
 * range is checked by DeskSettings.
 */
class ClosureForm {

	private boolean requesterValidation;

	private @Nullable String autoCloseDays;

	/** The settings the page showed when it was opened ({@link LoadedSettings}), sent back hidden. */
	private @Nullable String loaded;

	ClosureForm() {
	}

	ClosureForm(ClosureSettings settings) {
		this.loaded = LoadedSettings.of(settings);
		this.requesterValidation = settings.requesterValidation();
		this.autoCloseDays = String.valueOf(settings.autoCloseDays());
	}

	/** The settings entered, or null after rejecting the delay when it is not a whole number. */
	@Nullable ClosureSettings toSettings(Errors errors) {
		Integer days = WholeNumbers.read(autoCloseDays, "autoCloseDays", errors);
		return days == null ? null : new ClosureSettings(requesterValidation, days);
	}

	/** The form, as typed, now standing for {@code current}: saving it again replaces them. */
	void reloaded(ClosureSettings current) {
		this.loaded = LoadedSettings.of(current);
	}

	public @Nullable String getLoaded() {
		return loaded;
	}

	public void setLoaded(@Nullable String loaded) {
		this.loaded = loaded;
	}

	public boolean isRequesterValidation() {
		return requesterValidation;
	}

	public void setRequesterValidation(boolean requesterValidation) {
		this.requesterValidation = requesterValidation;
	}

	public @Nullable String getAutoCloseDays() {
		return autoCloseDays;
	}

	public void setAutoCloseDays(@Nullable String autoCloseDays) {
		this.autoCloseDays = autoCloseDays;
	}

}

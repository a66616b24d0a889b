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

	ClosureForm() {
	}

	ClosureForm(ClosureSettings settings) {
		this.requesterValidation = settings.requesterValidation();
		this.autoCloseDays = String.valueOf(settings.autoCloseDays());
	}

	/** The settings entered, or null after rejecting the delay when it is not a whole number. */
	@Nullable ClosureSettings toSettings(Errors errors) {
		Integer days = WholeNumbers.read(autoCloseDays, "autoCloseDays", errors);
		return days == null ? null : new ClosureSettings(requesterValidation, days);
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

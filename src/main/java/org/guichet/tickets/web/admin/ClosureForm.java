package org.guichet.tickets.web.admin;

import jakarta.validation.constraints.NotNull;
import org.guichet.tickets.ClosureSettings;
import org.jspecify.annotations.Nullable;

/** How a solved ticket closes: requester validation and the auto-close delay; the range is checked by DeskSettings. */
class ClosureForm {

	private boolean requesterValidation;

	@NotNull
	private @Nullable Integer autoCloseDays;

	ClosureForm() {
	}

	ClosureForm(ClosureSettings settings) {
		this.requesterValidation = settings.requesterValidation();
		this.autoCloseDays = settings.autoCloseDays();
	}

	/** The settings entered; only once {@link #getAutoCloseDays()} is bound. */
	ClosureSettings toSettings() {
		return new ClosureSettings(requesterValidation, autoCloseDays == null ? -1 : autoCloseDays);
	}

	public boolean isRequesterValidation() {
		return requesterValidation;
	}

	public void setRequesterValidation(boolean requesterValidation) {
		this.requesterValidation = requesterValidation;
	}

	public @Nullable Integer getAutoCloseDays() {
		return autoCloseDays;
	}

	public void setAutoCloseDays(@Nullable Integer autoCloseDays) {
		this.autoCloseDays = autoCloseDays;
	}

}

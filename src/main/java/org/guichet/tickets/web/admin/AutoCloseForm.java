package org.guichet.tickets.web.admin;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/** The delay after which a resolved ticket nobody answered is closed; the range is checked by DeskSettings. */
class AutoCloseForm {

	@NotNull
	private @Nullable Integer autoCloseDays;

	AutoCloseForm() {
	}

	AutoCloseForm(int autoCloseDays) {
		this.autoCloseDays = autoCloseDays;
	}

	public @Nullable Integer getAutoCloseDays() {
		return autoCloseDays;
	}

	public void setAutoCloseDays(@Nullable Integer autoCloseDays) {
		this.autoCloseDays = autoCloseDays;
	}

}

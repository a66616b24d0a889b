package org.guichet.directory.web;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

/** A person changes their own password: the strength rule is {@code Accounts}'. */
class PasswordForm {

	@NotBlank
	private @Nullable String currentPassword;

	@NotBlank
	private @Nullable String newPassword;

	@NotBlank
	private @Nullable String confirmation;

	boolean confirmed() {
		return newPassword != null && newPassword.equals(confirmation);
	}

	public @Nullable String getCurrentPassword() {
		return currentPassword;
	}

	public void setCurrentPassword(@Nullable String currentPassword) {
		this.currentPassword = currentPassword;
	}

	public @Nullable String getNewPassword() {
		return newPassword;
	}

	public void setNewPassword(@Nullable String newPassword) {
		this.newPassword = newPassword;
	}

	public @Nullable String getConfirmation() {
		return confirmation;
	}

	public void setConfirmation(@Nullable String confirmation) {
		this.confirmation = confirmation;
	}

}

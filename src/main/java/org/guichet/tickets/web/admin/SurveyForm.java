package org.guichet.tickets.web.admin;

import jakarta.validation.constraints.NotNull;
import org.guichet.tickets.SurveySettings;
import org.jspecify.annotations.Nullable;

/** The satisfaction survey's settings; the ranges are checked by DeskSettings. */
class SurveyForm {

	private boolean enabled;

	@NotNull
	private @Nullable Integer sharePercent;

	@NotNull
	private @Nullable Integer delayHours;

	@NotNull
	private @Nullable Integer validityDays;

	SurveyForm() {
	}

	SurveyForm(SurveySettings settings) {
		this.enabled = settings.enabled();
		this.sharePercent = settings.sharePercent();
		this.delayHours = settings.delayHours();
		this.validityDays = settings.validityDays();
	}

	/** The settings entered; only once every number is bound. */
	SurveySettings toSettings() {
		return new SurveySettings(enabled, orMinusOne(sharePercent), orMinusOne(delayHours), orMinusOne(validityDays));
	}

	private static int orMinusOne(@Nullable Integer value) {
		return value == null ? -1 : value;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable Integer getSharePercent() {
		return sharePercent;
	}

	public void setSharePercent(@Nullable Integer sharePercent) {
		this.sharePercent = sharePercent;
	}

	public @Nullable Integer getDelayHours() {
		return delayHours;
	}

	public void setDelayHours(@Nullable Integer delayHours) {
		this.delayHours = delayHours;
	}

	public @Nullable Integer getValidityDays() {
		return validityDays;
	}

	public void setValidityDays(@Nullable Integer validityDays) {
		this.validityDays = validityDays;
	}

}

package org.guichet.tickets.web.admin;

import org.guichet.tickets.SurveySettings;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/** The satisfaction survey's settings, kept as typed; the ranges are checked by DeskSettings. */
class SurveyForm {

	private boolean enabled;

	private @Nullable String sharePercent;

	private @Nullable String delayHours;

	private @Nullable String validityDays;

	/** The settings the page showed when it was opened ({@link LoadedSettings}), sent back hidden. */
	private @Nullable String loaded;

	SurveyForm() {
	}

	SurveyForm(SurveySettings settings) {
		this.loaded = LoadedSettings.of(settings);
		this.enabled = settings.enabled();
		this.sharePercent = String.valueOf(settings.sharePercent());
		this.delayHours = String.valueOf(settings.delayHours());
		this.validityDays = String.valueOf(settings.validityDays());
	}

	/** The settings entered, or null after rejecting every field that is not a whole number. */
	@Nullable SurveySettings toSettings(Errors errors) {
		Integer share = WholeNumbers.read(sharePercent, "sharePercent", errors);
		Integer delay = WholeNumbers.read(delayHours, "delayHours", errors);
		Integer validity = WholeNumbers.read(validityDays, "validityDays", errors);
		if (share == null || delay == null || validity == null) {
			return null;
		}
		return new SurveySettings(enabled, share, delay, validity);
	}

	/** The form, as typed, now standing for {@code current}: saving it again replaces them. */
	void reloaded(SurveySettings current) {
		this.loaded = LoadedSettings.of(current);
	}

	public @Nullable String getLoaded() {
		return loaded;
	}

	public void setLoaded(@Nullable String loaded) {
		this.loaded = loaded;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getSharePercent() {
		return sharePercent;
	}

	public void setSharePercent(@Nullable String sharePercent) {
		this.sharePercent = sharePercent;
	}

	public @Nullable String getDelayHours() {
		return delayHours;
	}

	public void setDelayHours(@Nullable String delayHours) {
		this.delayHours = delayHours;
	}

	public @Nullable String getValidityDays() {
		return validityDays;
	}

	public void setValidityDays(@Nullable String validityDays) {
		this.validityDays = validityDays;
	}

}

package org.guichet.sms;

import org.jspecify.annotations.Nullable;

/**
 * The administrators' SMS page as typed ({@link SmsAdministration}): every value a string, so that a
 * refused one comes back as it was typed. A secret ({@code inboundSecret}, {@code httpAuthHeaderValue},
 * {@code twilioAuthToken}) is never filled from the settings: empty keeps the saved one, a value
 * replaces it, its {@code clear…} box removes it.
 */
public class SmsSettingsForm {

	/** The version of the saved settings the form was filled with; 0 while none was saved. */
	private long version;

	private boolean enabled = false;

	private String provider = "NONE";

	private String number = "";

	private String defaultRegion = "";

	private @Nullable Long groupId = null;

	private String followUpHours = "";

	private String segments = "";

	private String inboundSecret = "";

	private boolean clearInboundSecret = false;

	private String httpUrl = "";

	private String httpAuthHeaderName = "";

	private String httpAuthHeaderValue = "";

	private boolean clearHttpAuthHeaderValue = false;

	private String httpBodyTemplate = "";

	private String twilioAccountSid = "";

	private String twilioAuthToken = "";

	private boolean clearTwilioAuthToken = false;

	private String twilioBaseUrl = "";

	private String twilioWebhookUrl = "";

	public boolean isEnabled() {
		return enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getProvider() {
		return provider;
	}

	public void setProvider(@Nullable String provider) {
		this.provider = provider == null ? "" : provider;
	}

	public String getNumber() {
		return number;
	}

	public void setNumber(@Nullable String number) {
		this.number = number == null ? "" : number;
	}

	public String getDefaultRegion() {
		return defaultRegion;
	}

	public void setDefaultRegion(@Nullable String defaultRegion) {
		this.defaultRegion = defaultRegion == null ? "" : defaultRegion;
	}

	public @Nullable Long getGroupId() {
		return groupId;
	}

	public void setGroupId(@Nullable Long groupId) {
		this.groupId = groupId;
	}

	public String getFollowUpHours() {
		return followUpHours;
	}

	public void setFollowUpHours(@Nullable String followUpHours) {
		this.followUpHours = followUpHours == null ? "" : followUpHours;
	}

	public String getSegments() {
		return segments;
	}

	public void setSegments(@Nullable String segments) {
		this.segments = segments == null ? "" : segments;
	}

	public String getInboundSecret() {
		return inboundSecret;
	}

	public void setInboundSecret(@Nullable String inboundSecret) {
		this.inboundSecret = inboundSecret == null ? "" : inboundSecret;
	}

	public boolean isClearInboundSecret() {
		return clearInboundSecret;
	}

	public void setClearInboundSecret(boolean clearInboundSecret) {
		this.clearInboundSecret = clearInboundSecret;
	}

	public String getHttpUrl() {
		return httpUrl;
	}

	public void setHttpUrl(@Nullable String httpUrl) {
		this.httpUrl = httpUrl == null ? "" : httpUrl;
	}

	public String getHttpAuthHeaderName() {
		return httpAuthHeaderName;
	}

	public void setHttpAuthHeaderName(@Nullable String httpAuthHeaderName) {
		this.httpAuthHeaderName = httpAuthHeaderName == null ? "" : httpAuthHeaderName;
	}

	public String getHttpAuthHeaderValue() {
		return httpAuthHeaderValue;
	}

	public void setHttpAuthHeaderValue(@Nullable String httpAuthHeaderValue) {
		this.httpAuthHeaderValue = httpAuthHeaderValue == null ? "" : httpAuthHeaderValue;
	}

	public boolean isClearHttpAuthHeaderValue() {
		return clearHttpAuthHeaderValue;
	}

	public void setClearHttpAuthHeaderValue(boolean clearHttpAuthHeaderValue) {
		this.clearHttpAuthHeaderValue = clearHttpAuthHeaderValue;
	}

	public String getHttpBodyTemplate() {
		return httpBodyTemplate;
	}

	public void setHttpBodyTemplate(@Nullable String httpBodyTemplate) {
		this.httpBodyTemplate = httpBodyTemplate == null ? "" : httpBodyTemplate;
	}

	public String getTwilioAccountSid() {
		return twilioAccountSid;
	}

	public void setTwilioAccountSid(@Nullable String twilioAccountSid) {
		this.twilioAccountSid = twilioAccountSid == null ? "" : twilioAccountSid;
	}

	public String getTwilioAuthToken() {
		return twilioAuthToken;
	}

	public void setTwilioAuthToken(@Nullable String twilioAuthToken) {
		this.twilioAuthToken = twilioAuthToken == null ? "" : twilioAuthToken;
	}

	public boolean isClearTwilioAuthToken() {
		return clearTwilioAuthToken;
	}

	public void setClearTwilioAuthToken(boolean clearTwilioAuthToken) {
		this.clearTwilioAuthToken = clearTwilioAuthToken;
	}

	public String getTwilioBaseUrl() {
		return twilioBaseUrl;
	}

	public void setTwilioBaseUrl(@Nullable String twilioBaseUrl) {
		this.twilioBaseUrl = twilioBaseUrl == null ? "" : twilioBaseUrl;
	}

	public String getTwilioWebhookUrl() {
		return twilioWebhookUrl;
	}

	public void setTwilioWebhookUrl(@Nullable String twilioWebhookUrl) {
		this.twilioWebhookUrl = twilioWebhookUrl == null ? "" : twilioWebhookUrl;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}

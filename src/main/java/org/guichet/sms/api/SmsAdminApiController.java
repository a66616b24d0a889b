package org.guichet.sms.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.guichet.directory.CurrentUser;
import org.guichet.sms.SmsAdministration;
import org.guichet.sms.SmsDeliveries;
import org.guichet.sms.SmsSettingsForm;
import org.guichet.system.ConflictException;
import org.guichet.system.IfMatch;
import org.guichet.system.InvalidInputException;
import org.guichet.system.MultiLine;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administration › SMS, {@code /api/v1/admin/sms}, through the services of the page
 * ({@link SmsAdministration}, {@link SmsDeliveries}): the channel's settings (the gateway's
 * secrets write-only: an answer says only whether each is set), a test SMS, and the SMS out (how
 * many in each state, the newest of a state, a failed one sent again: 409
 * {@code sms.outbox.resent.already} when it is no longer failed, 404 for no SMS). The settings have no
 * version, as on the page: the last save wins. Administrators only (403 problem+json otherwise); a
 * refusal is 400 naming every field at fault.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/sms", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasRole('ADMINISTRATOR')")
@Tag(name = "SMS administration", description = "The SMS channel's settings and the SMS out")
class SmsAdminApiController {

	private final SmsAdministration administration;

	private final SmsDeliveries deliveries;

	private final MessageSource messages;

	SmsAdminApiController(SmsAdministration administration, SmsDeliveries deliveries, MessageSource messages) {
		this.administration = administration;
		this.deliveries = deliveries;
		this.messages = messages;
	}

	/**
	 * The settings in force, never a secret.
	 *
	 * @param provider {@code NONE}, {@code HTTP} or {@code TWILIO}
	 * @param groupId the group the tickets registered by SMS go to, null for routing alone
	 * @param followUpHours how long an answer to an SMS sent follows up its ticket
	 * @param savedAt when an administrator last saved them; null while the {@code guichet.sms.*} properties are in force
	 * @param version raised by each save, their ETag; 0 while the properties are in force
	 */
	record SettingsJson(boolean enabled, String provider, String number, String defaultRegion,
			@Nullable Long groupId, int followUpHours, int segments, boolean inboundSecretSet, String httpUrl,
			String httpAuthHeaderName, boolean httpAuthHeaderValueSet, String httpBodyTemplate,
			String twilioAccountSid, boolean twilioAuthTokenSet, String twilioBaseUrl, String twilioWebhookUrl,
			@Nullable Instant savedAt, long version) {

		static SettingsJson of(SmsSettingsForm form, SmsAdministration.Shown shown) {
			return new SettingsJson(form.isEnabled(), form.getProvider(), form.getNumber(), form.getDefaultRegion(),
					form.getGroupId(), Integer.parseInt(form.getFollowUpHours()), Integer.parseInt(form.getSegments()),
					shown.inboundSecretSet(), form.getHttpUrl(), form.getHttpAuthHeaderName(),
					shown.httpAuthHeaderValueSet(), form.getHttpBodyTemplate(), form.getTwilioAccountSid(),
					shown.twilioAuthTokenSet(), form.getTwilioBaseUrl(), form.getTwilioWebhookUrl(), shown.savedAt(),
					form.getVersion());
		}

	}

	/**
	 * The settings as sent: every setting, as reading them gives them. A secret
	 * ({@code inboundSecret}, {@code httpAuthHeaderValue}, {@code twilioAuthToken}) is write-only:
	 * empty, null or absent keeps the one in force; its {@code clear…} member true removes it
	 * (absent: false).
	 *
	 * @param groupId null or absent: the tickets registered by SMS go through routing alone
	 * @param version the version the settings were changed on, unless {@code If-Match} names it
	 */
	record SettingsBody(boolean enabled, String provider, String number, String defaultRegion,
			@Nullable Long groupId, int followUpHours, int segments, @Nullable String inboundSecret,
			@Nullable Boolean clearInboundSecret, String httpUrl, String httpAuthHeaderName,
			@Nullable String httpAuthHeaderValue, @Nullable Boolean clearHttpAuthHeaderValue, @MultiLine String httpBodyTemplate,
			String twilioAccountSid, @Nullable String twilioAuthToken, @Nullable Boolean clearTwilioAuthToken,
			String twilioBaseUrl, String twilioWebhookUrl, @Nullable Long version) {

		/** @param version the version the change was made on */
		SmsSettingsForm form(long version) {
			SmsSettingsForm form = new SmsSettingsForm();
			form.setVersion(version);
			form.setEnabled(enabled);
			form.setProvider(provider);
			form.setNumber(number);
			form.setDefaultRegion(defaultRegion);
			form.setGroupId(groupId);
			form.setFollowUpHours(Integer.toString(followUpHours));
			form.setSegments(Integer.toString(segments));
			form.setInboundSecret(inboundSecret);
			form.setClearInboundSecret(Boolean.TRUE.equals(clearInboundSecret));
			form.setHttpUrl(httpUrl);
			form.setHttpAuthHeaderName(httpAuthHeaderName);
			form.setHttpAuthHeaderValue(httpAuthHeaderValue);
			form.setClearHttpAuthHeaderValue(Boolean.TRUE.equals(clearHttpAuthHeaderValue));
			form.setHttpBodyTemplate(httpBodyTemplate);
			form.setTwilioAccountSid(twilioAccountSid);
			form.setTwilioAuthToken(twilioAuthToken);
			form.setClearTwilioAuthToken(Boolean.TRUE.equals(clearTwilioAuthToken));
			form.setTwilioBaseUrl(twilioBaseUrl);
			form.setTwilioWebhookUrl(twilioWebhookUrl);
			return form;
		}

	}

	/** @param testNumber with its country code, or national in the default region */
	record TestBody(String testNumber) {
	}

	/**
	 * @param enabled whether the channel is on
	 * @param counts how many SMS are in each state
	 */
	record SmsOutJson(boolean enabled, String provider, Map<String, Long> counts) {
	}

	/** @param queued true: the SMS waits for the sender's next round, its attempts counted afresh */
	record ResendJson(long id, boolean queued) {
	}

	@GetMapping
	@Operation(summary = "SMS out: whether the channel is on, its gateway, and how many SMS are in each state")
	SmsOutJson smsOut() {
		SmsSettingsForm now = administration.form();
		return new SmsOutJson(now.isEnabled(), now.getProvider(), deliveries.counts());
	}

	@GetMapping("/settings")
	@Operation(summary = "The SMS channel's settings in force, never a secret")
	SettingsJson settings() {
		return SettingsJson.of(administration.form(), administration.shown());
	}

	@PutMapping(path = "/settings", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replaces the SMS channel's settings and puts them in force; an empty secret keeps the one in force")
	SettingsJson saveSettings(@RequestBody SettingsBody body,
			@RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal CurrentUser me) {
		administration.save(body.form(IfMatch.required(ifMatch, body.version())), me);
		return settings();
	}

	@PostMapping(path = "/test", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Sends a test SMS now through the gateway in force (not the outbox) and gives its answer")
	SmsDeliveries.TestResult test(@RequestBody TestBody body) {
		Locale language = LocaleContextHolder.getLocale();
		return deliveries.sendTest(body.testNumber(),
				messages.getMessage("sms.admin.test.text", null, language));
	}

	@GetMapping("/outbox")
	@Operation(summary = "The newest SMS of a state (FAILED by default), newest first, at most 100")
	List<SmsDeliveries.Delivery> outbox(@RequestParam(defaultValue = "FAILED") String status) {
		if (!SmsDeliveries.STATUSES.contains(status)) {
			throw new InvalidInputException("status", "sms.outbox.status", "A state is PENDING, SENDING, SENT or FAILED",
					status);
		}
		return deliveries.newest(status);
	}

	@PostMapping("/outbox/{id}/resend")
	@Operation(summary = "Queues a failed SMS again, as it was written, for the sender's next round")
	ResendJson resend(@PathVariable long id) {
		if (!deliveries.resend(id)) {
			throw new ConflictException("sms.outbox.resent.already",
					"This SMS is no longer among those not sent: nothing was changed", id);
		}
		return new ResendJson(id, true);
	}

}

package org.guichet.tickets.api;

import org.guichet.system.IfMatch;
import org.guichet.tickets.ClosureSettings;
import org.guichet.tickets.DeskSettings;
import org.guichet.tickets.SurveySettings;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lifecycle settings the flowchart reads, as on Administration › Settings: the closure
 * ({@code /closure}) and the satisfaction survey ({@code /survey}). Administrators only (403
 * problem+json otherwise). A PUT replaces every field: a missing one is refused
 * ({@code field.required}), a value out of range too, each naming its field (400 problem+json),
 * and nothing is saved; every field at fault is listed under {@code errors}. A GET sends the
 * settings' {@code ETag}; a PUT with {@code If-Match} is refused with 412 problem+json
 * ({@code record.tag-stale}, the current tag in {@code currentETag}) when the settings changed
 * since that tag was read; a PUT without {@code If-Match} (or with {@code *}) replaces them as they are.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/settings", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasRole('ADMINISTRATOR')")
class LifecycleSettingsApiController {

	private final DeskSettings settings;

	LifecycleSettingsApiController(DeskSettings settings) {
		this.settings = settings;
	}

	/**
	 * @param requesterValidation whether the requester accepts or refuses the solution; false: the
	 * resolution closes the ticket
	 * @param autoCloseDays days after which an unanswered resolved ticket is closed, 0 = never
	 */
	record ClosureJson(boolean requesterValidation, int autoCloseDays) {
	}

	/**
	 * @param enabled whether closed tickets are surveyed
	 * @param sharePercent share of the closed tickets surveyed, 0 to 100
	 * @param delayHours hours after the closure before the requester is invited, 0 to 720
	 * @param validityDays days after the invitation the survey can be answered, 1 to 365
	 */
	record SurveyJson(boolean enabled, int sharePercent, int delayHours, int validityDays) {
	}

	@GetMapping("/closure")
	ResponseEntity<ClosureJson> closure() {
		ClosureSettings closure = settings.closure();
		return ResponseEntity.ok().eTag(SettingsTags.etag(closure))
			.body(new ClosureJson(closure.requesterValidation(), closure.autoCloseDays()));
	}

	@PutMapping(path = "/closure", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ClosureJson> replaceClosure(@RequestBody ClosureJson body,
			@RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch) {
		SettingsTags.unchangedSince(ifMatch, settings.closure());
		ClosureSettings asked = new ClosureSettings(body.requesterValidation(), body.autoCloseDays());
		DeskSettings.check(asked);
		settings.saveClosure(asked);
		return closure();
	}

	@GetMapping("/survey")
	ResponseEntity<SurveyJson> survey() {
		SurveySettings survey = settings.survey();
		return ResponseEntity.ok().eTag(SettingsTags.etag(survey))
			.body(new SurveyJson(survey.enabled(), survey.sharePercent(), survey.delayHours(), survey.validityDays()));
	}

	@PutMapping(path = "/survey", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<SurveyJson> replaceSurvey(@RequestBody SurveyJson body,
			@RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch) {
		SettingsTags.unchangedSince(ifMatch, settings.survey());
		SurveySettings asked = new SurveySettings(body.enabled(), body.sharePercent(), body.delayHours(),
				body.validityDays());
		DeskSettings.check(asked);
		settings.saveSurvey(asked);
		return survey();
	}

}

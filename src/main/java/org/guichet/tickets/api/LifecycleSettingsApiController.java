package org.guichet.tickets.api;

import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;
import org.guichet.tickets.ClosureSettings;
import org.guichet.tickets.DeskSettings;
import org.guichet.tickets.SurveySettings;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lifecycle settings the flowchart reads, as on Administration › Settings: the closure
 * ({@code /closure}) and the satisfaction survey ({@code /survey}). Administrators only (403
 * problem+json otherwise). A PUT replaces every field: a missing one is refused
 * ({@code field.required}), a value out of range too, each naming its field (400 problem+json),
 * and nothing is saved.
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
	record ClosureJson(@Nullable Boolean requesterValidation, @Nullable Integer autoCloseDays) {
	}

	/**
	 * @param enabled whether closed tickets are surveyed
	 * @param sharePercent share of the closed tickets surveyed, 0 to 100
	 * @param delayHours hours after the closure before the requester is invited, 0 to 720
	 * @param validityDays days after the invitation the survey can be answered, 1 to 365
	 */
	record SurveyJson(@Nullable Boolean enabled, @Nullable Integer sharePercent, @Nullable Integer delayHours,
			@Nullable Integer validityDays) {
	}

	@GetMapping("/closure")
	ClosureJson closure() {
		ClosureSettings closure = settings.closure();
		return new ClosureJson(closure.requesterValidation(), closure.autoCloseDays());
	}

	@PutMapping(path = "/closure", consumes = MediaType.APPLICATION_JSON_VALUE)
	ClosureJson replaceClosure(@RequestBody ClosureJson body) {
		InputChecks checks = new InputChecks();
		Boolean validation = checks.check(() -> required("requesterValidation", body.requesterValidation()));
		Integer days = checks.check(() -> required("autoCloseDays", body.autoCloseDays()));
		checks.refuseIfAny();
		settings.saveClosure(new ClosureSettings(Boolean.TRUE.equals(validation), days == null ? -1 : days));
		return closure();
	}

	@GetMapping("/survey")
	SurveyJson survey() {
		SurveySettings survey = settings.survey();
		return new SurveyJson(survey.enabled(), survey.sharePercent(), survey.delayHours(), survey.validityDays());
	}

	@PutMapping(path = "/survey", consumes = MediaType.APPLICATION_JSON_VALUE)
	SurveyJson replaceSurvey(@RequestBody SurveyJson body) {
		InputChecks checks = new InputChecks();
		Boolean enabled = checks.check(() -> required("enabled", body.enabled()));
		Integer share = checks.check(() -> required("sharePercent", body.sharePercent()));
		Integer delay = checks.check(() -> required("delayHours", body.delayHours()));
		Integer validity = checks.check(() -> required("validityDays", body.validityDays()));
		checks.refuseIfAny();
		settings.saveSurvey(new SurveySettings(Boolean.TRUE.equals(enabled), orMinusOne(share), orMinusOne(delay),
				orMinusOne(validity)));
		return survey();
	}

	private static <T> T required(String field, @Nullable T value) {
		if (value == null) {
			throw new InvalidInputException(field, "field.required", "Give " + field);
		}
		return value;
	}

	private static int orMinusOne(@Nullable Integer value) {
		return value == null ? -1 : value;
	}

}

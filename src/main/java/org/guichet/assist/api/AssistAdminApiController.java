package org.guichet.assist.api;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.guichet.assist.AssistAdministration;
import org.guichet.assist.GenerativeAdministration;
import org.guichet.assist.GenerativeFailure;
import org.guichet.assist.GenerativeFeature;
import org.guichet.assist.GenerativeSettings;
import org.guichet.assist.SelfServiceSettings;
import org.guichet.system.IfMatch;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administration › Assistant, {@code /api/v1/admin/assist}, through the services its three pages
 * use: the triage models and the suggestions' thresholds, "Train now", the generative help's
 * settings (the API key write-only), its spending and last prompts and its connection test, and
 * the self-service resolution's settings. Confidences are fractions from 0 to 1 (the pages show
 * percentages). Each settings' answer sends {@code ETag: "<version>"}; a {@code PUT} names it
 * (If-Match or {@code version}; 428 without, 412 {@code record.version-stale} when saved since).
 * Administrators only (403 problem+json otherwise); a refusal is 400 naming its field.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/assist", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasRole('ADMINISTRATOR')")
@Tag(name = "Assistant administration", description = "Triage suggestions, generative help, self-service resolution")
class AssistAdminApiController {

	private final AssistAdministration triage;

	private final GenerativeAdministration generative;

	private final SelfServiceSettings selfService;

	AssistAdminApiController(AssistAdministration triage, GenerativeAdministration generative,
			SelfServiceSettings selfService) {
		this.triage = triage;
		this.generative = generative;
		this.selfService = selfService;
	}

	/**
	 * The triage suggestions' settings and models.
	 *
	 * @param threshold the least confidence a suggestion must have to be shown, 0 to 1
	 * @param autoApplyThreshold the least confidence from which it is applied at registration, from
	 *        {@code threshold} to 1; null: never (auto-triage off)
	 * @param models the models stored, by field; empty before the first training that found enough tickets
	 */
	record TriageJson(double threshold, @Nullable Double autoApplyThreshold,
			List<AssistAdministration.StoredModel> models, long version) {
	}

	/**
	 * The thresholds as sent.
	 *
	 * @param autoApplyThreshold null or absent: never apply (auto-triage off)
	 * @param version the version read; absent when If-Match names it (If-Match wins)
	 */
	record ThresholdsBody(double threshold, @Nullable Double autoApplyThreshold, @Nullable Long version) {
	}

	/** @param started false when a training was already waiting to start: it serves this demand */
	record TrainingJson(boolean started) {
	}

	/**
	 * The generative help's settings, never the API key.
	 *
	 * @param hasApiKey whether a key is stored
	 */
	record GenerativeJson(boolean enabled, @Nullable String baseUrl, @Nullable String model, boolean hasApiKey,
			Set<GenerativeFeature> features, Set<Long> groupIds, int dailyRequests, @Nullable Integer dailyTokens,
			int timeoutSeconds, boolean maskPersonalData, long version) {

		static GenerativeJson of(GenerativeSettings.Settings s, long version) {
			return new GenerativeJson(s.enabled(), s.baseUrl(), s.model(), s.hasApiKey(), s.features(), s.groupIds(),
					s.dailyRequests(), s.dailyTokens(), s.timeoutSeconds(), s.maskPersonalData(), version);
		}

	}

	/**
	 * The generative help's settings as sent: every setting, as reading them gives them.
	 *
	 * @param baseUrl null or absent: no server (refused while {@code enabled})
	 * @param model null or absent: no model (refused while {@code enabled})
	 * @param apiKey write-only: a new key; null, absent or empty keeps the stored one
	 * @param forgetApiKey true removes the stored key (a server that wants none); absent: false
	 * @param dailyTokens null or absent: no limit
	 * @param version the version read; absent when If-Match names it (If-Match wins)
	 */
	record GenerativeBody(boolean enabled, @Nullable String baseUrl, @Nullable String model,
			@Nullable String apiKey, @Nullable Boolean forgetApiKey, Set<GenerativeFeature> features,
			Set<Long> groupIds, int dailyRequests, @Nullable Integer dailyTokens, int timeoutSeconds,
			boolean maskPersonalData, @Nullable Long version) {

		GenerativeSettings.Changes changes() {
			return new GenerativeSettings.Changes(enabled, baseUrl, model, apiKey, Boolean.TRUE.equals(forgetApiKey),
					features, groupIds, dailyRequests, dailyTokens, timeoutSeconds, maskPersonalData);
		}

	}

	/**
	 * Today's spending of the generative help and the prompts kept.
	 *
	 * @param today requests and tokens spent today (the desk's zone) and the daily budget
	 * @param exchanges the last prompts sent, exactly as sent, newest first
	 */
	record UsageJson(GenerativeAdministration.Spending today, List<GenerativeAdministration.Exchange> exchanges) {
	}

	/**
	 * The connection test's outcome.
	 *
	 * @param answer the model's answer, null when it failed
	 * @param failure why it failed ({@code OFF}, {@code TIMEOUT}, {@code UNREACHABLE}…), null when it answered
	 */
	record TestJson(boolean ok, @Nullable String answer, @Nullable String failure, @Nullable String detail) {
	}

	/**
	 * The self-service resolution's settings, named as their refusals name them.
	 *
	 * @param selfServiceThreshold the least confidence for an article to be offered, above 0 to 1
	 * @param selfServiceCategories where an article may be offered (a category allows its
	 *        sub-categories); empty: never (the feature is off)
	 * @param version the version read; in a change, absent when If-Match names it (If-Match wins)
	 */
	record SelfServiceJson(double selfServiceThreshold, Set<Long> selfServiceCategories, @Nullable Long version) {
	}

	@GetMapping
	@Operation(summary = "The triage suggestions' thresholds and the models stored")
	ResponseEntity<TriageJson> triage() {
		TriageJson json = new TriageJson(triage.threshold(), triage.autoApplyThreshold(), triage.models(),
				triage.version());
		return ResponseEntity.ok().eTag(IfMatch.etag(json.version())).body(json);
	}

	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Sets both thresholds of the triage suggestions (If-Match or version required)")
	ResponseEntity<TriageJson> saveThresholds(@RequestBody ThresholdsBody body,
			@RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch) {
		long version = IfMatch.required(ifMatch, body.version());
		triage.setThresholds(body.threshold(), body.autoApplyThreshold(), version);
		return triage();
	}

	@PostMapping("/training")
	@Operation(summary = "Learns the triage models again from the resolved tickets, in the background (202)")
	ResponseEntity<TrainingJson> train() {
		return ResponseEntity.accepted().body(new TrainingJson(triage.trainNow()));
	}

	@GetMapping("/generative")
	@Operation(summary = "The generative help's settings (never the API key)")
	ResponseEntity<GenerativeJson> generative() {
		GenerativeJson json = GenerativeJson.of(generative.settings(), generative.version());
		return ResponseEntity.ok().eTag(IfMatch.etag(json.version())).body(json);
	}

	@PutMapping(path = "/generative", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replaces the generative help's settings (If-Match or version required); "
			+ "an empty apiKey keeps the stored one")
	ResponseEntity<GenerativeJson> saveGenerative(@RequestBody GenerativeBody body,
			@RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch) {
		long version = IfMatch.required(ifMatch, body.version());
		generative.save(body.changes(), version);
		return generative();
	}

	@GetMapping("/generative/usage")
	@Operation(summary = "Today's spending of the generative help against its budget, and the last prompts sent")
	UsageJson usage() {
		return new UsageJson(generative.today(), generative.exchanges());
	}

	@PostMapping("/generative/test")
	@Operation(summary = "Sends a prompt without any ticket's data with the saved settings, on or off; "
			+ "not counted in the budget")
	TestJson test() {
		try {
			return new TestJson(true, generative.testConnection(), null, null);
		}
		catch (GenerativeFailure failure) {
			return new TestJson(false, null, failure.reason().name(), failure.getMessage());
		}
	}

	@GetMapping("/self-service")
	@Operation(summary = "The self-service resolution's least confidence and categories")
	ResponseEntity<SelfServiceJson> selfService() {
		SelfServiceJson json = new SelfServiceJson(selfService.threshold(), selfService.categories(),
				selfService.version());
		return ResponseEntity.ok().eTag(IfMatch.etag(selfService.version())).body(json);
	}

	@PutMapping(path = "/self-service", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replaces the self-service resolution's settings (If-Match or version required)")
	ResponseEntity<SelfServiceJson> saveSelfService(@RequestBody SelfServiceJson body,
			@RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch) {
		long version = IfMatch.required(ifMatch, body.version());
		selfService.set(body.selfServiceThreshold(), body.selfServiceCategories(), version);
		return selfService();
	}

}

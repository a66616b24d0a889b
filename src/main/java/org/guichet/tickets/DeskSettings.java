package org.guichet.tickets;

import java.util.List;
import java.util.Optional;

import org.guichet.system.CacheGenerations;
import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;
import org.guichet.system.SharedCache;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The settings of the desk the administrator edits: the priority matrix, the closure
 * ({@link ClosureSettings}: requester validation, auto-close delay), the satisfaction survey
 * ({@link SurveySettings}), what a requester's reply to a resolved ticket does
 * ({@link ReplyToResolved}) and what requesters see of the SLA. Read on every ticket
 * registration, so each node keeps the matrix in memory until any node saves another
 * ({@link SharedCache}).
 */
@Service
public class DeskSettings {

	static final String AUTO_CLOSE_DAYS = "auto-close-days";

	static final String REQUESTER_VALIDATION = "requester-validation";

	static final String SURVEY_ENABLED = "survey-enabled";

	static final String SURVEY_SHARE = "survey-share-percent";

	static final String SURVEY_DELAY = "survey-delay-hours";

	static final String SURVEY_VALIDITY = "survey-validity-days";

	static final String REPLY_TO_RESOLVED = "reply-to-resolved";
	static final String REQUESTER_SLA = "requester-sla";

	private final PriorityRuleRepository rules;

	private final DeskSettingRepository settings;

	private final SharedCache<PriorityMatrix> matrix;

	DeskSettings(PriorityRuleRepository rules, DeskSettingRepository settings, CacheGenerations generations) {
		this.rules = rules;
		this.settings = settings;
		this.matrix = new SharedCache<>(generations, "priority-matrix", this::storedMatrix);
	}

	/** The priority matrix in force, every node's latest change seen within a second (see {@link SharedCache}). */
	@Transactional(readOnly = true)
	public PriorityMatrix priorityMatrix() {
		return matrix.get();
	}

	private PriorityMatrix storedMatrix() {
		List<PriorityRule> saved = rules.findAll();
		if (saved.isEmpty()) {
			return PriorityMatrix.standard();
		}
		PriorityMatrix.Builder builder = PriorityMatrix.builder();
		saved.forEach(rule -> builder.set(rule.cell().urgency(), rule.cell().impact(), rule.priority()));
		return builder.build();
	}

	@Transactional
	public void savePriorityMatrix(PriorityMatrix newMatrix) {
		rules.deleteAllInBatch();
		for (Urgency urgency : Urgency.values()) {
			for (Impact impact : Impact.values()) {
				rules.save(new PriorityRule(urgency, impact, newMatrix.cell(urgency, impact)));
			}
		}
		matrix.changed();
	}

	/** The auto-close delay in days, 0 = never: {@link ClosureSettings#autoCloseDays()}. */
	@Transactional(readOnly = true)
	public int autoCloseDays() {
		return closure().autoCloseDays();
	}

	/** How a solved ticket closes; {@link ClosureSettings#DEFAULT} until saved. */
	@Transactional(readOnly = true)
	public ClosureSettings closure() {
		ClosureSettings standard = ClosureSettings.DEFAULT;
		return new ClosureSettings(read(REQUESTER_VALIDATION).map(Boolean::parseBoolean).orElse(standard.requesterValidation()),
				read(AUTO_CLOSE_DAYS).map(Integer::parseInt).orElse(standard.autoCloseDays()));
	}

	/**
	 * Saves the closure settings.
	 *
	 * @throws InvalidInputException on {@code autoCloseDays} ({@code settings.auto-close.range})
	 * when the delay is outside 0 to 365 days; nothing is saved
	 */
	@Transactional
	public void saveClosure(ClosureSettings closure) {
		check(closure);
		save(REQUESTER_VALIDATION, String.valueOf(closure.requesterValidation()));
		save(AUTO_CLOSE_DAYS, String.valueOf(closure.autoCloseDays()));
	}

	/**
	 * Checks closure settings without saving them.
	 *
	 * @throws InvalidInputException on {@code autoCloseDays} ({@code settings.auto-close.range})
	 * when the delay is outside 0 to 365 days
	 */
	public static void check(ClosureSettings closure) {
		if (closure.autoCloseDays() < 0 || closure.autoCloseDays() > ClosureSettings.MAX_AUTO_CLOSE_DAYS) {
			throw new InvalidInputException("autoCloseDays", "settings.auto-close.range",
					"The auto-close delay must be from 0 (never) to 365 days", 0, ClosureSettings.MAX_AUTO_CLOSE_DAYS);
		}
	}

	/** The satisfaction survey; {@link SurveySettings#DEFAULT} until saved. */
	@Transactional(readOnly = true)
	public SurveySettings survey() {
		SurveySettings standard = SurveySettings.DEFAULT;
		return new SurveySettings(read(SURVEY_ENABLED).map(Boolean::parseBoolean).orElse(standard.enabled()),
				read(SURVEY_SHARE).map(Integer::parseInt).orElse(standard.sharePercent()),
				read(SURVEY_DELAY).map(Integer::parseInt).orElse(standard.delayHours()),
				read(SURVEY_VALIDITY).map(Integer::parseInt).orElse(standard.validityDays()));
	}

	/**
	 * Saves the survey settings, every field checked before any is refused.
	 *
	 * @throws InvalidInputException on {@code sharePercent} (0 to 100), {@code delayHours} (0 to
	 * 720) or {@code validityDays} (1 to 365), with the others in {@link InvalidInputException#others()};
	 * nothing is saved
	 */
	@Transactional
	public void saveSurvey(SurveySettings survey) {
		check(survey);
		save(SURVEY_ENABLED, String.valueOf(survey.enabled()));
		save(SURVEY_SHARE, String.valueOf(survey.sharePercent()));
		save(SURVEY_DELAY, String.valueOf(survey.delayHours()));
		save(SURVEY_VALIDITY, String.valueOf(survey.validityDays()));
	}

	/**
	 * Checks survey settings without saving them, every field before any is refused.
	 *
	 * @throws InvalidInputException as {@link #saveSurvey}
	 */
	public static void check(SurveySettings survey) {
		InputChecks checks = new InputChecks();
		checks.check(() -> inRange("sharePercent", "settings.survey.share-range", survey.sharePercent(), 0, 100));
		checks.check(() -> inRange("delayHours", "settings.survey.delay-range", survey.delayHours(), 0,
				SurveySettings.MAX_DELAY_HOURS));
		checks.check(() -> inRange("validityDays", "settings.survey.validity-range", survey.validityDays(), 1,
				SurveySettings.MAX_VALIDITY_DAYS));
		checks.refuseIfAny();
	}

	private static void inRange(String field, String key, int value, int min, int max) {
		if (value < min || value > max) {
			throw new InvalidInputException(field, key, "Must be from " + min + " to " + max, min, max);
		}
	}

	private Optional<String> read(String name) {
		return settings.findById(name).map(DeskSetting::value);
	}

	/** What a requester's reply without a choice does to a resolved ticket; {@link ReplyToResolved#FLAG} by default. */
	@Transactional(readOnly = true)
	public ReplyToResolved replyToResolved() {
		return settings.findById(REPLY_TO_RESOLVED)
			.map(s -> ReplyToResolved.valueOf(s.value()))
			.orElse(ReplyToResolved.FLAG);
	}

	@Transactional
	public void saveReplyToResolved(ReplyToResolved rule) {
		save(REPLY_TO_RESOLVED, rule.name());
	}

	private void save(String name, String value) {
		settings.findById(name).ifPresentOrElse(s -> s.change(value), () -> settings.save(new DeskSetting(name, value)));
	}

	/** What requesters see of the SLA; {@link RequesterSlaVisibility#NONE} until chosen. */
	@Transactional(readOnly = true)
	public RequesterSlaVisibility requesterSlaVisibility() {
		return settings.findById(REQUESTER_SLA)
			.map(s -> RequesterSlaVisibility.valueOf(s.value()))
			.orElse(RequesterSlaVisibility.NONE);
	}

	@Transactional
	public void saveRequesterSlaVisibility(RequesterSlaVisibility visibility) {
		settings.findById(REQUESTER_SLA)
			.ifPresentOrElse(s -> s.change(visibility.name()),
					() -> settings.save(new DeskSetting(REQUESTER_SLA, visibility.name())));
	}

}

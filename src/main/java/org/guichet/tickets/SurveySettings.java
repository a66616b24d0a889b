package org.guichet.tickets;

/**
 * The satisfaction survey (Administration › Settings › Satisfaction survey): which closed tickets'
 * requesters are asked to rate the service (1 to 5 and a comment), when, and for how long.
 *
 * @param enabled false: no ticket is surveyed and no requester may rate
 * @param sharePercent share of the closed tickets surveyed, 0 to 100 (see {@link Surveys#sampled})
 * @param delayHours hours after the closure before the requester is invited, 0 to 720 (30 days)
 * @param validityDays days after the invitation during which the survey can be answered, 1 to 365
 */
public record SurveySettings(boolean enabled, int sharePercent, int delayHours, int validityDays) {

	public static final int MAX_DELAY_HOURS = 720;

	public static final int MAX_VALIDITY_DAYS = 365;

	/** Every closed ticket surveyed, asked at once, for 30 days: closest to rating any closed ticket. */
	public static final SurveySettings DEFAULT = new SurveySettings(true, 100, 0, 30);

	/** The share actually surveyed: {@link #sharePercent()}, or 0 when the survey is off. */
	public int effectiveShare() {
		return enabled ? sharePercent : 0;
	}

}

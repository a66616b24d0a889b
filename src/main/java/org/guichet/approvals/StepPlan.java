package org.guichet.approvals;

import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * A step another module asks for, in order, when it requests an approval.
 *
 * @param targetId the user (kind USER) or the group (kind GROUP); null for MANAGER
 * @param percent for quorum PERCENT, 1 to 100; null otherwise
 * @param skippedBecause why nobody is asked (the skip condition that held, in words), or null
 *        when the step is asked
 */
public record StepPlan(StepKind kind, @Nullable Long targetId, Quorum quorum, @Nullable Integer percent,
		@Nullable String skippedBecause) {

	/**
	 * @throws InvalidInputException on {@code targetId} when a USER or GROUP step names no one, on
	 *         {@code percent} when a PERCENT quorum has none between 1 and 100
	 */
	public StepPlan {
		if (kind != StepKind.MANAGER && targetId == null) {
			throw new InvalidInputException("targetId", "approval.step.target-required",
					"A step asking a person or a group names them");
		}
		if (quorum == Quorum.PERCENT && (percent == null || percent < 1 || percent > 100)) {
			throw new InvalidInputException("percent", "approval.step.percent", "A percentage is between 1 and 100",
					percent);
		}
		if (quorum != Quorum.PERCENT) {
			percent = null;
		}
	}

	/** A step asking the requester's manager. */
	public static StepPlan manager() {
		return new StepPlan(StepKind.MANAGER, null, Quorum.ANY, null, null);
	}

	/** The same step, skipped for that reason. */
	public StepPlan skipped(String because) {
		return new StepPlan(kind, targetId, quorum, percent, because);
	}

}

package org.guichet.approvals;

import java.util.List;

/** Who a step asks when it opens (see {@link Approvals}). */
@FunctionalInterface
interface ApproverResolver {

	/**
	 * The people a step asks, active in the directory.
	 *
	 * @return never empty
	 */
	Resolved approvers(ApprovalStep step);

	/**
	 * @param userIds the people asked, never empty
	 * @param fallback whether they stand in for a step whose people left the directory
	 */
	record Resolved(List<Long> userIds, boolean fallback) {

		public Resolved {
			if (userIds.isEmpty()) {
				throw new IllegalArgumentException("a step asks someone");
			}
			userIds = List.copyOf(userIds);
		}

	}

}

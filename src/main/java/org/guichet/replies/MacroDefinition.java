package org.guichet.replies;

import org.guichet.tickets.PendingReason;
import org.guichet.tickets.Priority;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;

/**
 * What an agent enters for a macro: each non-null step is applied, in the order of the
 * parameters after {@code groupId}.
 *
 * @param name how agents find it in the menu, at most 120 characters
 * @param groupId the group it is shared with; null for a personal one. Fixed at creation.
 * @param assignToMe assign the ticket to the agent applying the macro
 * @param assignGroupId assign the ticket to this group (with {@code assignToMe}, the agent must
 * be a member of it)
 * @param urgency the new urgency (the priority follows the matrix unless overridden)
 * @param priority the new priority, an override whose reason is the macro's name
 * @param status the status change
 * @param pendingReason what the ticket waits for; required with {@link MacroStatus#PENDING}, ignored otherwise
 * @param cannedReplyId a canned reply posted as a public reply (exclusive with {@code replyBody})
 * @param replyBody a public reply's Markdown, with {@link Placeholders}
 * @param noteBody an internal note's Markdown, with {@link Placeholders}
 * @param solution the solution's Markdown, with {@link Placeholders}; required with
 * {@link MacroStatus#RESOLVE}, ignored otherwise
 * @param solutionKind the solution's kind with {@link MacroStatus#RESOLVE}, null for
 * {@link SolutionKind#PERMANENT}; ignored otherwise
 */
public record MacroDefinition(@Nullable String name, @Nullable Long groupId, boolean assignToMe,
		@Nullable Long assignGroupId, @Nullable Urgency urgency, @Nullable Priority priority,
		@Nullable MacroStatus status, @Nullable PendingReason pendingReason, @Nullable Long cannedReplyId,
		@Nullable String replyBody, @Nullable String noteBody, @Nullable String solution,
		@Nullable SolutionKind solutionKind) {

	@Override
	public String name() {
		return name == null ? "" : name;
	}

	/** The reply text, null when blank. */
	@Override
	public @Nullable String replyBody() {
		return blankToNull(replyBody);
	}

	/** The note text, null when blank. */
	@Override
	public @Nullable String noteBody() {
		return blankToNull(noteBody);
	}

	/** The solution text when the macro resolves, null otherwise or when blank. */
	@Override
	public @Nullable String solution() {
		return status == MacroStatus.RESOLVE ? blankToNull(solution) : null;
	}

	/** The solution's kind when the macro resolves ({@link SolutionKind#PERMANENT} unless given), null otherwise. */
	@Override
	public @Nullable SolutionKind solutionKind() {
		if (status != MacroStatus.RESOLVE) {
			return null;
		}
		return solutionKind == null ? SolutionKind.PERMANENT : solutionKind;
	}

	boolean hasStep() {
		return assignToMe || assignGroupId != null || urgency != null || priority != null || status != null
				|| cannedReplyId != null || replyBody() != null || noteBody() != null;
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text;
	}

}

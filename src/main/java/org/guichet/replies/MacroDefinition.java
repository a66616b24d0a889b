package org.guichet.replies;

import org.guichet.tickets.PendingReason;
import org.guichet.tickets.Priority;
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
 */
public record MacroDefinition(@Nullable String name, @Nullable Long groupId, boolean assignToMe,
		@Nullable Long assignGroupId, @Nullable Urgency urgency, @Nullable Priority priority,
		@Nullable MacroStatus status, @Nullable PendingReason pendingReason, @Nullable Long cannedReplyId,
		@Nullable String replyBody, @Nullable String noteBody) {

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

	boolean hasStep() {
		return assignToMe || assignGroupId != null || urgency != null || priority != null || status != null
				|| cannedReplyId != null || replyBody() != null || noteBody() != null;
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text;
	}

}

package org.guichet.replies.api;

import org.guichet.replies.Macro;
import org.guichet.replies.MacroDefinition;
import org.guichet.replies.MacroStatus;
import org.guichet.system.MultiLine;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.Priority;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;

/**
 * A macro in the API; each step is described on {@link MacroDefinition}, and a step null or
 * absent is not taken ({@code assignToMe}: absent is false). On creation, {@code groupId} shares
 * it with a group (null: personal); on change, {@code version} is the one edited and the owner and
 * group stay. {@code id} and {@code ownerId} are read-only: ignored when sent.
 */
record MacroJson(@Nullable Long id, String name, @Nullable Long ownerId, @Nullable Long groupId,
		@Nullable Boolean assignToMe, @Nullable Long assignGroupId, @Nullable Urgency urgency,
		@Nullable Priority priority, @Nullable MacroStatus status, @Nullable PendingReason pendingReason,
		@Nullable Long cannedReplyId, @Nullable @MultiLine String replyBody, @Nullable @MultiLine String noteBody, @Nullable @MultiLine String solution,
		@Nullable SolutionKind solutionKind, @Nullable Long version) {

	static MacroJson of(Macro macro) {
		MacroDefinition d = macro.definition();
		return new MacroJson(macro.getId(), d.name(), macro.getOwnerId(), d.groupId(), d.assignToMe(),
				d.assignGroupId(), d.urgency(), d.priority(), d.status(), d.pendingReason(), d.cannedReplyId(),
				d.replyBody(), d.noteBody(), d.solution(), d.solutionKind(), macro.getVersion());
	}

	MacroDefinition definition() {
		return new MacroDefinition(name, groupId, Boolean.TRUE.equals(assignToMe), assignGroupId, urgency, priority,
				status, pendingReason, cannedReplyId, replyBody, noteBody, solution, solutionKind);
	}

}

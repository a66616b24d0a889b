package org.guichet.tickets.web.admin;

import jakarta.validation.constraints.NotNull;
import org.guichet.tickets.ReplyToResolved;
import org.jspecify.annotations.Nullable;

/** What a requester's reply without a choice does to a resolved ticket. */
class ReplyToResolvedForm {

	@NotNull
	private @Nullable ReplyToResolved replyToResolved;

	ReplyToResolvedForm() {
	}

	ReplyToResolvedForm(ReplyToResolved replyToResolved) {
		this.replyToResolved = replyToResolved;
	}

	public @Nullable ReplyToResolved getReplyToResolved() {
		return replyToResolved;
	}

	public void setReplyToResolved(@Nullable ReplyToResolved replyToResolved) {
		this.replyToResolved = replyToResolved;
	}

}

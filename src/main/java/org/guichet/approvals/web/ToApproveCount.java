package org.guichet.approvals.web;

import org.guichet.approvals.Approvals;
import org.guichet.directory.CurrentUser;
import org.guichet.system.PageCount;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the number of approvals waiting for the reader, for the navigation bar's "To
 * approve" entry (shown only when some wait). Counted only when a page shows it, in one query.
 */
@ControllerAdvice
class ToApproveCount {

	private final ObjectProvider<Approvals> approvals;

	ToApproveCount(ObjectProvider<Approvals> approvals) {
		this.approvals = approvals;
	}

	@ModelAttribute("toApprove")
	PageCount count(@AuthenticationPrincipal @Nullable CurrentUser me) {
		return new PageCount(() -> {
			Approvals available = approvals.getIfAvailable();
			return me == null || available == null ? 0 : available.countWaitingFor(me.id());
		});
	}

}

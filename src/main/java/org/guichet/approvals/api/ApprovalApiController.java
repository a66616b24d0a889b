package org.guichet.approvals.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.guichet.approvals.ApprovalView;
import org.guichet.approvals.Approvals;
import org.guichet.approvals.Verdict;
import org.guichet.approvals.WaitingApproval;
import org.guichet.directory.CurrentUser;
import org.guichet.system.MultiLine;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Approvals, {@code /api/v1/approvals}: those waiting for the caller's decision, with the ticket
 * they hold (its description carries the form's answers), and deciding one. A wrong input is a
 * problem+json (400) naming the field; an approval already decided, or not waiting for the caller,
 * is a 409.
 */
@RestController
@RequestMapping(path = "/api/v1/approvals", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("isAuthenticated()")
@Tag(name = "Approvals", description = "Approvals waiting for the caller, and their decisions")
class ApprovalApiController {

	private final Approvals approvals;

	ApprovalApiController(Approvals approvals) {
		this.approvals = approvals;
	}

	@GetMapping
	@Operation(summary = "The approvals waiting for the caller's decision (as an approver, or as the delegate of "
			+ "one away), oldest first, each with its ticket")
	List<WaitingApproval> waiting(@AuthenticationPrincipal CurrentUser reader) {
		return approvals.waitingFor(reader);
	}

	@PostMapping(path = "/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Approves or refuses the open step of an approval; a refusal needs a comment, which the "
			+ "requester reads")
	ApprovalView decide(@PathVariable long id, @RequestBody DecisionJson decision,
			@AuthenticationPrincipal CurrentUser by) {
		return approvals.decide(id, Verdict.parse(decision.verdict()), decision.comment(), by);
	}

	/**
	 * @param verdict APPROVE or REFUSE
	 * @param comment null or absent: none
	 */
	record DecisionJson(String verdict, @Nullable @MultiLine String comment) {
	}

}

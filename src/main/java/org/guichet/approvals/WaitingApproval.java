package org.guichet.approvals;

/**
 * An approval waiting for a person's decision, with what they need to decide: the ticket's
 * reference, title, requester and description (for a catalogue request, the form's answers in
 * Markdown). Approvers need not see the ticket itself.
 */
public record WaitingApproval(ApprovalView approval, String reference, String title, String requester,
		String description) {
}

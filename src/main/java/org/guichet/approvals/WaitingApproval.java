package org.guichet.approvals;

import java.util.List;

/**
 * An approval waiting for a person's decision, with what they need to decide: the ticket's
 * reference, title, requester and description (for a catalogue request, the form's answers in
 * Markdown), and the files its requester sees (a form's attachment answers among them), which
 * the approver opens through {@link Approvals#file}. Approvers need not see the ticket itself.
 */
public record WaitingApproval(ApprovalView approval, String reference, String title, String requester,
		String description, List<File> files) {

	/** A file of the request: its id on the ticket, its name, its size in bytes. */
	public record File(long id, String fileName, long sizeBytes) {
	}

}

package org.guichet.approvals;

import java.time.Duration;
import java.util.List;

import org.guichet.directory.User;
import org.guichet.directory.UserId;
import org.guichet.directory.UserRepository;
import org.guichet.links.ActionLinks;
import org.guichet.links.LinkPurpose;
import org.guichet.mail.MailNotice;
import org.guichet.mail.MailOutbox;
import org.guichet.tickets.Ticket;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The mail that asks a person for their approval (docs/APPROVALS.md#approval-by-e-mail): what is
 * asked (the ticket's title, its requester, the form's answers), the step, the signed links that
 * approve and refuse it without logging in ({@link ActionLinks}, redeemed on
 * {@code /links/approval/}) and the way to the "To approve" page; queued in the mail outbox in the
 * caller's transaction, the step's opening. The links are valid {@code guichet.approvals.link-validity}
 * (7 days by default, at most {@link ActionLinks#MAX_VALIDITY}).
 */
@Component
class ApprovalMails {

	private final MailOutbox outbox;

	private final ActionLinks links;

	private final UserRepository users;

	private final Duration validity;

	/**
	 * @throws IllegalArgumentException when the validity is under a minute or over {@link ActionLinks#MAX_VALIDITY}:
	 *         Guichet does not start
	 */
	ApprovalMails(MailOutbox outbox, ActionLinks links, UserRepository users,
			@Value("${guichet.approvals.link-validity:P7D}") Duration validity) {
		if (validity.compareTo(Duration.ofMinutes(1)) < 0 || validity.compareTo(ActionLinks.MAX_VALIDITY) > 0) {
			throw new IllegalArgumentException("guichet.approvals.link-validity is " + validity
					+ ": the links of approval mails are valid between a minute and " + ActionLinks.MAX_VALIDITY.toDays()
					+ " days");
		}
		this.outbox = outbox;
		this.links = links;
		this.users = users;
		this.validity = validity;
	}

	/**
	 * Queues the mail of one person asked on an open step; nothing for a person without an
	 * address (no link is issued either).
	 *
	 * @param step the open step, stored (it has its id)
	 * @param standsInFor the approver away whom the recipient answers for as their delegate; null
	 *        when the recipient is asked themselves
	 */
	void ask(long recipientId, Ticket ticket, ApprovalStep step, int stepCount, @Nullable Long standsInFor) {
		User recipient = users.findById(recipientId).orElseThrow();
		String address = recipient.getEmail();
		if (!recipient.isActive() || address == null || address.isBlank()) {
			return;
		}
		long stepId = java.util.Objects.requireNonNull(step.getId());
		UserId to = recipient.id();
		String requester = ticket.getRequester().getFullName();
		String position = Integer.toString(step.getPosition());
		String count = Integer.toString(stepCount);
		String key;
		List<String> arguments;
		if (standsInFor != null) {
			key = "mail.approval.what.delegate";
			arguments = List.of(requester, position, count,
					users.findById(standsInFor).map(User::getFullName).orElse("#" + standsInFor));
		}
		else {
			key = step.isFallback() ? "mail.approval.what.fallback" : "mail.approval.what";
			arguments = List.of(requester, position, count);
		}
		outbox.queue(recipientId, MailNotice.approvalRequested(ticket.id().value(), ticket.getTitle(),
				ApprovalNotifications.TO_APPROVE, key, arguments,
				links.issue(LinkPurpose.APPROVE_REQUEST, stepId, to, validity).toString(),
				links.issue(LinkPurpose.REFUSE_REQUEST, stepId, to, validity).toString(), ticket.getDescription()));
	}

}

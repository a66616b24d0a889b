package org.guichet.notifications;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.guichet.directory.User;
import org.guichet.directory.UserId;
import org.guichet.directory.UserRepository;
import org.guichet.links.ActionLinks;
import org.guichet.links.LinkPurpose;
import org.guichet.mail.MailKind;
import org.guichet.mail.MailNotice;
import org.guichet.mail.MailOutbox;
import org.guichet.tickets.DeskSettings;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.springframework.stereotype.Component;

/**
 * The e-mail channel of the notifications: which notification goes out by mail, to whom, as which
 * kind of mail. The mail module writes and sends it ({@link MailOutbox}), in the transaction of
 * the change, like the in-app notification.
 * <p>
 * Every notification of a ticket goes by mail as well as in-app, to recipients who have an
 * address; the requester also gets the mails that have no in-app counterpart (their ticket
 * received). The resolved mail carries signed links that accept or refuse the solution, the survey
 * mail one that rates the service ({@link ActionLinks}), each valid as long as the desk lets the
 * requester answer: until the automatic closure, for the survey's validity.
 */
@Component
class MailChannel {

	private final MailOutbox mails;

	private final TicketManagement tickets;

	private final UserRepository users;

	private final ActionLinks links;

	private final DeskSettings settings;

	MailChannel(MailOutbox mails, TicketManagement tickets, UserRepository users, ActionLinks links,
			DeskSettings settings) {
		this.mails = mails;
		this.tickets = tickets;
		this.users = users;
		this.links = links;
		this.settings = settings;
	}

	/**
	 * Sends what an in-app notification says: to a member of the IT team as a notice, to a
	 * requester as news of their ticket; each links to the ticket's page as its reader opens it.
	 */
	void told(long recipientId, long ticketId, String messageKey, List<String> arguments) {
		User recipient = users.findById(recipientId).orElseThrow();
		Ticket ticket = tickets.find(new TicketId(ticketId));
		MailKind kind = recipient.getRole().isAgent() ? MailKind.AGENT_NOTICE : MailKind.STATUS_CHANGED;
		mails.queue(recipientId,
				MailNotice.told(kind, ticketId, ticket.getTitle(), path(recipient, ticketId), messageKey, arguments));
	}

	/**
	 * Sends the requester of a ticket one of the mails written for requesters; a resolved ticket's
	 * with the links that accept and refuse its solution without logging in.
	 */
	void toRequester(TicketId id, MailKind kind) {
		Ticket ticket = tickets.find(id);
		UserId requester = ticket.getRequester().id();
		String page = portalPath(id.value());
		MailNotice notice = kind == MailKind.RESOLVED
				? MailNotice.resolved(id.value(), ticket.getTitle(), page,
						link(LinkPurpose.ACCEPT_SOLUTION, id, requester, answerWindow()),
						link(LinkPurpose.REFUSE_SOLUTION, id, requester, answerWindow()))
				: MailNotice.of(kind, id.value(), ticket.getTitle(), page);
		mails.queue(requester.value(), notice);
	}

	/** The survey of a closed ticket: its mail carries the link that rates the service without logging in. */
	void survey(TicketId id) {
		Ticket ticket = tickets.find(id);
		UserId requester = ticket.getRequester().id();
		Duration validity = Duration.ofDays(Math.max(1, settings.survey().validityDays()));
		mails.queue(requester.value(), new MailNotice(MailKind.CLOSED, id.value(), ticket.getTitle(),
				portalPath(id.value()), null, List.of(),
				Map.of("survey", link(LinkPurpose.RATE_SERVICE, id, requester, validity))));
	}

	/** How long a requester may answer a solution: until the automatic closure, else the longest a link lives. */
	private Duration answerWindow() {
		int days = settings.closure().autoCloseDays();
		return days > 0 ? Duration.ofDays(days) : ActionLinks.MAX_VALIDITY;
	}

	private String link(LinkPurpose purpose, TicketId id, UserId user, Duration validity) {
		Duration bounded = validity.compareTo(ActionLinks.MAX_VALIDITY) > 0 ? ActionLinks.MAX_VALIDITY : validity;
		return links.issue(purpose, id.value(), user, bounded).toString();
	}

	private static String path(User reader, long ticketId) {
		return reader.getRole().isAgent() ? "/agent/tickets/" + ticketId : portalPath(ticketId);
	}

	private static String portalPath(long ticketId) {
		return "/portal/tickets/" + ticketId;
	}

}

package org.guichet.notifications;

import java.util.List;
import java.util.Map;

import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.mail.MailKind;
import org.guichet.mail.MailNotice;
import org.guichet.mail.MailOutbox;
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
 * received).
 */
@Component
class MailChannel {

	private final MailOutbox mails;

	private final TicketManagement tickets;

	private final UserRepository users;

	MailChannel(MailOutbox mails, TicketManagement tickets, UserRepository users) {
		this.mails = mails;
		this.tickets = tickets;
		this.users = users;
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
	 * Sends the requester of a ticket one of the mails written for requesters. The resolved mail
	 * links to the ticket's page, where the solution is accepted or refused, until signed links
	 * exist ({@link MailNotice#resolved} takes them).
	 */
	void toRequester(TicketId id, MailKind kind) {
		Ticket ticket = tickets.find(id);
		long requesterId = ticket.getRequester().id().value();
		mails.queue(requesterId, MailNotice.of(kind, id.value(), ticket.getTitle(), portalPath(id.value())));
	}

	/** The survey of a closed ticket: its mail links to the ticket's page, where the survey is. */
	void survey(TicketId id) {
		Ticket ticket = tickets.find(id);
		String page = portalPath(id.value());
		mails.queue(ticket.getRequester().id().value(), new MailNotice(MailKind.CLOSED, id.value(), ticket.getTitle(),
				page, null, List.of(), Map.of("survey", page)));
	}

	private static String path(User reader, long ticketId) {
		return reader.getRole().isAgent() ? "/agent/tickets/" + ticketId : portalPath(ticketId);
	}

	private static String portalPath(long ticketId) {
		return "/portal/tickets/" + ticketId;
	}

}

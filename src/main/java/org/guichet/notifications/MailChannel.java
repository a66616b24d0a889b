package org.guichet.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.guichet.directory.User;
import org.guichet.directory.UserId;
import org.guichet.directory.UserRepository;
import org.guichet.links.ActionLinks;
import org.guichet.links.LinkPurpose;
import org.guichet.mail.MailKind;
import org.guichet.mail.MailNotice;
import org.guichet.mail.MailOutbox;
import org.guichet.tickets.Attachments;
import org.guichet.tickets.Comment;
import org.guichet.tickets.DeskSettings;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.springframework.beans.factory.ObjectProvider;
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
 * requester answer: until the automatic closure, for the survey's validity. The mail acknowledging
 * a ticket offers the article that may solve it when there is one ({@link ReceivedTicketOffer}),
 * with a link that resolves the ticket with it, valid {@link #SELF_SERVICE_VALIDITY}.
 */
@Component
class MailChannel {

	private final MailOutbox mails;

	private final TicketManagement tickets;

	private final UserRepository users;

	private final ActionLinks links;

	private final DeskSettings settings;

	private final Attachments attachments;

	private final ObjectProvider<ReceivedTicketOffer> offers;

	/** How long the link of an article offered at registration resolves the ticket: past it, the portal still does. */
	static final Duration SELF_SERVICE_VALIDITY = Duration.ofDays(14);

	MailChannel(MailOutbox mails, TicketManagement tickets, UserRepository users, ActionLinks links,
			DeskSettings settings, Attachments attachments, ObjectProvider<ReceivedTicketOffer> offers) {
		this.mails = mails;
		this.tickets = tickets;
		this.users = users;
		this.links = links;
		this.settings = settings;
		this.attachments = attachments;
		this.offers = offers;
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
	 * with its solution and the links that accept and refuse it without logging in.
	 */
	void toRequester(TicketId id, MailKind kind) {
		Ticket ticket = tickets.find(id);
		UserId requester = ticket.getRequester().id();
		String page = portalPath(id.value());
		MailNotice notice = kind == MailKind.RESOLVED
				? MailNotice.resolved(id.value(), ticket.getTitle(), page,
						link(LinkPurpose.ACCEPT_SOLUTION, id, requester, answerWindow()),
						link(LinkPurpose.REFUSE_SOLUTION, id, requester, answerWindow()), ticket.getSolution())
				: kind == MailKind.RECEIVED ? received(id, ticket.getTitle(), page, requester)
						: MailNotice.of(kind, id.value(), ticket.getTitle(), page);
		mails.queue(requester.value(), notice);
	}

	/** The acknowledgment, with the article that may solve the ticket and the link that resolves it with it. */
	private MailNotice received(TicketId id, String title, String page, UserId requester) {
		Optional<ReceivedTicketOffer.OfferedArticle> offered = Optional.ofNullable(offers.getIfAvailable())
			.flatMap(o -> o.offered(id));
		if (offered.isEmpty()) {
			return MailNotice.of(MailKind.RECEIVED, id.value(), title, page);
		}
		return MailNotice.received(id.value(), title, page, offered.get().title(),
				"/portal/knowledge/" + offered.get().articleId(),
				link(LinkPurpose.SELF_SERVICE_RESOLUTION, id, requester, SELF_SERVICE_VALIDITY));
	}

	/**
	 * The requester's mail of a public reply of the IT team: the reply written at {@code at}, its
	 * author and the names of the public files its author attached from then on (in the reply's
	 * transaction). An internal note is never put in a mail.
	 */
	void replied(TicketId id, Instant at) {
		Ticket ticket = tickets.find(id);
		Comment reply = null;
		for (Comment comment : ticket.getComments()) {
			if (!comment.isInternal() && sameMicros(comment.getCreatedAt(), at)) {
				reply = comment;
			}
		}
		UserId requester = ticket.getRequester().id();
		if (reply == null) {
			// not found (the event of a reply not in this ticket's comments): the mail still links to it
			mails.queue(requester.value(), MailNotice.of(MailKind.PUBLIC_REPLY, id.value(), ticket.getTitle(),
					portalPath(id.value())));
			return;
		}
		User author = reply.getAuthor();
		List<String> files = attachments.publicFileNames(id, Objects.requireNonNull(author.getId()), at);
		mails.queue(requester.value(), MailNotice.replied(id.value(), ticket.getTitle(), portalPath(id.value()),
				new MailNotice.Reply(author.getFullName(), reply.getBody(), files)));
	}

	private static boolean sameMicros(Instant one, Instant other) {
		return one.truncatedTo(ChronoUnit.MICROS).equals(other.truncatedTo(ChronoUnit.MICROS));
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

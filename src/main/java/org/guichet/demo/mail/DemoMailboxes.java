package org.guichet.demo.mail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.mail.MailboxDefinition;
import org.guichet.mail.MailboxDefinition.AfterIngest;
import org.guichet.mail.MailboxDefinition.Protocol;
import org.guichet.mail.MailboxDefinition.Security;
import org.guichet.mail.Mailboxes;
import org.guichet.mail.ingest.UnknownSenders;
import org.guichet.tickets.TicketType;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's mailboxes: one per active user with an address, opened once the demo data is loaded
 * (after {@code DemoData}, at every start: the server keeps nothing), and the support mailbox,
 * which Guichet reads as an administrator would have configured it (created at the first start
 * that finds it missing: a mailbox an administrator changed or deleted since is left as it is).
 */
@Component
@Order(30)
@ConditionalOnDemoMail
class DemoMailboxes implements ApplicationRunner {

	/**
	 * One mailbox as the page lists it.
	 *
	 * @param address its address, as the server has it
	 * @param owner the name of the user whose address it is; null for support and for an address
	 *        that no user has (a mail sent to a user whose address changed since)
	 * @param username that user's login, or null
	 * @param support whether it is the support mailbox
	 * @param count how many mails its inbox holds
	 */
	record Mailbox(String address, @Nullable String owner, @Nullable String username, boolean support, int count) {

	}

	/** The attachments a support mail keeps, in bytes: as much as a ticket takes (10 MiB). */
	private static final long ATTACHMENT_LIMIT = 10L * 1024 * 1024;

	private final DemoMailServer server;

	private final UserRepository users;

	private final SupportGroupRepository groups;

	private final Mailboxes mailboxes;

	DemoMailboxes(DemoMailServer server, UserRepository users, SupportGroupRepository groups, Mailboxes mailboxes) {
		this.server = server;
		this.users = users;
		this.groups = groups;
		this.mailboxes = mailboxes;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		for (User user : users.findByActiveTrue(Sort.by("id"))) {
			if (user.getEmail() != null && !user.getEmail().isBlank()) {
				server.mailbox(user.getEmail().trim());
			}
		}
		readSupport();
	}

	/** Has Guichet read the support mailbox, into the first-level group, as new requesters' tickets. */
	private void readSupport() {
		DemoSupportMailbox support = server.supportMailbox();
		if (mailboxes.exists(support.address())) {
			return;
		}
		groups.findAllWithMembers()
			.stream()
			.filter(group -> group.getLevel() == SupportLevel.N1)
			.min(Comparator.comparing(SupportGroup::getId))
			.ifPresent(desk -> mailboxes.create(new MailboxDefinition("Support", support.address(), Protocol.IMAP,
					support.host(), support.imapPort(), Security.NONE, support.user(), support.password(), "INBOX",
					AfterIngest.MARK_SEEN, null, 10, true, true, desk.getId(), TicketType.INCIDENT, null,
					UnknownSenders.CREATE_REQUESTER, List.of(), List.of(), ATTACHMENT_LIMIT)));
	}

	/** Support first, then the users' mailboxes by owner's name, then those of no user by address. */
	@Transactional(readOnly = true)
	List<Mailbox> list() {
		Map<String, User> owners = new HashMap<>();
		for (User user : users.findByActiveTrue(Sort.by("id"))) {
			if (user.getEmail() != null) {
				owners.put(key(user.getEmail()), user);
			}
		}
		List<Mailbox> support = new ArrayList<>();
		List<Mailbox> owned = new ArrayList<>();
		List<Mailbox> others = new ArrayList<>();
		for (String address : server.addresses()) {
			int count = server.inbox(address).size();
			User owner = owners.get(key(address));
			if (key(address).equals(key(server.supportAddress()))) {
				support.add(new Mailbox(address, null, null, true, count));
			}
			else if (owner != null) {
				owned.add(new Mailbox(address, owner.getFullName(), owner.getUsername(), false, count));
			}
			else {
				others.add(new Mailbox(address, null, null, false, count));
			}
		}
		owned.sort((a, b) -> String.CASE_INSENSITIVE_ORDER.compare(String.valueOf(a.owner()), String.valueOf(b.owner())));
		List<Mailbox> all = new ArrayList<>(support);
		all.addAll(owned);
		all.addAll(others);
		return all;
	}

	private static String key(String address) {
		return address.trim().toLowerCase(Locale.ROOT);
	}

}

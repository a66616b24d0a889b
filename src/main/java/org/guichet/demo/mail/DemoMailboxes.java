package org.guichet.demo.mail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's mailboxes: one per active user with an address, opened once the demo data is loaded
 * (after {@code DemoData}, at every start: the server keeps nothing), and the support mailbox.
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

	private final DemoMailServer server;

	private final UserRepository users;

	DemoMailboxes(DemoMailServer server, UserRepository users) {
		this.server = server;
		this.users = users;
	}

	@Override
	@Transactional(readOnly = true)
	public void run(ApplicationArguments args) {
		for (User user : users.findByActiveTrue(Sort.by("id"))) {
			if (user.getEmail() != null && !user.getEmail().isBlank()) {
				server.mailbox(user.getEmail().trim());
			}
		}
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

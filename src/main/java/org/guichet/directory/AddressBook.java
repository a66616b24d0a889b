package org.guichet.directory;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People by their e-mail address, for the mail that comes in: who wrote, an account for an
 * address nobody has, and the addresses that bounce.
 */
@Service
@Transactional
public class AddressBook {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final UserRepository users;

	private final PasswordEncoder passwords;

	private final Clock clock;

	AddressBook(UserRepository users, PasswordEncoder passwords, Clock clock) {
		this.users = users;
		this.passwords = passwords;
		this.clock = clock;
	}

	/**
	 * The person with this address, ignoring case: an active one when several share it, else the
	 * oldest account.
	 *
	 * @param address an e-mail address; blank gives nothing
	 */
	@Transactional(readOnly = true)
	public Optional<User> withAddress(String address) {
		if (address.isBlank()) {
			return Optional.empty();
		}
		return users.findByAddress(address.strip()).stream().findFirst();
	}

	/**
	 * A requester account for an address that is nobody's, without a password anyone knows (a
	 * random one, hashed): they answer through the links of their mails, or choose a password with
	 * the forgotten-password page. The user name is the address when free, else the address with
	 * a number.
	 *
	 * @param address the e-mail address, kept as written (trimmed)
	 * @param name the display name of the mail, or null: the address is the name then
	 * @param active false for an account that waits for the IT team to confirm it (it receives no
	 *        mail and cannot log in until an administrator activates it)
	 */
	public User createRequester(String address, @Nullable String name, boolean active) {
		String email = address.strip();
		String fullName = name == null || name.isBlank() ? email : name.strip();
		User user = new User(freeUsername(email), passwords.encode(randomSecret()), cut(fullName, 120),
				Role.REQUESTER, clock.instant());
		user.setEmail(cut(email, 200));
		user.setActive(active);
		return users.save(user);
	}

	/**
	 * Flags every account with this address (ignoring case) as bouncing: their administration page
	 * shows it until the address changes.
	 *
	 * @return how many accounts were flagged
	 */
	public int flagBounced(String address, String reason) {
		List<User> owners = users.findByAddress(address.strip());
		owners.forEach(user -> user.flagBouncedEmail(reason, clock.instant()));
		return owners.size();
	}

	private String freeUsername(String email) {
		String base = cut(email.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._@-]", ""), 56);
		if (base.isEmpty()) {
			base = "requester";
		}
		String candidate = base;
		for (int n = 2; users.existsByUsername(candidate); n++) {
			candidate = base + "-" + n;
		}
		return candidate;
	}

	private static String randomSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().encodeToString(bytes);
	}

	private static String cut(String text, int length) {
		return text.length() > length ? text.substring(0, length) : text;
	}

}

package org.guichet.directory;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People by their e-mail address, for the mail that comes in: who wrote, an account for an
 * address nobody has, and the addresses that bounce; by their phone number, for the SMS that come in.
 */
@Service
@Transactional
public class AddressBook {

	/**
	 * How many of a phone number's last digits the database keeps apart for {@link #withPhoneEnding}
	 * (migration V202612180300: changing it is a migration).
	 */
	public static final int PHONE_TAIL_DIGITS = 8;

	/**
	 * The stored password of an account that has none: a bcrypt entry that is no bcrypt hash, which
	 * no password matches (the encoder says no, without hashing anything). Hashing a random secret
	 * instead cost 0.1 s of CPU per new sender, which a flood of new addresses turned into a denial
	 * of service.
	 */
	static final String NO_PASSWORD = "{bcrypt}no-password";

	private final UserRepository users;

	private final Clock clock;

	AddressBook(UserRepository users, Clock clock) {
		this.users = users;
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
	 * The people whose phone number, however written (spaces, dots, dashes and brackets aside), ends
	 * with these digits (the last digits of a number that texted the desk), active or not, by id;
	 * the caller reads each number to keep the one that is the same number. With
	 * {@value #PHONE_TAIL_DIGITS} digits the look-up is one index read; with fewer it reads every
	 * number's last digits.
	 *
	 * @param digits digits only, at least 6 and at most {@value #PHONE_TAIL_DIGITS}
	 * @throws IllegalArgumentException for anything else
	 */
	@Transactional(readOnly = true)
	public List<User> withPhoneEnding(String digits) {
		if (digits.length() < 6 || digits.length() > PHONE_TAIL_DIGITS
				|| !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw new IllegalArgumentException("6 to " + PHONE_TAIL_DIGITS + " digits, not " + digits);
		}
		return digits.length() == PHONE_TAIL_DIGITS ? users.findByPhoneTail(digits) : users.findByPhoneTailEnding(digits);
	}

	/**
	 * A requester account for an address that is nobody's, without a password: they answer through
	 * the links of their mails, or choose a password with the forgotten-password page. The user name is the address when free, else the address with
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
		User user = new User(freeUsername(email), NO_PASSWORD, cut(fullName, 120),
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


	private static String cut(String text, int length) {
		return text.length() > length ? text.substring(0, length) : text;
	}

}

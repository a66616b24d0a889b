package org.guichet.directory;

import java.nio.charset.StandardCharsets;

import org.guichet.system.InvalidInputException;
import org.guichet.system.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's own account: password and language.
 */
@Service
@Transactional
public class Accounts {

	static final int MIN_PASSWORD_LENGTH = 10;

	/** bcrypt reads a password's first 72 bytes (UTF-8) only, and Spring Security refuses longer ones. */
	static final int MAX_PASSWORD_BYTES = 72;

	private final UserRepository users;

	private final PasswordEncoder passwords;

	private final InitialAdministrator initialAdministrator;

	private final AccountOrigins origins;

	Accounts(UserRepository users, PasswordEncoder passwords, InitialAdministrator initialAdministrator,
			AccountOrigins origins) {
		this.users = users;
		this.origins = origins;
		this.passwords = passwords;
		this.initialAdministrator = initialAdministrator;
	}

	/**
	 * Changes a local account's password.
	 *
	 * @throws InvalidInputException on {@code newPassword} for a directory account (its password is
	 *         the directory's) or a password too short, on {@code currentPassword} when it is wrong
	 */
	public void changePassword(UserId id, String currentPassword, String newPassword) {
		User user = users.findById(id.value())
			.orElseThrow(() -> new NotFoundException("user.not-found", "No such user", id.value()));
		if (origins.fromDirectory(id)) {
			throw new InvalidInputException("newPassword", "password.directory",
					"Your password is the directory's: change it where your organisation changes it");
		}
		if (currentPassword == null || !passwords.matches(currentPassword, user.getPasswordHash())) {
			throw new InvalidInputException("currentPassword", "password.current-wrong",
					"The current password is not right");
		}
		user.changePasswordHash(encode(newPassword));
		if ("admin".equals(user.getUsername())) {
			initialAdministrator.forgetInitialPassword();
		}
	}

	/**
	 * Sets the language of the person's pages.
	 *
	 * @param language {@code fr} or {@code en}; null or blank for none: the pages follow the
	 * browser's Accept-Language, else the desk's default language
	 * @throws InvalidInputException on {@code language} for any other value
	 */
	public void changeLanguage(UserId id, @Nullable String language) {
		String chosen = language == null || language.isBlank() ? null : language;
		if (chosen != null && !"fr".equals(chosen) && !"en".equals(chosen)) {
			throw new InvalidInputException("language", "user.language.unsupported", "Choose French or English");
		}
		users.findById(id.value()).ifPresent(user -> user.setLanguage(chosen));
	}

	/**
	 * Hashes a new password after checking it is strong enough and short enough to be hashed whole.
	 *
	 * @throws InvalidInputException on {@code newPassword}: {@code password.too-short} under
	 * {@value #MIN_PASSWORD_LENGTH} characters, {@code password.too-long} over
	 * {@value #MAX_PASSWORD_BYTES} bytes in UTF-8 (72 plain letters, 36 accented ones)
	 */
	public String encode(String newPassword) {
		if (newPassword == null || newPassword.length() < MIN_PASSWORD_LENGTH) {
			throw new InvalidInputException("newPassword", "password.too-short",
					"The password must have at least " + MIN_PASSWORD_LENGTH + " characters", MIN_PASSWORD_LENGTH);
		}
		if (newPassword.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw new InvalidInputException("newPassword", "password.too-long",
					"The password is too long: at most " + MAX_PASSWORD_BYTES
							+ " characters, an accented letter counting as two",
					MAX_PASSWORD_BYTES);
		}
		return passwords.encode(newPassword);
	}

}

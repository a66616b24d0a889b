package org.guichet.directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

import org.guichet.system.DurableFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On an empty database outside the demo, creates the administrator {@code admin} with a random
 * password, printed once in the log and written to {@code <data dir>/initial-admin-password}
 * until the administrator changes it. No default password exists.
 */
@Component
@Order(10)
class InitialAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

	static final String FILE_NAME = "initial-admin-password";

	private final UserRepository users;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final Path passwordFile;

	private final boolean demo;

	InitialAdministrator(UserRepository users, PasswordEncoder passwords, Clock clock,
			@Value("${guichet.data-dir}") Path dataDir, @Value("${guichet.demo.enabled:false}") boolean demo) {
		this.users = users;
		this.passwords = passwords;
		this.clock = clock;
		this.passwordFile = dataDir.resolve(FILE_NAME);
		this.demo = demo;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (demo || users.count() > 0) {
			return;
		}
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		users.save(new User("admin", passwords.encode(password), "Administrator", Role.ADMINISTRATOR, clock.instant()));
		try {
			// on disk before the administrator is committed: a crash in between leaves no administrator, and the
			// next start writes a new password over this one
			DurableFiles.write(passwordFile, password + System.lineSeparator());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + passwordFile, ex);
		}
		log.warn("Created the administrator 'admin' with the password {} (also in {}). Change it at first login.",
				password, passwordFile.toAbsolutePath());
	}

	/** Forgets the initial password once the administrator has chosen one. */
	void forgetInitialPassword() {
		try {
			Files.deleteIfExists(passwordFile);
		}
		catch (IOException ex) {
			log.warn("Could not delete {}: {}", passwordFile, ex.getMessage());
		}
	}

}

package org.guichet.mail.mailbox;

import org.guichet.system.KeptKeys;
import org.guichet.system.SecretCipher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The key that encrypts the mailboxes' passwords: {@code guichet.mail.secret-key} (base64, at least
 * 32 bytes), or else one generated at the first start and kept in the data folder as
 * {@value #KEY_FILE} ({@link KeptKeys}). Never in the database: a copy of the database alone gives
 * no password away.
 */
@Configuration(proxyBeanMethods = false)
class MailboxConfiguration {

	static final String KEY_FILE = "mail.key";

	@Bean
	SecretCipher mailboxPasswordCipher(Environment environment) {
		return new SecretCipher(KeptKeys.configuredOrKept(environment, "guichet.mail.secret-key", KEY_FILE,
				SecretCipher.MIN_SECRET_BYTES, "encrypts the mailboxes' passwords"), "mailbox", "guichet.mail.secret-key");
	}

}

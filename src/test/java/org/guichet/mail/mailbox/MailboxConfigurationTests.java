package org.guichet.mail.mailbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;

import org.guichet.system.KeptKeys;
import org.guichet.system.SecretCipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailboxConfigurationTests {

	@TempDir
	Path dataDir;

	private final MailboxConfiguration configuration = new MailboxConfiguration();

	@Test
	void withoutAConfiguredKeyOneIsGeneratedOncePerDataFolderAndReadAfterARestart() throws Exception {
		MockEnvironment environment = new MockEnvironment().withProperty("guichet.data-dir", dataDir.toString());

		String stored = configuration.mailboxPasswordCipher(environment).encrypt("hunter2");

		assertThat(configuration.mailboxPasswordCipher(environment).decrypt(stored)).isEqualTo("hunter2");
		assertThat(Files.getPosixFilePermissions(dataDir.resolve(MailboxConfiguration.KEY_FILE)))
			.doesNotContain(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
		assertThat(dataDir.resolve("links.key")).as("a key of its own").doesNotExist();
	}

	@Test
	void aConfiguredKeyIsUsedAndAnUnusableOneRefusedSayingWhy() {
		byte[] key = new byte[32];
		key[0] = 7;
		MockEnvironment configured = new MockEnvironment().withProperty("guichet.data-dir", dataDir.toString())
			.withProperty("guichet.mail.secret-key", Base64.getEncoder().encodeToString(key));
		String stored = configuration.mailboxPasswordCipher(configured).encrypt("hunter2");
		assertThat(new SecretCipher(key, "mailbox", "guichet.mail.secret-key").decrypt(stored)).isEqualTo("hunter2");
		assertThat(dataDir.resolve(MailboxConfiguration.KEY_FILE)).doesNotExist();

		assertThatThrownBy(() -> configuration.mailboxPasswordCipher(
				new MockEnvironment().withProperty("guichet.mail.secret-key", Base64.getEncoder().encodeToString(new byte[16]))))
			.isInstanceOf(KeptKeys.KeySettingException.class)
			.hasMessageContaining("guichet.mail.secret-key")
			.hasMessageContaining("16 bytes, at least 32");
		assertThatThrownBy(() -> configuration.mailboxPasswordCipher(
				new MockEnvironment().withProperty("guichet.mail.secret-key", "not base64!")))
			.hasMessageContaining("not valid base64");
	}

}

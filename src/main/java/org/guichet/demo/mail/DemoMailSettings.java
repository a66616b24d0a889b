package org.guichet.demo.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code guichet.demo.mail.*} settings of the demo's mail server (docs/MAIL.md#demo-mail-server).
 *
 * @param bindAddress the address its SMTP and IMAP servers listen on
 * @param smtpPort the SMTP port; 0: a free port chosen at the start (tests that start several demos)
 * @param imapPort the IMAP port; 0: a free port chosen at the start
 * @param password the password of every mailbox
 * @param supportAddress the support mailbox, where the demo users write and where Guichet's mails
 *        come from ({@code guichet.mail.from} and {@code reply-to} in the demo profile)
 */
@ConfigurationProperties("guichet.demo.mail")
record DemoMailSettings(@DefaultValue("127.0.0.1") String bindAddress, @DefaultValue("3025") int smtpPort,
		@DefaultValue("3143") int imapPort, @DefaultValue("demo") String password,
		@DefaultValue("support@demo.guichet.example") String supportAddress) {

	DemoMailSettings {
		if (smtpPort < 0 || smtpPort > 65535 || imapPort < 0 || imapPort > 65535) {
			throw new IllegalArgumentException(
					"guichet.demo.mail.smtp-port and imap-port must be from 0 (a free port) to 65535");
		}
	}

}

package org.guichet.presentation.about;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.guichet.sms.SmsSettings;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The outgoing mail server of the topology, as the outbox's SMTP settings give it. */
class DeploymentReaderTests {

	@Test
	void theSmtpServerTheOutboxSendsByIsAnOutsideServerNamedByItsHostAndPort() {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("smtp.example.org");
		sender.setPort(587);
		sender.getJavaMailProperties().setProperty("mail.smtp.starttls.enable", "true");

		assertThat(reader(sender).outgoingMailServers()).containsExactly(new ExternalServer(ServerKind.MAIL_OUTGOING,
				"smtp.example.org", "smtp.example.org:587", "SMTP + TLS"));
	}

	@Test
	void withoutHostOrPortTheOutboxHasNoServerOrTheDefaultPort() {
		JavaMailSenderImpl local = new JavaMailSenderImpl();
		local.setHost("127.0.0.1");

		assertThat(reader(new JavaMailSenderImpl()).outgoingMailServers()).isEmpty();
		assertThat(reader(local).outgoingMailServers()).extracting(ExternalServer::address, ExternalServer::protocol)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("127.0.0.1:25", "SMTP"));
	}

	private static DeploymentReader reader(JavaMailSender sender) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mailSender", sender));
		return new DeploymentReader(null, null, null, beans.getBeanProvider(JavaMailSender.class),
				beans.getBeanProvider(SmsSettings.class));
	}

}

package org.guichet.mail.mailbox;

import com.icegreen.greenmail.util.GreenMail;
import org.guichet.testing.GuichetIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application with the recording ingestion and the test mail servers, shared by the mailbox
 * ITs (one application context): no background polling (each test reads when it wants), three
 * attempts before a failing message is skipped, the test certificate trusted.
 */
@GuichetIntegrationTest
@Import(RecordingIngestion.Config.class)
abstract class MailboxIntegrationTest {

	static GreenMail mail;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("guichet.mail.mailbox-tick", () -> "1h");
		registry.add("guichet.mail.message-attempts", () -> "3");
		registry.add("guichet.mail.trust-store", () -> TestMailServers.TRUST_STORE.toString());
		registry.add("guichet.mail.trust-store-password", () -> "trustpass");
	}

	@BeforeAll
	static void startServers() {
		mail = TestMailServers.start();
	}

	@AfterAll
	static void stopServers() {
		mail.stop();
	}

}

package org.guichet.demo;

import java.util.Map;

import org.guichet.demo.mail.DemoMailChecks;
import org.guichet.demo.sms.DemoSmsChecks;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.TestDatabase;
import org.junit.jupiter.api.Nested;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The demo profile's own servers, its fake SMS gateway and its mail server, in one application on
 * a server of its own (the gateway is called over HTTP on the server's port), free mail ports and a
 * database of its own. Both run nested here, so that one failsafe fork runs them and the demo
 * profile starts once a build rather than once for each (each start about 32 s).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "guichet.demo.mail.smtp-port=0", "guichet.demo.mail.imap-port=0", "guichet.sms.send-interval=100ms",
				"guichet.mail.send-interval=100ms" })
@ContextConfiguration(initializers = DemoServersIT.OwnDatabase.class)
@ActiveProfiles({ "test", "demo" })
@DatabaseNeutral
class DemoServersIT {

	@Nested
	class Sms extends DemoSmsChecks {

	}

	@Nested
	class Mail extends DemoMailChecks {

	}

	/** A database of its own: the demo loads only into an empty one, and these tests add tickets to it. */
	static class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("guichet-demo-servers-database",
						Map.of("spring.datasource.url", TestDatabase.jdbcUrl("guichet_demoservers"),
								"spring.datasource.username", TestDatabase.username(), "spring.datasource.password",
								"")));
		}

	}

}

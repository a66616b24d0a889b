package org.guichet.testing;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.Map;

/**
 * Points the application under test at {@link TestDatabase}, which every test application of the
 * JVM shares: so each (with its search index of its own in memory, as every test application has,
 * see {@code application-test.properties}) is updated at each commit before it is answered, rather
 * than by the outbox's processors, which would share the database's index events between the
 * cached applications (docs/SEARCH.md).
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties = new HashMap<>(Map.of("spring.datasource.url", TestDatabase.jdbcUrl(),
				"spring.datasource.username", TestDatabase.username(), "spring.datasource.password", ""));
		// a test that checks what the outbox path does in the change's transaction keeps it
		if (!context.getEnvironment().getProperty("guichet.test.search-outbox", Boolean.class, false)) {
			properties.put("spring.jpa.properties.hibernate.search.coordination.strategy", "none");
			properties.put("spring.jpa.properties.hibernate.search.indexing.plan.synchronization.strategy", "sync");
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("guichet-test-database", properties));
	}

}

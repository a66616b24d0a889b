package org.guichet.testing;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Points the application under test at {@link TestDatabase}.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("guichet-test-database",
					Map.of("spring.datasource.url", TestDatabase.jdbcUrl(), "spring.datasource.username",
							TestDatabase.username(), "spring.datasource.password", "")));
	}

}

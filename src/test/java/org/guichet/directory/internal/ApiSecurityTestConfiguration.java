package org.guichet.directory.internal;

import org.guichet.system.Problems;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;

/**
 * The application's security (filter chains, method security) for web slice tests, which do not
 * scan configuration classes nor configure Spring Security. The slice must provide {@code ApiTokens}, e.g. as a mock.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableWebSecurity
@Import({ SecurityConfiguration.class, MethodSecurityConfiguration.class, ApiCredentials.class, SecurityProblems.class, Problems.class })
public class ApiSecurityTestConfiguration {

}

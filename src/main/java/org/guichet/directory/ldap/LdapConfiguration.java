package org.guichet.directory.ldap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The directory's settings, and its connection when {@code guichet.directory.ldap.enabled} is true. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LdapSettings.class)
class LdapConfiguration {

	@Bean
	@ConditionalOnProperty(name = "guichet.directory.ldap.enabled", havingValue = "true")
	LdapDirectory ldapDirectory(LdapSettings settings) {
		return new LdapDirectory(settings);
	}

}

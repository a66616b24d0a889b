package org.guichet.demo.mail;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Starts the demo's mail server and points Guichet's mail out at it.
 * <p>
 * Guichet's SMTP sender is a {@link JavaMailSender} made here from the server's ports as bound,
 * rather than from {@code spring.mail.host} and {@code port}: port 0 (any free port) is only known
 * once the server listens, after the environment is read. Spring Boot's own sender backs off when
 * this one exists; the {@code spring.mail.properties.*} (timeouts) still apply.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnDemoMail
@EnableConfigurationProperties(DemoMailSettings.class)
class DemoMailConfiguration {

	@Bean(destroyMethod = "stop")
	DemoMailServer demoMailServer(DemoMailSettings settings) {
		return DemoMailServer.start(settings);
	}

	/** What the demo's support mailbox is read with. */
	@Bean
	DemoSupportMailbox demoSupportMailbox(DemoMailServer server) {
		return server.supportMailbox();
	}

	@Bean
	JavaMailSender demoMailSender(DemoMailServer server, Environment environment) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(server.host());
		sender.setPort(server.smtpPort());
		sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
		Properties properties = new Properties();
		properties.putAll(Binder.get(environment)
			.bind("spring.mail.properties", Bindable.mapOf(String.class, String.class))
			.orElse(Map.of()));
		sender.setJavaMailProperties(properties);
		return sender;
	}

}

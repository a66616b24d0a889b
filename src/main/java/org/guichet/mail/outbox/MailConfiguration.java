package org.guichet.mail.outbox;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailSettings.class)
class MailConfiguration {

	/** The property by which Jakarta Mail finds its stream provider before it searches the class path. */
	private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	static {
		// Jakarta Mail 2.1 looks its stream provider up with a ServiceLoader, through every jar,
		// at each message and body part: named here, it is one class look-up (that search was a
		// sixth of the CPU samples of the outbox bench, MailOutboxBench).
		if (System.getProperty(STREAM_PROVIDER) == null) {
			System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
		}
	}

}

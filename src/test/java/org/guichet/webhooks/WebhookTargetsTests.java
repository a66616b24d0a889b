package org.guichet.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.guichet.system.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A webhook may not be aimed at the server's own host or network unless the operator allows it:
 * refused when saved, and given up at delivery when its name resolves there then.
 */
class WebhookTargetsTests {

	private static final List<String> INTERNAL = List.of("http://127.0.0.1:8080/hook", "http://localhost/hook",
			"http://[::1]/hook", "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0/", "http://10.1.2.3/",
			"http://172.16.0.5/", "http://192.168.1.10/", "http://100.64.0.1/", "http://[fc00::1]/",
			"http://[fd12:3456::1]/", "http://[fe80::1]/", "http://[::ffff:127.0.0.1]/", "http://224.0.0.1/");

	private static WebhookTargets targets(Map<String, String> settings) {
		WebhookProperties properties = new Binder(new MapConfigurationPropertySource(settings))
			.bindOrCreate("guichet.webhooks", WebhookProperties.class);
		return new WebhookTargets(properties);
	}

	@Test
	void byDefaultAnInternalAddressIsRefusedWhenSavedNamingTheUrl() {
		WebhookTargets targets = targets(Map.of());
		for (String url : INTERNAL) {
			assertThatThrownBy(() -> targets.checkSaved(url)).as(url)
				.isInstanceOfSatisfying(InvalidInputException.class, refused -> {
					assertThat(refused.field()).isEqualTo("url");
					assertThat(refused.messageKey()).isEqualTo("webhooks.url.internal");
				});
		}
	}

	@Test
	void byDefaultADeliveryToANameResolvingToTheServerItselfIsRefused() {
		assertThat(targets(Map.of()).refusal("http://localhost:9/hook")).hasValueSatisfying(
				reason -> assertThat(reason).contains("localhost").contains("allow-internal-targets"));
	}

	@Test
	void anAddressOnTheInternetIsAccepted() {
		WebhookTargets targets = targets(Map.of());

		assertThatNoException().isThrownBy(() -> targets.checkSaved("https://93.184.216.34/hook"));
		assertThat(targets.refusal("https://[2606:4700::1111]/hook")).isEmpty();
	}

	@Test
	void theOperatorMayAllowInternalAddresses() {
		WebhookTargets targets = targets(Map.of("guichet.webhooks.allow-internal-targets", "true"));
		for (String url : INTERNAL) {
			assertThatNoException().as(url).isThrownBy(() -> targets.checkSaved(url));
			assertThat(targets.refusal(url)).as(url).isEmpty();
		}
	}

}

package org.guichet.webhooks;

import java.time.Duration;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code guichet.webhooks.*} settings of the sender job (docs/CONFIGURATION.md#webhooks).
 *
 * @param sendInterval how often the sender job looks for deliveries to make
 * @param batchSize how many deliveries one round claims
 * @param maxAttempts after how many failed attempts a delivery is given up (FAILED)
 * @param firstRetry the wait after the first failure; it doubles at each failure, up to {@code maxRetry}
 * @param maxRetry the longest wait between two attempts
 * @param connectTimeout how long to wait for the receiver's connection
 * @param timeout how long to wait for the receiver's whole answer, connection included
 * @param claimTimeout after how long a delivery left SENDING (its node stopped while posting) is
 *        marked FAILED, for an administrator to resend: it may have arrived
 * @param allowInternalTargets whether a webhook may post to the server's own host or network
 *        (loopback, link-local, private addresses…: {@link WebhookTargets}); false refuses them
 */
@ConfigurationProperties("guichet.webhooks")
public record WebhookProperties(@DefaultValue("2s") Duration sendInterval, @DefaultValue("20") int batchSize,
		@DefaultValue("8") int maxAttempts, @DefaultValue("30s") Duration firstRetry,
		@DefaultValue("1h") Duration maxRetry, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration timeout, @DefaultValue("10m") Duration claimTimeout,
		@DefaultValue("false") boolean allowInternalTargets) {

	/** @throws IllegalArgumentException when a count is under 1 or the waits are out of order */
	public WebhookProperties {
		if (batchSize < 1 || maxAttempts < 1) {
			throw new IllegalArgumentException(
					"guichet.webhooks.batch-size and guichet.webhooks.max-attempts must be 1 or more");
		}
		if (firstRetry.isNegative() || maxRetry.compareTo(firstRetry) < 0) {
			throw new IllegalArgumentException(
					"guichet.webhooks.first-retry must be zero or more and at most guichet.webhooks.max-retry");
		}
		if (Stream.of(connectTimeout, timeout, claimTimeout).anyMatch(d -> d.isNegative() || d.isZero())) {
			throw new IllegalArgumentException("guichet.webhooks' timeouts must be positive");
		}
	}

}

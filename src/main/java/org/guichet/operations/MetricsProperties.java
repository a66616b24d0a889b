package org.guichet.operations;

import java.time.Duration;
import java.util.List;

import org.guichet.directory.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code guichet.metrics.*} settings (docs/CONFIGURATION.md).
 *
 * @param role the least role of an authenticated caller (session, HTTP Basic or API token) who may
 *        read {@code /actuator/prometheus}; higher roles may too. Default {@code ADMINISTRATOR}.
 * @param allowedNetworks the IP addresses or CIDR blocks (IPv4 or IPv6, e.g. {@code 10.1.2.0/24})
 *        from which {@code /actuator/prometheus} answers without credentials, for a scraper;
 *        empty by default: nobody without credentials; blank entries are ignored
 * @param backlogMaxAge how long the backlog gauges keep the counts they read from the database
 *        before reading them again at the next scrape; default 30 seconds
 */
@ConfigurationProperties("guichet.metrics")
record MetricsProperties(@DefaultValue("ADMINISTRATOR") Role role, @DefaultValue List<String> allowedNetworks,
		@DefaultValue("30s") Duration backlogMaxAge) {

	MetricsProperties {
		allowedNetworks = allowedNetworks.stream().map(String::trim).filter(network -> !network.isEmpty()).toList();
		if (backlogMaxAge.isNegative()) {
			throw new IllegalArgumentException(
					"guichet.metrics.backlog-max-age must be zero or more (e.g. 30s), not " + backlogMaxAge);
		}
	}

}

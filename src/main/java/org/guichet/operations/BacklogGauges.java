package org.guichet.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.guichet.tickets.Backlog;
import org.guichet.tickets.Status;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The desk's backlog as gauges: {@code guichet_tickets_open{status}} (open tickets by status) and
 * {@code guichet_tickets_sla_breached} (open tickets whose SLA is breached). They are counted in the
 * database (see {@link Backlog}) at a scrape, and the counts are kept for
 * {@code guichet.metrics.backlog-max-age}: scrapes closer together, or from several Prometheus
 * servers, read them once. Every node reports the same desk-wide values.
 */
@Component
class BacklogGauges {

	private final Backlog backlog;

	private final Clock clock;

	private final Duration maxAge;

	private @Nullable Counts counts;

	BacklogGauges(Backlog backlog, Clock clock, MetricsProperties properties, MeterRegistry registry) {
		this.backlog = backlog;
		this.clock = clock;
		this.maxAge = properties.backlogMaxAge();
		for (Status status : Status.OPEN) {
			Gauge.builder("guichet.tickets.open", this, gauges -> gauges.current().open().get(status))
				.description("Open tickets now, by status (desk-wide, read from the database)")
				.tag("status", status.name())
				.register(registry);
		}
		Gauge.builder("guichet.tickets.sla.breached", this, gauges -> gauges.current().breached())
			.description("Open tickets whose SLA is breached now (desk-wide, read from the database)")
			.register(registry);
	}

	/**
	 * The counts, read again when older than the maximum age, or when the clock was set back
	 * before their reading; one reader at a time reads them.
	 */
	synchronized Counts current() {
		Instant now = clock.instant();
		Duration age = counts == null ? maxAge : Duration.between(counts.readAt(), now);
		if (age.isNegative() || age.compareTo(maxAge) >= 0) {
			counts = new Counts(backlog.openByStatus(), backlog.openBreached(), now);
		}
		return counts;
	}

	record Counts(Map<Status, Long> open, long breached, Instant readAt) {
	}

}

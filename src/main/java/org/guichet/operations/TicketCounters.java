package org.guichet.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.guichet.sla.SlaBreached;
import org.guichet.tickets.Channel;
import org.guichet.tickets.TicketEvents.TicketCreated;
import org.guichet.tickets.TicketType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts what happens on this node, once committed: {@code guichet_tickets_registered_total{channel,
 * type}} (tickets created; Prometheus reserves the suffix {@code _created}) and
 * {@code guichet_sla_breaches_total}. Every series exists from the start at 0, so that
 * a rate over it is defined before the first ticket. Counters restart at 0 with the node: sum them
 * over the nodes and read their rate, not their value.
 */
@Component
class TicketCounters {

	private final MeterRegistry registry;

	private final Counter breaches;

	TicketCounters(MeterRegistry registry) {
		this.registry = registry;
		for (Channel channel : Channel.values()) {
			for (TicketType type : TicketType.values()) {
				created(channel, type);
			}
		}
		this.breaches = Counter.builder("guichet.sla.breaches")
			.description("Times a ticket's SLA became breached on this node since it started")
			.register(registry);
	}

	@TransactionalEventListener
	void on(TicketCreated created) {
		created(created.channel(), created.type()).increment();
	}

	@TransactionalEventListener
	void on(SlaBreached breached) {
		breaches.increment();
	}

	private Counter created(Channel channel, TicketType type) {
		return Counter.builder("guichet.tickets.registered")
			.description("Tickets created on this node since it started, by channel and type")
			.tag("channel", channel.name())
			.tag("type", type.name())
			.register(registry);
	}

}

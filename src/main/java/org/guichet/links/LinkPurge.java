package org.guichet.links;

import java.time.Clock;
import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets the links expired more than {@code guichet.links.retention} ago (30 days by default),
 * every {@code guichet.links.purge-interval} (1 hour); any number of nodes may run it. Until
 * then, an expired or used link still says so; after, it reads as not valid.
 */
@Component
class LinkPurge {

	private static final Logger log = LoggerFactory.getLogger(LinkPurge.class);

	private final ActionLinks links;

	private final Clock clock;

	private final Duration retention;

	LinkPurge(ActionLinks links, Clock clock, @Value("${guichet.links.retention:P30D}") Duration retention) {
		this.links = links;
		this.clock = clock;
		this.retention = retention;
	}

	@Scheduled(initialDelayString = "${guichet.links.purge-interval:PT1H}",
			fixedDelayString = "${guichet.links.purge-interval:PT1H}")
	@SchedulerLock(name = "link-purge")
	void purge() {
		int purged = links.purge(clock.instant().minus(retention));
		if (purged > 0) {
			log.debug("Forgot {} signed links expired more than {} ago", purged, retention);
		}
	}

}

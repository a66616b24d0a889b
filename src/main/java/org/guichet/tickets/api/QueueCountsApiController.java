package org.guichet.tickets.api;

import java.util.Map;

import org.guichet.directory.CurrentUser;
import org.guichet.tickets.Queue;
import org.guichet.tickets.QueueCount;
import org.guichet.tickets.QueueCounts;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The counts of the agent's queues, as on the workspace's tabs: for each queue, the number of
 * tickets it lists for the caller, exact up to {@link QueueCounts#BOUND}, with {@code more} true
 * beyond it.
 */
@RestController
class QueueCountsApiController {

	private final QueueCounts counts;

	QueueCountsApiController(QueueCounts counts) {
		this.counts = counts;
	}

	@GetMapping(path = "/api/v1/tickets/counts", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAnyRole('TECHNICIAN','SUPERVISOR','ADMINISTRATOR')")
	Map<Queue, QueueCount> counts(@AuthenticationPrincipal CurrentUser caller) {
		return counts.of(caller);
	}

}

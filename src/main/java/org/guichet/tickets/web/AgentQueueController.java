package org.guichet.tickets.web;

import java.util.EnumMap;
import java.util.Map;

import org.guichet.directory.CurrentUser;
import org.guichet.tickets.Priority;
import org.guichet.tickets.Queue;
import org.guichet.tickets.QueueCounts;
import org.guichet.tickets.Status;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketSlice;
import org.guichet.tickets.TicketSort;
import org.guichet.tickets.TicketType;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The agent workspace's queues, as tabs with their counts ({@link QueueCounts}), with filters, sort
 * and Previous/Next paging. When htmx asks (a filter changed), only the result list is sent back.
 */
@Controller
class AgentQueueController {

	private final TicketManagement tickets;

	private final Choices choices;

	private final QueueCounts counts;

	AgentQueueController(TicketManagement tickets, Choices choices, QueueCounts counts) {
		this.tickets = tickets;
		this.choices = choices;
		this.counts = counts;
	}

	@GetMapping("/agent")
	String queue(@ModelAttribute("filter") QueueFilter filter, BindingResult ignoredUnparsableValues,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
			@RequestHeader(name = "HX-History-Restore-Request", required = false) @Nullable String historyRestore,
			@AuthenticationPrincipal CurrentUser me, Model model) {
		TicketSlice slice = tickets.search(filter.toQuery(), me);
		model.addAttribute("slice", slice);
		if (slice.hasPrevious()) {
			model.addAttribute("previousUrl", url(filter.link().replaceQueryParam("page", slice.page() - 1)));
		}
		if (slice.hasNext()) {
			model.addAttribute("nextUrl", url(filter.link().replaceQueryParam("page", slice.page() + 1)));
		}
		if (htmx != null && historyRestore == null) {
			return "agent/queue :: results";
		}
		Map<Queue, String> tabs = new EnumMap<>(Queue.class);
		for (Queue queue : Queue.values()) {
			UriComponentsBuilder tab = filter.link().replaceQueryParam("queue", queue).replaceQueryParam("page");
			if (queue.isSla()) {
				tab.replaceQueryParam("sort", TicketSort.DEADLINE);
			}
			tabs.put(queue, url(tab));
		}
		model.addAttribute("tabs", tabs);
		model.addAttribute("tabCounts", counts.of(me));
		model.addAttribute("statuses", Status.values());
		model.addAttribute("types", TicketType.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("sorts", TicketSort.values());
		choices.addClassification(model);
		choices.addTeam(model);
		return "agent/queue";
	}

	private static String url(UriComponentsBuilder link) {
		return link.build().encode().toUriString();
	}

}

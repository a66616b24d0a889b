package org.guichet.tickets.web;

import java.util.Map;

import org.guichet.tickets.TicketFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links to a ticket list of the agent workspace: its filter's parameters, and the saved view it
 * is shown in, if any.
 */
final class QueueLinks {

	private QueueLinks() {
	}

	/** {@code path} with the filter and the view, encoded. */
	static String to(String path, TicketFilter filter, @Nullable Long viewId) {
		return to(path, filter.toParameters(), viewId);
	}

	static String to(String path, Map<String, String> parameters, @Nullable Long viewId) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
		parameters.forEach(link::queryParam);
		if (viewId != null) {
			link.queryParam("view", viewId);
		}
		return link.build().encode().toUriString();
	}

	/**
	 * The page to go back to after an action on the list, when it is a page of the agent
	 * workspace's lists; {@code /agent} otherwise, so that a form cannot send anyone elsewhere.
	 */
	static String back(@Nullable String back) {
		if (back == null || !(back.equals("/agent") || back.startsWith("/agent?"))) {
			return "/agent";
		}
		return back;
	}

}

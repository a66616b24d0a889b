package org.guichet.tickets.web;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Pages whose forms are sent in place by htmx (ADR 010): a page rendered again after a refused
 * action answers the action's address, so the browser is told to keep showing, and reloading,
 * the page's own.
 */
final class InPlace {

	private InPlace() {
	}

	/**
	 * On an htmx request, names {@code path} (under the context path, e.g. {@code /agent/tickets/12})
	 * as the address the browser keeps; nothing otherwise.
	 */
	static void keepAddress(String path) {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current
				&& current.getRequest().getHeader("HX-Request") != null && current.getResponse() != null) {
			current.getResponse().setHeader("HX-Replace-Url", current.getRequest().getContextPath() + path);
		}
	}

}

package org.guichet.reporting.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The dashboard's links: to the agent's list of the tickets behind a number (DESIGN9 §2:
 * {@code /agent?queue=ALL&…}) and to the dashboard itself with other filters.
 */
final class ReportLinks {

	private ReportLinks() {
	}

	/**
	 * The agent's list of every ticket the reader may see that matches these ticket-list parameters.
	 *
	 * @param drillDown the parameters a KPI or a series point gives; null when none lists its
	 * tickets exactly
	 * @return the encoded path and query, null when {@code drillDown} is null
	 */
	static @Nullable String tickets(@Nullable Map<String, String> drillDown) {
		if (drillDown == null) {
			return null;
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("queue", "ALL");
		drillDown.forEach((name, value) -> {
			if (!"queue".equals(name)) {
				parameters.put(name, value);
			}
		});
		return to("/agent", parameters);
	}

	/** {@code path} with these query parameters, in their order, encoded. */
	static String to(String path, Map<String, String> parameters) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
		parameters.forEach(link::queryParam);
		return link.build().encode().toUriString();
	}

}

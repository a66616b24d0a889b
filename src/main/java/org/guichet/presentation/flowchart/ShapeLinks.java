package org.guichet.presentation.flowchart;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.jspecify.annotations.Nullable;

/**
 * Where a chart's shapes link: to the administration page that configures each step, or nowhere.
 * Those pages are an administrator's, so only an administrator's chart links to them (anyone
 * else would get 403); a document read away from the application (PDF, dossier, pack) has none.
 *
 * @param contextPath the application's context path ("" at the root) put before each link, or
 * null for no link at all
 */
public record ShapeLinks(@Nullable String contextPath) {

	/** No shape links anywhere. */
	public static final ShapeLinks NONE = new ShapeLinks(null);

	/**
	 * Links under the context path for an administrator, none for anyone else.
	 *
	 * @param reader who reads the chart; null (no one logged in) gives no links
	 */
	public static ShapeLinks forReader(@Nullable CurrentUser reader, String contextPath) {
		return reader != null && reader.role() == Role.ADMINISTRATOR ? new ShapeLinks(contextPath) : NONE;
	}

	/** Whether the shapes link at all. */
	public boolean any() {
		return contextPath != null;
	}

	/**
	 * The address a shape links to, or null when it links nowhere.
	 *
	 * @param configuredAt the page that configures the step, from the application's root; null if none
	 */
	@Nullable
	String href(@Nullable String configuredAt) {
		return contextPath == null || configuredAt == null ? null : contextPath + configuredAt;
	}

}

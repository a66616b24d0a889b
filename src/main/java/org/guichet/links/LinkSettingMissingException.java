package org.guichet.links;

/** A setting signed links need is missing or unusable outside the demo: Guichet does not start. */
class LinkSettingMissingException extends RuntimeException {

	private final String property;

	LinkSettingMissingException(String property, String problem) {
		super(property + ": " + problem);
		this.property = property;
	}

	/** The configuration key to set, e.g. {@code guichet.links.key}. */
	String property() {
		return property;
	}

}

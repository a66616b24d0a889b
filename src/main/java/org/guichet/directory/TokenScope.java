package org.guichet.directory;

/** What a personal API token lets its bearer do, within what its owner may do. */
public enum TokenScope {

	/** Only reading: {@code GET}, {@code HEAD} and {@code OPTIONS} requests. */
	READ_ONLY,

	/** Everything its owner may do. */
	FULL;

	/** Whether a request with that HTTP method is within the scope. */
	public boolean allows(String httpMethod) {
		return this == FULL || switch (httpMethod) {
			case "GET", "HEAD", "OPTIONS" -> true;
			default -> false;
		};
	}

}

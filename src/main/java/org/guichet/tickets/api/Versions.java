package org.guichet.tickets.api;

import org.guichet.system.DomainException;
import org.guichet.system.IfMatch;
import org.jspecify.annotations.Nullable;

/**
 * Reads the version a change was made on, from {@code If-Match: "<version>"} or from the body.
 */
final class Versions {

	static final String IF_MATCH = IfMatch.HEADER;

	private Versions() {
	}

	static @Nullable Long expected(@Nullable String ifMatch, @Nullable Long bodyVersion) {
		return IfMatch.expected(ifMatch, bodyVersion);
	}

	static long required(@Nullable String ifMatch, @Nullable Long bodyVersion) {
		Long version = expected(ifMatch, bodyVersion);
		if (version == null) {
			throw new VersionRequiredException();
		}
		return version;
	}

	/** A change that must name the version it was made on did not. */
	static final class VersionRequiredException extends DomainException {

		VersionRequiredException() {
			super(IF_MATCH, "ticket.version-required",
					"Send If-Match with the ticket's ETag, or its version in the body");
		}

		@Override
		public int status() {
			return 428;
		}

	}

	/** The change was made on an older version than the ticket's current one. */
	static final class StaleVersionException extends RuntimeException {

		private final String ticket;

		private final long currentVersion;

		StaleVersionException(String ticket, long currentVersion) {
			super("Ticket " + ticket + " is at version " + currentVersion);
			this.ticket = ticket;
			this.currentVersion = currentVersion;
		}

		String ticket() {
			return ticket;
		}

		long currentVersion() {
			return currentVersion;
		}

	}

}

package org.guichet.tickets.api;

import org.guichet.system.DomainException;
import org.guichet.system.IfMatch;
import org.jspecify.annotations.Nullable;

/**
 * The ticket API's version rules: a change of a ticket must name the version it was made on
 * ({@link IfMatch}), refused with its own code {@code ticket.version-required}, kept from before
 * the other records' {@code record.version-required} so that clients of the ticket API see no change.
 */
final class Versions {

	private Versions() {
	}

	static long required(@Nullable String ifMatch, @Nullable Long bodyVersion) {
		Long version = IfMatch.expected(ifMatch, bodyVersion);
		if (version == null) {
			throw new VersionRequiredException();
		}
		return version;
	}

	/** A change that must name the version it was made on did not. */
	static final class VersionRequiredException extends DomainException {

		VersionRequiredException() {
			super(IfMatch.HEADER, "ticket.version-required",
					"Send If-Match with the ticket's ETag, or its version in the body", "version");
		}

		@Override
		public int status() {
			return 428;
		}

	}

}

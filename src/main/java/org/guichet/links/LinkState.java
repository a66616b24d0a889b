package org.guichet.links;

import java.time.Instant;
import java.util.Optional;

/** What a token is worth now ({@link ActionLinks#check}). */
public sealed interface LinkState {

	/** What the link says, when it is signed and known; empty for {@link Invalid}. */
	Optional<LinkClaim> signed();

	/** Unsigned, tampered with, malformed, or unknown to this database: nothing to show of it. */
	record Invalid() implements LinkState {

		@Override
		public Optional<LinkClaim> signed() {
			return Optional.empty();
		}

	}

	/** Signed and known, but its time is over (it was not used). */
	record Expired(LinkClaim claim) implements LinkState {

		@Override
		public Optional<LinkClaim> signed() {
			return Optional.of(claim);
		}

	}

	/**
	 * Already used.
	 *
	 * @param usedAt when (UTC)
	 * @param outcome what was done, as the redeeming page recorded it ({@link ActionLinks#redeem})
	 */
	record Used(LinkClaim claim, Instant usedAt, String outcome) implements LinkState {

		@Override
		public Optional<LinkClaim> signed() {
			return Optional.of(claim);
		}

	}

	/** Signed, known, unexpired and unused: it may act, if what it acts on still allows it. */
	record Usable(LinkClaim claim) implements LinkState {

		@Override
		public Optional<LinkClaim> signed() {
			return Optional.of(claim);
		}

	}

}

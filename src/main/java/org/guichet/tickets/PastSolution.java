package org.guichet.tickets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.guichet.directory.User;
import org.jspecify.annotations.Nullable;

/**
 * A solution a ticket had and lost: refused by its requester or withdrawn when the IT team
 * reopened the ticket. Read back from the ticket's history, where the text is kept (up to 2,000
 * characters, like every history value).
 *
 * @param kind null when the history does not say
 * @param proposedBy null when Guichet recorded it
 * @param withdrawnBy who refused or reopened; null when Guichet withdrew it
 * @param reopening how it was lost; null for a ticket reopened before Guichet recorded that
 */
public record PastSolution(String text, @Nullable SolutionKind kind, Instant proposedAt, @Nullable User proposedBy,
		Instant withdrawnAt, @Nullable User withdrawnBy, @Nullable Reopening reopening) {

	/** The history fields the past solutions are read from. */
	static final List<String> FIELDS = List.of("solution", "solutionKind", "reopening");

	/**
	 * The past solutions in a ticket's history, oldest first; the current solution is not one.
	 *
	 * @param entries the ticket's history in order, at least its {@link #FIELDS}
	 */
	static List<PastSolution> from(List<HistoryEntry> entries) {
		List<PastSolution> past = new ArrayList<>();
		HistoryEntry proposal = null;
		SolutionKind kind = null;
		Reopening reopening = null;
		for (HistoryEntry entry : entries) {
			switch (entry.getField()) {
				case "reopening" -> reopening = entry.getNewValue() == null ? null : Reopening.valueOf(entry.getNewValue());
				case "solutionKind" -> {
					if (proposal != null && kind == null && entry.getNewValue() != null) {
						kind = SolutionKind.valueOf(entry.getNewValue());
					}
				}
				case "solution" -> {
					if (proposal != null && proposal.getNewValue() != null) {
						past.add(new PastSolution(proposal.getNewValue(), kind, proposal.getAt(), proposal.getActor(),
								entry.getAt(), entry.getActor(), reopening));
					}
					proposal = entry.getNewValue() == null ? null : entry;
					kind = null;
					reopening = null;
				}
				default -> {
				}
			}
		}
		return past;
	}

	public boolean isRefused() {
		return reopening == Reopening.REFUSAL;
	}

}

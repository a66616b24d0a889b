package org.guichet.presentation.flowchart;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.guichet.approvals.ApprovalTally;
import org.guichet.directory.SupportLevel;
import org.guichet.tickets.Channel;
import org.jspecify.annotations.Nullable;

/**
 * The measured lifecycle: over the tickets created in a period, how many took each branch of the
 * chart that the ticket facts can tell (see docs/PRESENTING.md, "The measured lifecycle").
 *
 * @param from the period's first local day
 * @param to its last local day, both included
 * @param created the tickets created in the period
 * @param edges by edge id, the tickets that took it; an edge the facts cannot tell is absent
 * @param closed the tickets closed now among them
 */
public record BranchCounts(LocalDate from, LocalDate to, long created, Map<String, Long> edges, long closed) {

	public BranchCounts {
		edges = Collections.unmodifiableMap(new LinkedHashMap<>(edges));
	}

	/**
	 * The facts of the tickets created in the period with one channel and one group now, summed.
	 *
	 * @param group the group's support level now, null for a ticket without group (or one whose
	 * group is gone)
	 */
	public record FactRow(Channel channel, @Nullable SupportLevel group, long created, long cancelled, long refused,
			long closed, long rated) {
	}

	/**
	 * The counts on a chart of tickets none of which was asked for an approval; see
	 * {@link #of(Flowchart, LocalDate, LocalDate, List, ApprovalTally)}.
	 */
	public static BranchCounts of(Flowchart chart, LocalDate from, LocalDate to, List<FactRow> rows) {
		return of(chart, from, to, rows, new ApprovalTally(0, 0, 0));
	}

	/**
	 * The counts on a chart: each channel's edge from the start counts its tickets (0 for a
	 * channel none came through); the
	 * qualification's <em>No</em> the cancelled ones (merged included, at whatever step), its
	 * <em>Yes</em> the others; "not solved at level 1" the tickets whose group now is of level 2 or
	 * 3, "not solved at level 2" those of level 3; the refusal loop the tickets refused at least
	 * once; closure to survey the closed tickets rated. With approvals, registration to the wait
	 * counts the approvals requested, the validators' Yes those approved, their No those refused;
	 * the qualification then counts neither the refused (cancelled by their validators) nor those
	 * still waiting. Edges the chart does not draw are left out.
	 *
	 * @param approvals the approvals of the period's tickets, by where they stand now
	 */
	public static BranchCounts of(Flowchart chart, LocalDate from, LocalDate to, List<FactRow> rows,
			ApprovalTally approvals) {
		long created = 0;
		long cancelled = 0;
		long refused = 0;
		long closed = 0;
		long rated = 0;
		long upper = 0;
		long third = 0;
		Map<String, Long> edges = new LinkedHashMap<>();
		for (FactRow row : rows) {
			created += row.created();
			cancelled += row.cancelled();
			refused += row.refused();
			closed += row.closed();
			rated += row.rated();
			if (row.group() == SupportLevel.N2 || row.group() == SupportLevel.N3) {
				upper += row.created() - row.cancelled();
			}
			if (row.group() == SupportLevel.N3) {
				third += row.created() - row.cancelled();
			}
			edges.merge(FlowchartBuilder.START + "->" + FlowchartBuilder.channel(row.channel()), row.created(), Long::sum);
		}
		Map<String, Long> counts = new LinkedHashMap<>();
		for (FlowEdge edge : chart.edgesFrom(FlowchartBuilder.START)) {
			counts.put(edge.id(), edges.getOrDefault(edge.id(), 0L));
		}
		for (FlowEdge edge : chart.edgesFrom(FlowchartBuilder.QUALIFICATION)) {
			boolean no = Objects.requireNonNull(edge.label()).key().equals("flowchart.no");
			put(chart, counts, edge.id(),
					no ? cancelled - approvals.refused() : created - cancelled - approvals.pending());
		}
		put(chart, counts, FlowchartBuilder.REGISTRATION + "->" + FlowchartBuilder.APPROVAL, approvals.requested());
		put(chart, counts, FlowchartBuilder.APPROVAL_DECISION + "->" + FlowchartBuilder.QUALIFICATION,
				approvals.approved());
		put(chart, counts, FlowchartBuilder.APPROVAL_DECISION + "->" + FlowchartBuilder.CANCELLED,
				approvals.refused());
		put(chart, counts, FlowchartBuilder.solvedAt(SupportLevel.N1) + "->" + FlowchartBuilder.resolution(SupportLevel.N2),
				upper);
		put(chart, counts, FlowchartBuilder.solvedAt(SupportLevel.N2) + "->" + FlowchartBuilder.resolution(SupportLevel.N3),
				third);
		put(chart, counts, FlowchartBuilder.VALIDATION + "->" + FlowchartBuilder.resolution(SupportLevel.N1), refused);
		put(chart, counts, FlowchartBuilder.CLOSURE + "->" + FlowchartBuilder.SURVEY, rated);
		return new BranchCounts(from, to, created, counts, closed);
	}

	private static void put(Flowchart chart, Map<String, Long> counts, String edgeId, long count) {
		if (chart.edges().stream().anyMatch(edge -> edge.id().equals(edgeId))) {
			counts.put(edgeId, count);
		}
	}

	/** The share of the period's created tickets that {@code count} is, in whole per cent (0 when none was created). */
	public long percent(long count) {
		return created == 0 ? 0 : Math.round(100.0 * count / created);
	}

}

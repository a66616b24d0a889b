package org.guichet.presentation.flowchart;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.guichet.directory.SupportLevel;
import org.guichet.presentation.flowchart.TicketJourney.Move;
import org.guichet.presentation.flowchart.TicketJourney.MoveKind;
import org.jspecify.annotations.Nullable;

/**
 * The way one ticket went through the lifecycle flowchart: the nodes it passed, in order, each
 * with the edge of the chart it came along. A node passed twice (a ticket reopened twice goes
 * back to its resolution each time) appears twice.
 * <p>
 * {@link #of} derives it from a {@link TicketJourney}, a pure function: the ticket goes from the
 * start through its channel, registration and the qualification (a request that waited for its
 * approval passes through the wait and the validators' decision first: approved, on to the
 * qualification; refused, to the cancellation; withdrawn while it waited, it jumps to the
 * cancellation); a ticket cancelled before anyone
 * worked on it (taken, pending, escalated, resolved) leaves by the qualification's <em>No</em>;
 * otherwise it goes on through categorisation, prioritisation and assignment to the resolution at
 * its group's level. Between two moves it follows the chart's forward edges by the shortest way
 * that passes through no other resolution, pending, channel, cancellation, validation or
 * automatic-closure node; the loops (pending answered, solution refused) are taken only by the
 * moves that make them. When the chart has no edge for what the ticket did (pending at level 2, a
 * reopening by the IT team, a ticket routed straight to level 2, an escalation from level 1 to
 * 3, a cancellation after work had started), the step has no edge: the path jumps.
 *
 * @param steps the nodes passed, first the start
 */
public record TicketPath(List<Step> steps) {

	/**
	 * @param node the id of a node of the chart
	 * @param edge the id of the chart's edge the ticket came along, null for the start and for a jump
	 */
	public record Step(String node, @Nullable String edge) {
	}

	public TicketPath {
		steps = List.copyOf(steps);
	}

	/**
	 * The path of a ticket on a chart.
	 *
	 * @param chart the chart as drawn (the configuration now: a node the configuration no longer
	 * draws is skipped)
	 * @param journey the ticket's moves, oldest first
	 */
	public static TicketPath of(Flowchart chart, TicketJourney journey) {
		return new Walker(chart).walk(journey);
	}

	/** For each node passed, the positions (from 1) of its passages in the path, in the order first passed. */
	public Map<String, List<Integer>> nodeOrders() {
		Map<String, List<Integer>> orders = new LinkedHashMap<>();
		for (int i = 0; i < steps.size(); i++) {
			orders.computeIfAbsent(steps.get(i).node(), id -> new ArrayList<>()).add(i + 1);
		}
		orders.replaceAll((id, positions) -> List.copyOf(positions));
		return Collections.unmodifiableMap(orders);
	}

	/** For each edge taken, how many times, in the order first taken. */
	public Map<String, Integer> edgeCounts() {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (Step step : steps) {
			if (step.edge() != null) {
				counts.merge(step.edge(), 1, Integer::sum);
			}
		}
		return Collections.unmodifiableMap(counts);
	}

	/** The nodes passed in order, a node passed twice listed twice. */
	public List<String> nodes() {
		return steps.stream().map(Step::node).toList();
	}

	/** Walks a journey over a chart, one move at a time. */
	private static final class Walker {

		private final Flowchart chart;

		private final List<Step> steps = new ArrayList<>();

		private String current = FlowchartBuilder.START;

		private SupportLevel level = SupportLevel.N1;

		private boolean levelKnown;

		/** Whether the ticket went past the qualification: someone worked on it. */
		private boolean accepted;

		private boolean assigned;

		private boolean cancelled;

		Walker(Flowchart chart) {
			this.chart = chart;
		}

		TicketPath walk(TicketJourney journey) {
			steps.add(new Step(FlowchartBuilder.START, null));
			goTo(FlowchartBuilder.channel(journey.channel()));
			goTo(FlowchartBuilder.REGISTRATION);
			boolean approval = journey.moves().stream().anyMatch(move -> move.kind() == MoveKind.APPROVAL_REQUESTED);
			boolean selfService = journey.moves().stream().anyMatch(move -> move.kind() == MoveKind.RESOLVED_BY_SELF_SERVICE)
					&& chart.node(FlowchartBuilder.SELF_SERVICE_DECISION).isPresent();
			if (selfService) {
				goTo(FlowchartBuilder.SELF_SERVICE_DECISION);
			}
			else if (!approval || chart.node(FlowchartBuilder.APPROVAL).isEmpty()) {
				goTo(FlowchartBuilder.QUALIFICATION);
			}
			for (Move move : journey.moves()) {
				move(move);
			}
			if (current.equals(FlowchartBuilder.CLOSURE) && chart.node(FlowchartBuilder.SURVEY).isPresent()) {
				// the survey is on the way to the end only for a requester who was sent it
				jump(FlowchartBuilder.END);
			}
			else if (current.equals(FlowchartBuilder.CLOSURE) || current.equals(FlowchartBuilder.SURVEY)) {
				goTo(FlowchartBuilder.END);
			}
			else if (!accepted && !cancelled && assigned) {
				goTo(FlowchartBuilder.ASSIGNMENT);
			}
			return new TicketPath(steps);
		}

		private void move(Move move) {
			switch (move.kind()) {
				case ASSIGNED -> assigned = true;
				case IN_PROGRESS -> work();
				case LEVEL -> level(Objects.requireNonNull(move.level()));
				case PENDING -> {
					work();
					goTo(FlowchartBuilder.PENDING);
				}
				case RESUMED -> resume();
				case RESOLVED_BY_SELF_SERVICE -> {
					if (chart.node(FlowchartBuilder.SELF_SERVICE_DECISION).isPresent()) {
						follow(FlowchartBuilder.SELF_SERVICE_DECISION, FlowchartBuilder.CLOSURE);
					}
				}
				case RESOLVED -> {
					if (current.equals(FlowchartBuilder.CLOSURE)) {
						// the resolution of a self-service: already at the closure
						return;
					}
					if (current.equals(FlowchartBuilder.PENDING)) {
						resume();
					}
					work();
					goTo(closureEntry());
				}
				case REFUSED -> {
					goTo(FlowchartBuilder.VALIDATION);
					follow(FlowchartBuilder.VALIDATION, FlowchartBuilder.resolution(level));
				}
				case REOPENED -> jump(FlowchartBuilder.resolution(level));
				case CLOSED -> {
					if (!current.equals(FlowchartBuilder.CLOSURE)) {
						goTo(FlowchartBuilder.VALIDATION);
						goTo(FlowchartBuilder.CLOSURE);
					}
				}
				case CLOSED_AUTOMATICALLY -> {
					goTo(FlowchartBuilder.AUTO_CLOSURE);
					goTo(FlowchartBuilder.CLOSURE);
				}
				case SURVEYED -> goTo(FlowchartBuilder.SURVEY);
				case APPROVAL_REQUESTED -> goTo(FlowchartBuilder.APPROVAL);
				case APPROVAL_APPROVED -> {
					goTo(FlowchartBuilder.APPROVAL_DECISION);
					follow(FlowchartBuilder.APPROVAL_DECISION, FlowchartBuilder.QUALIFICATION);
				}
				case APPROVAL_REFUSED -> {
					goTo(FlowchartBuilder.APPROVAL_DECISION);
					follow(FlowchartBuilder.APPROVAL_DECISION, FlowchartBuilder.CANCELLED);
					cancelled = true;
					goTo(FlowchartBuilder.END);
				}
				case CANCELLED -> {
					if (accepted || current.equals(FlowchartBuilder.APPROVAL)) {
						jump(FlowchartBuilder.CANCELLED);
					}
					else {
						goTo(FlowchartBuilder.CANCELLED);
					}
					cancelled = true;
					goTo(FlowchartBuilder.END);
				}
			}
		}

		/** Someone works on the ticket: it is at the resolution of its level (coming through assignment the first time). */
		private void work() {
			if (!accepted) {
				accepted = true;
				goTo(FlowchartBuilder.ASSIGNMENT);
			}
			if (current.equals(FlowchartBuilder.PENDING)) {
				return;
			}
			goTo(FlowchartBuilder.resolution(level));
		}

		/** The ticket's group changed: its first group sets the level; a later one moves it there. */
		private void level(SupportLevel reached) {
			boolean first = !levelKnown;
			levelKnown = true;
			if (reached == level) {
				return;
			}
			if (first && !accepted) {
				level = reached;
				return;
			}
			work();
			level = reached;
			goTo(FlowchartBuilder.resolution(level));
		}

		private void resume() {
			if (current.equals(FlowchartBuilder.PENDING)) {
				follow(FlowchartBuilder.PENDING, FlowchartBuilder.resolution(level));
			}
		}

		private String closureEntry() {
			for (String id : List.of(FlowchartBuilder.ANSWER, FlowchartBuilder.VALIDATION)) {
				if (chart.node(id).isPresent()) {
					return id;
				}
			}
			return FlowchartBuilder.CLOSURE;
		}

		/** Takes the chart's edge {@code from -> to} when the ticket is at {@code from} and the edge exists, else jumps to {@code to}. */
		private void follow(String from, String to) {
			if (current.equals(from) && chart.edgesFrom(from).stream().anyMatch(edge -> edge.to().equals(to))) {
				arrive(to, from + "->" + to);
			}
			else {
				jump(to);
			}
		}

		/** Goes forward to {@code target} by the shortest way through the chart, or jumps there; nothing when the chart does not draw it. */
		private void goTo(String target) {
			if (current.equals(target) || chart.node(target).isEmpty()) {
				return;
			}
			List<FlowEdge> way = forwardWay(target);
			if (way.isEmpty()) {
				jump(target);
				return;
			}
			for (FlowEdge edge : way) {
				arrive(edge.to(), edge.id());
			}
		}

		private void jump(String target) {
			if (!current.equals(target) && chart.node(target).isPresent()) {
				arrive(target, null);
			}
		}

		private void arrive(String node, @Nullable String edge) {
			steps.add(new Step(node, edge));
			current = node;
		}

		/** The edges of the shortest forward way from the current node to {@code target}, empty when there is none. */
		private List<FlowEdge> forwardWay(String target) {
			Map<String, FlowEdge> cameBy = new HashMap<>();
			Deque<String> queue = new ArrayDeque<>(List.of(current));
			Set<String> seen = new HashSet<>(List.of(current));
			while (!queue.isEmpty()) {
				String node = queue.poll();
				if (node.equals(target)) {
					List<FlowEdge> way = new ArrayList<>();
					for (String at = target; !at.equals(current); at = cameBy.get(at).from()) {
						way.add(0, cameBy.get(at));
					}
					return way;
				}
				if (!node.equals(current) && !passable(node)) {
					continue;
				}
				for (FlowEdge edge : chart.edgesFrom(node)) {
					if (!edge.association() && !isLoop(edge) && seen.add(edge.to())) {
						cameBy.put(edge.to(), edge);
						queue.add(edge.to());
					}
				}
			}
			return List.of();
		}

		/** Whether the way to another node may pass through this one. */
		private static boolean passable(String node) {
			return !node.startsWith("resolution.") && !node.startsWith("channel.")
					&& !Set.of(FlowchartBuilder.PENDING, FlowchartBuilder.CANCELLED, FlowchartBuilder.VALIDATION,
							FlowchartBuilder.AUTO_CLOSURE).contains(node);
		}

		/** The edges that go back: the pending answered and the refused solution. */
		private static boolean isLoop(FlowEdge edge) {
			return (edge.from().equals(FlowchartBuilder.PENDING) || edge.from().equals(FlowchartBuilder.VALIDATION))
					&& edge.to().startsWith("resolution.");
		}

	}

}

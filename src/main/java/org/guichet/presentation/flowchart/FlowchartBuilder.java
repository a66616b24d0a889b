package org.guichet.presentation.flowchart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.guichet.directory.SupportLevel;
import org.guichet.presentation.flowchart.LifecycleConfiguration.Registrar;
import org.guichet.tickets.Channel;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.SolutionKind;
import org.jspecify.annotations.Nullable;

/**
 * Builds the lifecycle flowchart from a configuration: a pure function, the same configuration
 * always giving the same chart. The steps the configuration does not use are left out (no
 * category: no categorisation; no level 3 group: no level 2 decision; no requester validation:
 * no validation diamond nor automatic closure; auto-close 0: no automatic closure; survey 0 %: no
 * survey; no approval: no wait for the validators). Node and edge ids are stable (see {@link FlowNode#id()}), so a later capability adds
 * its channel, step, decision or document here, and an overlay refers to them.
 */
public final class FlowchartBuilder {

	static final String START = "start";
	static final String REGISTRATION = "registration";
	static final String APPROVAL = "approval";
	static final String APPROVAL_DECISION = "decision.approval";
	static final String QUALIFICATION = "decision.qualification";
	static final String SELF_SERVICE_DECISION = "decision.self-service";
	static final String CANCELLED = "cancelled";
	static final String CATEGORISATION = "categorisation";
	static final String PRIORITISATION = "prioritisation";
	static final String ASSIGNMENT = "assignment";
	static final String PENDING_DECISION = "decision.pending";
	static final String PENDING = "pending";
	static final String SOLUTION = "document.solution";
	static final String ANSWER = "decision.answer";
	static final String AUTO_CLOSURE = "auto-closure";
	static final String VALIDATION = "decision.validation";
	static final String CLOSURE = "closure";
	static final String SURVEY = "survey";
	static final String END = "end";

	private static final Set<Channel> SELF_SERVICE = Set.of(Channel.PORTAL, Channel.API);

	private final LifecycleConfiguration config;

	private final List<FlowNode> nodes = new ArrayList<>();

	private final List<FlowEdge> edges = new ArrayList<>();

	private int stepNumber;

	private FlowchartBuilder(LifecycleConfiguration config) {
		this.config = config;
	}

	/** The chart of {@code configuration}; never empty: it has at least its start, a step and its end. */
	public static Flowchart build(LifecycleConfiguration configuration) {
		return new FlowchartBuilder(configuration).chart();
	}

	static String channel(Channel channel) {
		return "channel." + channel.name();
	}

	static String resolution(SupportLevel level) {
		return "resolution." + level.name();
	}

	static String solvedAt(SupportLevel level) {
		return "decision.solved." + level.name();
	}

	/**
	 * Adds the nodes in the order of the flow: the layout reads that order to tell the loops
	 * (pending, refusal) from the way forward.
	 */
	private Flowchart chart() {
		node(START, NodeKind.START, Lane.REQUESTER, Label.of("flowchart.start"), List.of(), null);
		registration();
		approval();
		decision(QUALIFICATION, Lane.FIRST_LEVEL, Label.of("flowchart.qualification"), null);
		if (config.selfServicePercent() > 0) {
			// the requester may resolve it with the article offered: closed at once (docs/LIFECYCLE.md)
			decision(SELF_SERVICE_DECISION, Lane.REQUESTER,
					Label.of("flowchart.self-service", config.selfServicePercent()), "/admin/assist/self-service");
			edge(REGISTRATION, SELF_SERVICE_DECISION, null);
			no(SELF_SERVICE_DECISION, QUALIFICATION);
			edge(SELF_SERVICE_DECISION, CLOSURE, Label.of("flowchart.self-service.solved"));
		}
		else {
			edge(REGISTRATION, QUALIFICATION, null);
		}
		node(CANCELLED, NodeKind.STEP, Lane.FIRST_LEVEL, Label.of("flowchart.cancelled"), List.of(), null);
		no(QUALIFICATION, CANCELLED);
		if (config.approvals()) {
			edge(APPROVAL_DECISION, QUALIFICATION, Label.of("flowchart.approval.approved"));
			edge(APPROVAL_DECISION, CANCELLED, Label.of("flowchart.approval.refused"));
		}
		String previous = QUALIFICATION;
		if (config.categoryCount() > 0) {
			List<Label> categorisation = new ArrayList<>(
					List.of(Label.of("flowchart.categorisation.count", config.categoryCount())));
			if (config.autoTriagePercent() > 0) {
				categorisation.add(Label.of("flowchart.categorisation.auto", config.autoTriagePercent()));
			}
			step(CATEGORISATION, Lane.FIRST_LEVEL, "flowchart.categorisation", categorisation, "/admin/categories");
			yes(QUALIFICATION, CATEGORISATION);
			previous = CATEGORISATION;
		}
		List<Label> priority = new ArrayList<>(List.of(Label.of("flowchart.prioritisation.matrix")));
		if (config.vipRaisesPriority()) {
			priority.add(Label.of("flowchart.prioritisation.vip"));
		}
		priority.add(Label.of("flowchart.prioritisation.major"));
		step(PRIORITISATION, Lane.FIRST_LEVEL, "flowchart.prioritisation", priority, "/admin/settings");
		edge(previous, PRIORITISATION, previous.equals(QUALIFICATION) ? yesLabel() : null);
		assignment();
		edge(PRIORITISATION, ASSIGNMENT, null);
		int number = ++stepNumber;
		resolutionStep(SupportLevel.N1, number);
		edge(ASSIGNMENT, resolution(SupportLevel.N1), null);
		solutionDocument();
		String solved = resolution(SupportLevel.N1);
		if (!config.pendingReasons().isEmpty()) {
			pending();
			edge(solved, PENDING_DECISION, null);
			solved = PENDING_DECISION;
		}
		String closureEntry = closureEntryId();
		List<SupportLevel> levels = levels();
		for (int i = 0; i + 1 < levels.size(); i++) {
			SupportLevel level = levels.get(i);
			SupportLevel next = levels.get(i + 1);
			decision(solvedAt(level), level == SupportLevel.N1 ? Lane.FIRST_LEVEL : Lane.UPPER_LEVELS,
					Label.of("flowchart.solved", level.ordinal() + 1), "/admin/groups");
			edge(level == SupportLevel.N1 ? solved : resolution(level), solvedAt(level),
					level == SupportLevel.N1 && solved.equals(PENDING_DECISION) ? no() : null);
			resolutionStep(next, number);
			yes(solvedAt(level), closureEntry);
			no(solvedAt(level), resolution(next));
		}
		SupportLevel last = levels.get(levels.size() - 1);
		if (last == SupportLevel.N1) {
			edge(solved, closureEntry, solved.equals(PENDING_DECISION) ? no() : null);
		}
		else {
			edge(resolution(last), closureEntry, null);
		}
		closure();
		return new Flowchart(nodes, edges);
	}

	private void resolutionStep(SupportLevel level, int number) {
		node(resolution(level), NodeKind.STEP, level == SupportLevel.N1 ? Lane.FIRST_LEVEL : Lane.UPPER_LEVELS,
				Label.of("flowchart.resolution", number, level.ordinal() + 1),
				List.of(Label.of("flowchart.resolution.group-count", config.groupsOf(level))), "/admin/groups");
	}

	private void registration() {
		List<Label> who = new ArrayList<>();
		for (Registrar registrar : Registrar.values()) {
			if (config.registrars().contains(registrar)) {
				who.add(Label.of("flowchart.registration.by." + registrar.name()));
			}
		}
		String addresses = String.join(", ", config.mailboxes());
		if (config.readsMail()) {
			who.add(Label.of("flowchart.registration.by.mail", addresses));
		}
		if (config.readsSms()) {
			who.add(Label.of("flowchart.registration.by.sms"));
		}
		for (Channel channel : Channel.values()) {
			if (config.channels().contains(channel)) {
				if (channel == Channel.EMAIL && config.readsMail()) {
					// the requester writes, Guichet reads the mailboxes and registers the ticket itself
					node(channel(channel), NodeKind.STEP, Lane.REQUESTER, Label.of("channel." + channel.name()),
							List.of(Label.of("flowchart.channel.mailboxes", addresses)), "/admin/mailboxes");
				}
				else if (channel == Channel.SMS && config.readsSms()) {
					// the requester texts, the gateway posts it, Guichet registers the ticket itself
					node(channel(channel), NodeKind.STEP, Lane.REQUESTER, Label.of("channel." + channel.name()),
							List.of(Label.of("flowchart.channel.sms-gateway")), null);
				}
				else {
					node(channel(channel), NodeKind.STEP, SELF_SERVICE.contains(channel) ? Lane.REQUESTER : Lane.FIRST_LEVEL,
							Label.of("channel." + channel.name()), List.of(), null);
				}
				edge(START, channel(channel), null);
			}
		}
		boolean byDesk = config.registrars().contains(Registrar.SERVICE_DESK);
		step(REGISTRATION, byDesk ? Lane.FIRST_LEVEL : Lane.REQUESTER, "flowchart.registration", who, null);
		for (Channel channel : Channel.values()) {
			if (config.channels().contains(channel)) {
				edge(channel(channel), REGISTRATION, null);
			}
		}
	}

	/**
	 * A request that requires approval waits, Pending with the reason approval, for its
	 * validators' decision: approved, it is back to New (or Assigned) and goes on; refused, it is
	 * cancelled. The branches are drawn by {@link #chart()} once their targets exist.
	 */
	private void approval() {
		if (!config.approvals()) {
			return;
		}
		node(APPROVAL, NodeKind.STEP, Lane.SYSTEM, Label.of("flowchart.approval"),
				List.of(Label.of(config.slaPausingReasons().contains(PendingReason.APPROVAL) ? "flowchart.pending.paused"
						: "flowchart.pending.running", Label.of("pending." + PendingReason.APPROVAL.name()))),
				"/admin/catalogue");
		edge(REGISTRATION, APPROVAL, Label.of("flowchart.approval.required"));
		decision(APPROVAL_DECISION, Lane.REQUESTER, Label.of("flowchart.approval.question"), null);
		edge(APPROVAL, APPROVAL_DECISION, null);
	}

	private void assignment() {
		List<Label> details = new ArrayList<>();
		details.add(config.routingRuleCount() > 0 ? Label.of("flowchart.assignment.rules", config.routingRuleCount())
				: Label.of("flowchart.assignment.by-hand"));
		details.add(Label.of("flowchart.assignment.sla", config.slaPolicyCount()));
		if (config.escalationLevelCount() > 0) {
			details.add(Label.of("flowchart.assignment.escalations", config.escalationLevelCount()));
		}
		step(ASSIGNMENT, config.routingRuleCount() > 0 ? Lane.SYSTEM : Lane.FIRST_LEVEL, "flowchart.assignment", details,
				"/admin/routing");
	}

	private void pending() {
		decision(PENDING_DECISION, Lane.FIRST_LEVEL, Label.of("flowchart.pending.question"), null);
		List<Label> reasons = new ArrayList<>();
		for (PendingReason reason : PendingReason.values()) {
			if (config.pendingReasons().contains(reason)) {
				reasons.add(Label.of(config.slaPausingReasons().contains(reason) ? "flowchart.pending.paused"
						: "flowchart.pending.running", Label.of("pending." + reason.name())));
			}
		}
		node(PENDING, NodeKind.STEP, Lane.SYSTEM,
				Label.of(config.slaPausingReasons().isEmpty() ? "flowchart.pending" : "flowchart.pending.sla-paused"),
				reasons, "/admin/sla-policies");
		yes(PENDING_DECISION, PENDING);
		edge(PENDING, resolution(SupportLevel.N1), Label.of("flowchart.pending.resumed"));
	}

	private void solutionDocument() {
		if (config.solutionKinds().isEmpty()) {
			return;
		}
		List<Label> kinds = Arrays.stream(SolutionKind.values())
			.filter(config.solutionKinds()::contains)
			.map(kind -> Label.of("solution." + kind.name()))
			.toList();
		node(SOLUTION, NodeKind.DOCUMENT, Lane.FIRST_LEVEL, Label.of("flowchart.solution"), kinds, null);
		edges.add(new FlowEdge(resolution(SupportLevel.N1), SOLUTION, null, true));
	}

	/** The node a solved ticket goes to, drawn by {@link #closure()}. */
	private String closureEntryId() {
		if (!config.requesterValidation()) {
			return CLOSURE;
		}
		return config.autoCloseDays() == 0 ? VALIDATION : ANSWER;
	}

	/** Draws step 6 and what leads to it from a solved ticket, then the end. */
	private void closure() {
		if (config.requesterValidation()) {
			if (config.autoCloseDays() > 0) {
				decision(ANSWER, Lane.REQUESTER, Label.of("flowchart.answer", config.autoCloseDays()), "/admin/settings");
			}
			decision(VALIDATION, Lane.REQUESTER, Label.of("flowchart.validation"), "/admin/settings");
			if (config.autoCloseDays() > 0) {
				node(AUTO_CLOSURE, NodeKind.STEP, Lane.SYSTEM, Label.of("flowchart.auto-closure"), List.of(),
						"/admin/settings");
			}
		}
		int number = ++stepNumber;
		node(CLOSURE, NodeKind.STEP, Lane.SYSTEM, Label.of("flowchart.closure", number), List.of(), "/admin/settings");
		if (config.surveyPercent() > 0) {
			node(SURVEY, NodeKind.STEP, Lane.REQUESTER, Label.of("flowchart.survey"),
					List.of(Label.of("flowchart.survey.share", config.surveyPercent())), "/admin/settings#survey");
		}
		node(END, NodeKind.END, Lane.REQUESTER, Label.of("flowchart.end"), List.of(), null);
		edge(CANCELLED, END, null);
		if (config.surveyPercent() > 0) {
			edge(CLOSURE, SURVEY, null);
			edge(SURVEY, END, null);
		}
		else {
			edge(CLOSURE, END, null);
		}
		if (!config.requesterValidation()) {
			return;
		}
		if (config.autoCloseDays() > 0) {
			yes(ANSWER, VALIDATION);
			no(ANSWER, AUTO_CLOSURE);
			edge(AUTO_CLOSURE, CLOSURE, null);
		}
		yes(VALIDATION, CLOSURE);
		edges.add(new FlowEdge(VALIDATION, resolution(SupportLevel.N1), Label.of("flowchart.validation.refused"), false));
	}

	private List<SupportLevel> levels() {
		List<SupportLevel> levels = new ArrayList<>(List.of(SupportLevel.N1));
		for (SupportLevel level : List.of(SupportLevel.N2, SupportLevel.N3)) {
			if (config.groupsOf(level) > 0) {
				levels.add(level);
			}
		}
		return levels;
	}

	private void step(String id, Lane lane, String key, List<Label> details, @Nullable String configuredAt) {
		node(id, NodeKind.STEP, lane, Label.of(key, ++stepNumber), details, configuredAt);
	}

	private void decision(String id, Lane lane, Label question, @Nullable String configuredAt) {
		node(id, NodeKind.DECISION, lane, question, List.of(), configuredAt);
	}

	private void node(String id, NodeKind kind, Lane lane, Label title, List<Label> details,
			@Nullable String configuredAt) {
		nodes.add(new FlowNode(id, kind, lane, title, details, configuredAt));
	}

	private void yes(String decision, String to) {
		edge(decision, to, yesLabel());
	}

	private void no(String decision, String to) {
		edge(decision, to, no());
	}

	private static Label yesLabel() {
		return Label.of("flowchart.yes");
	}

	private static Label no() {
		return Label.of("flowchart.no");
	}

	private void edge(String from, String to, @Nullable Label label) {
		edges.add(new FlowEdge(from, to, label, false));
	}

}

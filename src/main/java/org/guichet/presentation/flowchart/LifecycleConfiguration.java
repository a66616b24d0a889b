package org.guichet.presentation.flowchart;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.guichet.directory.SupportLevel;
import org.guichet.tickets.Channel;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.SolutionKind;

/**
 * What of the desk's configuration shapes its lifecycle, as the flowchart reads it.
 *
 * @param channels the channels a demand may come through; not empty
 * @param registrars who registers demands: the requesters themselves, the service desk for them
 * @param categoryCount categories in the tree (0: no categorisation step)
 * @param vipRaisesPriority whether a VIP requester's ticket gets one priority level more
 * @param routingRuleCount routing rules (0: the service desk assigns by hand)
 * @param groupsPerLevel support groups per level; a level without group is not drawn (level 1 is
 * always drawn: it is the service desk)
 * @param slaPolicyCount SLA policies
 * @param pendingReasons reasons a ticket may wait for (empty: no pending step)
 * @param slaPausingReasons those of them during which at least one SLA policy pauses its clocks
 * @param escalationLevelCount automatic escalation levels over all SLA policies
 * @param solutionKinds the kinds of solution a technician records (empty: no solution document)
 * @param requesterValidation true when the requester accepts or refuses the solution; false when
 * the technician's resolution closes the ticket
 * @param autoCloseDays days after which a resolved ticket nobody answered is closed, 0 = never
 * @param surveyPercent share of closed tickets whose requester is asked to rate them, 0 to 100
 * (0: no survey)
 * @param mailboxes the addresses of the mailboxes Guichet reads, in order: e-mail then reaches the desk
 * by itself (the requester writes, Guichet registers); empty: e-mail is registered by the service desk
 * @param approvals true when an active catalogue item requires approval or a ticket ever had one:
 * a registered request may then wait for its validators' decision (docs/APPROVALS.md)
 * @param autoTriagePercent the confidence, 1 to 100, from which the assistant applies its
 * suggestions at registration (docs/ASSIST.md); 0 while auto-triage is off
 * @param smsGateway true when the SMS channel is on (docs/SMS.md): texts then reach the desk by
 * themselves (the requester texts, Guichet registers); false: SMS is registered by the service desk
 * @param selfServicePercent the least confidence, 1 to 100, for an article to be offered to the
 * requester of a new ticket, who may then resolve it themselves (docs/ASSIST.md); 0 while no
 * category allows it
 */
public record LifecycleConfiguration(Set<Channel> channels, Set<Registrar> registrars, int categoryCount,
		boolean vipRaisesPriority, int routingRuleCount, Map<SupportLevel, Integer> groupsPerLevel, int slaPolicyCount,
		Set<PendingReason> pendingReasons, Set<PendingReason> slaPausingReasons, int escalationLevelCount,
		Set<SolutionKind> solutionKinds, boolean requesterValidation, int autoCloseDays, int surveyPercent,
		List<String> mailboxes, boolean approvals, int autoTriagePercent, boolean smsGateway, int selfServicePercent) {

	/** Who registers a demand. */
	public enum Registrar {

		/** The requester, through the portal or the API. */
		REQUESTER,
		/** The service desk, for a requester who called, wrote or chatted. */
		SERVICE_DESK

	}

	/**
	 * @throws IllegalArgumentException when no channel is enabled, a count is negative or the
	 * survey share is outside 0 to 100
	 */
	public LifecycleConfiguration {
		if (channels.isEmpty()) {
			throw new IllegalArgumentException("At least one channel is enabled");
		}
		if (categoryCount < 0 || routingRuleCount < 0 || slaPolicyCount < 0 || escalationLevelCount < 0
				|| autoCloseDays < 0) {
			throw new IllegalArgumentException("Counts and delays are zero or more");
		}
		if (surveyPercent < 0 || surveyPercent > 100) {
			throw new IllegalArgumentException("The survey share is from 0 to 100 %");
		}
		if (autoTriagePercent < 0 || autoTriagePercent > 100) {
			throw new IllegalArgumentException("The auto-triage threshold is from 0 (off) to 100 %");
		}
		if (selfServicePercent < 0 || selfServicePercent > 100) {
			throw new IllegalArgumentException("The self-service threshold is from 0 (off) to 100 %");
		}
		channels = Set.copyOf(EnumSet.copyOf(channels));
		registrars = registrars.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(registrars));
		Map<SupportLevel, Integer> levels = new EnumMap<>(SupportLevel.class);
		groupsPerLevel.forEach(levels::put);
		groupsPerLevel = Map.copyOf(levels);
		pendingReasons = Set.copyOf(pendingReasons);
		slaPausingReasons = Set.copyOf(slaPausingReasons);
		solutionKinds = Set.copyOf(solutionKinds);
		mailboxes = List.copyOf(mailboxes);
	}

	/** A configuration without self-service resolution. */
	public LifecycleConfiguration(Set<Channel> channels, Set<Registrar> registrars, int categoryCount,
			boolean vipRaisesPriority, int routingRuleCount, Map<SupportLevel, Integer> groupsPerLevel, int slaPolicyCount,
			Set<PendingReason> pendingReasons, Set<PendingReason> slaPausingReasons, int escalationLevelCount,
			Set<SolutionKind> solutionKinds, boolean requesterValidation, int autoCloseDays, int surveyPercent,
			List<String> mailboxes, boolean approvals, int autoTriagePercent, boolean smsGateway) {
		this(channels, registrars, categoryCount, vipRaisesPriority, routingRuleCount, groupsPerLevel, slaPolicyCount,
				pendingReasons, slaPausingReasons, escalationLevelCount, solutionKinds, requesterValidation, autoCloseDays,
				surveyPercent, mailboxes, approvals, autoTriagePercent, smsGateway, 0);
	}

	/** A configuration without SMS gateway. */
	public LifecycleConfiguration(Set<Channel> channels, Set<Registrar> registrars, int categoryCount,
			boolean vipRaisesPriority, int routingRuleCount, Map<SupportLevel, Integer> groupsPerLevel, int slaPolicyCount,
			Set<PendingReason> pendingReasons, Set<PendingReason> slaPausingReasons, int escalationLevelCount,
			Set<SolutionKind> solutionKinds, boolean requesterValidation, int autoCloseDays, int surveyPercent,
			List<String> mailboxes, boolean approvals, int autoTriagePercent) {
		this(channels, registrars, categoryCount, vipRaisesPriority, routingRuleCount, groupsPerLevel, slaPolicyCount,
				pendingReasons, slaPausingReasons, escalationLevelCount, solutionKinds, requesterValidation, autoCloseDays,
				surveyPercent, mailboxes, approvals, autoTriagePercent, false);
	}

	/** A configuration without auto-triage. */
	public LifecycleConfiguration(Set<Channel> channels, Set<Registrar> registrars, int categoryCount,
			boolean vipRaisesPriority, int routingRuleCount, Map<SupportLevel, Integer> groupsPerLevel, int slaPolicyCount,
			Set<PendingReason> pendingReasons, Set<PendingReason> slaPausingReasons, int escalationLevelCount,
			Set<SolutionKind> solutionKinds, boolean requesterValidation, int autoCloseDays, int surveyPercent,
			List<String> mailboxes, boolean approvals) {
		this(channels, registrars, categoryCount, vipRaisesPriority, routingRuleCount, groupsPerLevel, slaPolicyCount,
				pendingReasons, slaPausingReasons, escalationLevelCount, solutionKinds, requesterValidation, autoCloseDays,
				surveyPercent, mailboxes, approvals, 0);
	}

	/** A configuration without approval nor auto-triage. */
	public LifecycleConfiguration(Set<Channel> channels, Set<Registrar> registrars, int categoryCount,
			boolean vipRaisesPriority, int routingRuleCount, Map<SupportLevel, Integer> groupsPerLevel, int slaPolicyCount,
			Set<PendingReason> pendingReasons, Set<PendingReason> slaPausingReasons, int escalationLevelCount,
			Set<SolutionKind> solutionKinds, boolean requesterValidation, int autoCloseDays, int surveyPercent,
			List<String> mailboxes) {
		this(channels, registrars, categoryCount, vipRaisesPriority, routingRuleCount, groupsPerLevel, slaPolicyCount,
				pendingReasons, slaPausingReasons, escalationLevelCount, solutionKinds, requesterValidation, autoCloseDays,
				surveyPercent, mailboxes, false);
	}

	/** A configuration without mailbox nor approval: e-mail, when it is a channel, is registered by the service desk. */
	public LifecycleConfiguration(Set<Channel> channels, Set<Registrar> registrars, int categoryCount,
			boolean vipRaisesPriority, int routingRuleCount, Map<SupportLevel, Integer> groupsPerLevel, int slaPolicyCount,
			Set<PendingReason> pendingReasons, Set<PendingReason> slaPausingReasons, int escalationLevelCount,
			Set<SolutionKind> solutionKinds, boolean requesterValidation, int autoCloseDays, int surveyPercent) {
		this(channels, registrars, categoryCount, vipRaisesPriority, routingRuleCount, groupsPerLevel, slaPolicyCount,
				pendingReasons, slaPausingReasons, escalationLevelCount, solutionKinds, requesterValidation, autoCloseDays,
				surveyPercent, List.of(), false);
	}

	/** The same configuration, with or without approvals. */
	public LifecycleConfiguration withApprovals(boolean withApprovals) {
		return new LifecycleConfiguration(channels, registrars, categoryCount, vipRaisesPriority, routingRuleCount,
				groupsPerLevel, slaPolicyCount, pendingReasons, slaPausingReasons, escalationLevelCount, solutionKinds,
				requesterValidation, autoCloseDays, surveyPercent, mailboxes, withApprovals, autoTriagePercent, smsGateway,
				selfServicePercent);
	}

	/** The same configuration, with auto-triage from that confidence (1 to 100 %) or without it (0). */
	public LifecycleConfiguration withAutoTriage(int percent) {
		return new LifecycleConfiguration(channels, registrars, categoryCount, vipRaisesPriority, routingRuleCount,
				groupsPerLevel, slaPolicyCount, pendingReasons, slaPausingReasons, escalationLevelCount, solutionKinds,
				requesterValidation, autoCloseDays, surveyPercent, mailboxes, approvals, percent, smsGateway,
				selfServicePercent);
	}

	/** The same configuration, with texts reaching the desk through an SMS gateway or not. */
	public LifecycleConfiguration withSmsGateway(boolean on) {
		return new LifecycleConfiguration(channels, registrars, categoryCount, vipRaisesPriority, routingRuleCount,
				groupsPerLevel, slaPolicyCount, pendingReasons, slaPausingReasons, escalationLevelCount, solutionKinds,
				requesterValidation, autoCloseDays, surveyPercent, mailboxes, approvals, autoTriagePercent, on,
				selfServicePercent);
	}

	/** The same configuration, with self-service resolution from that confidence (1 to 100 %) or without it (0). */
	public LifecycleConfiguration withSelfService(int percent) {
		return new LifecycleConfiguration(channels, registrars, categoryCount, vipRaisesPriority, routingRuleCount,
				groupsPerLevel, slaPolicyCount, pendingReasons, slaPausingReasons, escalationLevelCount, solutionKinds,
				requesterValidation, autoCloseDays, surveyPercent, mailboxes, approvals, autoTriagePercent, smsGateway,
				percent);
	}

	/** Whether texts arrive by themselves, through the SMS channel's gateway. */
	public boolean readsSms() {
		return channels.contains(Channel.SMS) && smsGateway;
	}

	/** Whether e-mail arrives by itself, read from at least one mailbox. */
	public boolean readsMail() {
		return channels.contains(Channel.EMAIL) && !mailboxes.isEmpty();
	}

	/** The support groups of {@code level}, 0 when none. */
	public int groupsOf(SupportLevel level) {
		return groupsPerLevel.getOrDefault(level, 0);
	}

}

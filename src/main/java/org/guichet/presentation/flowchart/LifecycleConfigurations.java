package org.guichet.presentation.flowchart;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.guichet.approvals.Approvals;
import org.guichet.assist.AssistSettings;
import org.guichet.assist.SelfServiceSettings;
import org.guichet.catalogue.Catalogue;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.SupportLevel;
import org.guichet.mail.Mailboxes;
import org.guichet.presentation.flowchart.LifecycleConfiguration.Registrar;
import org.guichet.routing.RoutingRules;
import org.guichet.sla.EscalationLevels;
import org.guichet.sla.SlaPolicies;
import org.guichet.sla.SlaPolicy;
import org.guichet.sms.SmsOutbox;
import org.guichet.tickets.Categories;
import org.guichet.tickets.Channel;
import org.guichet.tickets.ClosureSettings;
import org.guichet.tickets.DeskSettings;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.SolutionKind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the desk's lifecycle configuration as it is now, from the modules that own it: the
 * category tree, the routing rules, the support groups' levels, the SLA policies with their
 * pause reasons and escalation levels, and the desk settings (the closure: requester validation
 * and the auto-close delay, turned off altogether by {@code guichet.tickets.auto-close.enabled=false};
 * the satisfaction survey: its share, 0 when it is off), the mailboxes mail is read from, and
 * whether requests wait for approvals (an active catalogue item requires one, or a ticket had one).
 * <p>
 * What the application has no setting for yet is reported as it behaves today: every channel may
 * be recorded (requesters use the portal and the API, the service desk registers the others),
 * every pending reason and every solution kind of the IT team exists, and a VIP requester's priority is raised one level.
 */
@Service
public class LifecycleConfigurations {

	private final Categories categories;

	private final RoutingRules routingRules;

	private final SupportGroupRepository groups;

	private final SlaPolicies policies;

	private final EscalationLevels escalationLevels;

	private final DeskSettings settings;

	private final boolean autoCloseEnabled;

	private final Mailboxes mailboxes;

	private final Catalogue catalogue;

	private final Approvals approvals;

	private final AssistSettings assist;

	private final SmsOutbox sms;

	private final SelfServiceSettings selfService;

	LifecycleConfigurations(Categories categories, RoutingRules routingRules, SupportGroupRepository groups,
			SlaPolicies policies, EscalationLevels escalationLevels, DeskSettings settings,
			@Value("${guichet.tickets.auto-close.enabled:true}") boolean autoCloseEnabled, Mailboxes mailboxes,
			Catalogue catalogue, Approvals approvals, AssistSettings assist, SmsOutbox sms,
			SelfServiceSettings selfService) {
		this.assist = assist;
		this.selfService = selfService;
		this.sms = sms;
		this.categories = categories;
		this.routingRules = routingRules;
		this.groups = groups;
		this.policies = policies;
		this.escalationLevels = escalationLevels;
		this.settings = settings;
		this.autoCloseEnabled = autoCloseEnabled;
		this.mailboxes = mailboxes;
		this.catalogue = catalogue;
		this.approvals = approvals;
	}

	private int autoTriagePercent() {
		Double threshold = assist.autoApplyThreshold();
		return threshold == null ? 0 : Math.max(1, (int) Math.round(threshold * 100));
	}

	/** The configuration now, read in one transaction. */
	@Transactional(readOnly = true)
	public LifecycleConfiguration current() {
		Map<SupportLevel, Integer> perLevel = new EnumMap<>(SupportLevel.class);
		for (SupportGroup group : groups.findAll()) {
			perLevel.merge(group.getLevel(), 1, Integer::sum);
		}
		Set<PendingReason> pausing = EnumSet.noneOf(PendingReason.class);
		int escalations = 0;
		List<SlaPolicy> all = policies.list();
		for (SlaPolicy policy : all) {
			for (PendingReason reason : PendingReason.values()) {
				if (policy.pauses(reason)) {
					pausing.add(reason);
				}
			}
			escalations += escalationLevels.of(Objects.requireNonNull(policy.getId())).size();
		}
		ClosureSettings closure = settings.closure();
		return new LifecycleConfiguration(EnumSet.allOf(Channel.class), EnumSet.allOf(Registrar.class),
				categories.tree().depthFirst().size(), true, routingRules.list().size(), perLevel, all.size(),
				EnumSet.allOf(PendingReason.class), pausing, escalations, EnumSet.copyOf(SolutionKind.chosenByTeam()),
				closure.requesterValidation(), autoCloseEnabled ? closure.autoCloseDays() : 0,
				settings.survey().effectiveShare(),
				mailboxes.enabled().stream().map(Mailboxes.ReadMailbox::address).toList(),
				catalogue.anyItemRequiresApproval() || approvals.anyRequested(), autoTriagePercent(), sms.enabled(),
				selfService.on() ? Math.max(1, (int) Math.round(selfService.threshold() * 100)) : 0);
	}

}

package org.guichet.sla;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.guichet.calendars.Calendars;
import org.guichet.system.ConflictException;
import org.guichet.system.InvalidInputException;
import org.guichet.system.NotFoundException;
import org.guichet.system.VersionMismatchException;
import org.guichet.tickets.CategoryRepository;
import org.guichet.tickets.Priority;
import org.guichet.tickets.TicketType;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Defines SLA policies, refusing what could never work: an unknown calendar or category, a TTR
 * shorter than the TTO, two fallbacks, a duplicate name.
 */
@Service
@Transactional
public class SlaPolicies {

	private final SlaPolicyRepository policies;

	private final Calendars calendars;

	private final CategoryRepository categories;

	private final TicketSlaRepository clocks;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SlaPolicies(SlaPolicyRepository policies, TicketSlaRepository clocks, Calendars calendars,
			CategoryRepository categories, ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.policies = policies;
		this.clocks = clocks;
		this.calendars = calendars;
		this.categories = categories;
		this.events = events;
	}

	/** The longest department a policy matches, in characters (its column's). */
	public static final int DEPARTMENT_MAX = 120;

	public record Definition(String name, long calendarId, int position, boolean fallback,
			@Nullable TtoTrigger ttoMetBy, boolean pauseOnUser, boolean pauseOnSupplier, boolean pauseOnApproval,
			@Nullable Integer atRiskPercent, @Nullable TicketType matchType, @Nullable Long matchCategoryId,
			@Nullable String matchDepartment, @Nullable Boolean matchVip, List<TargetDefinition> targets) {
	}

	public record TargetDefinition(TicketType type, Priority priority, Duration timeToOwn, Duration timeToResolve) {
	}

	@Transactional(readOnly = true)
	public List<SlaPolicy> list() {
		return policies.findAllInOrder();
	}

	@Transactional(readOnly = true)
	public SlaPolicy get(long id) {
		return policies.findWithTargetsById(id)
			.orElseThrow(() -> new NotFoundException("sla.policy.not-found", "No SLA policy " + id, id));
	}

	/**
	 * Refuses a change of the policy, or of a part of it, made on an old version.
	 *
	 * @param expectedVersion the version the change was made on; null checks nothing
	 * @throws VersionMismatchException ({@code sla.policy.stale}) when the policy changed since
	 */
	static void checkVersion(SlaPolicy policy, @Nullable Long expectedVersion) {
		VersionMismatchException.check(expectedVersion, policy.getVersion(), "sla.policy.stale",
				"The SLA policy was changed by someone else", policy.getVersion());
	}

	/**
	 * @param id null to create
	 * @param expectedVersion when given, the policy must not have changed since it was read
	 */
	public SlaPolicy save(@Nullable Long id, @Nullable Long expectedVersion, Definition definition) {
		SlaPolicy policy = id == null ? new SlaPolicy(definition.name(), definition.calendarId()) : get(id);
		checkVersion(policy, expectedVersion);
		if (!definition.name().equals(policy.getName()) || id == null) {
			if (policies.existsByName(definition.name())) {
				throw new InvalidInputException("name", "sla.policy.name-taken", "Another policy has this name",
						definition.name());
			}
		}
		InvalidInputException.atMost("conditions.department", definition.matchDepartment(), DEPARTMENT_MAX);
		if (!calendars.exists(definition.calendarId())) {
			throw new InvalidInputException("calendarId", "sla.policy.calendar-unknown", "No such calendar",
					definition.calendarId());
		}
		if (definition.matchCategoryId() != null && !categories.existsById(definition.matchCategoryId())) {
			throw new InvalidInputException("conditions.categoryId", "sla.policy.category-unknown",
					"No such category", definition.matchCategoryId());
		}
		if (definition.fallback() && policies.findAllInOrder()
			.stream()
			.anyMatch(p -> p.isFallback() && !p.getId().equals(policy.getId()))) {
			throw new InvalidInputException("fallback", "sla.policy.fallback-taken",
					"Another policy is already the fallback");
		}
		if (definition.targets().isEmpty()) {
			throw new InvalidInputException("targets", "sla.policy.targets-required",
					"Give the targets for at least one ticket type and priority");
		}
		policy.setName(definition.name());
		policy.setCalendarId(definition.calendarId());
		policy.setPosition(definition.position());
		policy.setFallback(definition.fallback());
		if (definition.ttoMetBy() != null) {
			policy.setTtoMetBy(definition.ttoMetBy());
		}
		policy.pausing(definition.pauseOnUser(), definition.pauseOnSupplier(), definition.pauseOnApproval());
		if (definition.atRiskPercent() != null) {
			policy.setAtRiskPercent(definition.atRiskPercent());
		}
		policy.conditions(definition.matchType(), definition.matchCategoryId(), definition.matchDepartment(),
				definition.matchVip());
		policy.clearTargets();
		for (int i = 0; i < definition.targets().size(); i++) {
			TargetDefinition target = definition.targets().get(i);
			try {
				policy.target(target.type(), target.priority(), target.timeToOwn(), target.timeToResolve());
			}
			catch (InvalidInputException ex) {
				throw new InvalidInputException("targets[" + i + "]." + ex.field(), ex.messageKey(), ex.getMessage(),
						ex.arguments());
			}
		}
		SlaPolicy saved = policies.save(policy);
		if (id != null) {
			// the tickets it counts take its new targets, pauses and calendar at the next check
			clocks.recomputeRunning(id, clock.instant());
		}
		return saved;
	}

	/**
	 * Moves a policy one place earlier ({@code -1}) or later ({@code +1}) in the order policies
	 * are tried in, numbering the positions 1, 2, 3... The fallback stays last, whatever its position.
	 */
	public void move(long id, int offset) {
		List<SlaPolicy> ordered = new ArrayList<>(policies.findAllInOrder().stream().filter(p -> !p.isFallback()).toList());
		int from = ordered.indexOf(get(id));
		int to = from + offset;
		if (from >= 0 && to >= 0 && to < ordered.size()) {
			Collections.swap(ordered, from, to);
		}
		for (int i = 0; i < ordered.size(); i++) {
			ordered.get(i).setPosition(i + 1);
		}
	}

	/**
	 * Deletes a policy no ticket was measured against; one in use is kept for the KPIs. Other
	 * modules may veto the deletion ({@link SlaPolicyDeleting}).
	 */
	public void delete(long id) {
		SlaPolicy policy = get(id);
		if (clocks.existsByPolicyId(id)) {
			throw new ConflictException("sla.policy.in-use",
					"Tickets were measured against this policy: give it no conditions and a late position instead",
					policy.getName());
		}
		events.publishEvent(new SlaPolicyDeleting(id, policy.getName()));
		policies.delete(policy);
	}

}

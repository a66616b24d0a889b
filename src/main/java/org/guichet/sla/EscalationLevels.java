package org.guichet.sla;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.guichet.directory.SupportGroupDeleting;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.system.ConflictException;
import org.guichet.system.InvalidInputException;
import org.guichet.system.PartChanges;
import org.guichet.system.VersionMismatchException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Defines the automatic escalation levels of each SLA policy, refusing what could not work: a
 * level without action, an unknown group or person, a share outside 1 to 200 %, a level that
 * could never come after the one before it on the same clock.
 */
@Service
@Transactional
public class EscalationLevels {

	private static final int MAX_LEVELS = 20;

	private final EscalationLevelRepository levels;

	private final SlaPolicies policies;

	private final SupportGroupRepository groups;

	private final UserRepository users;

	private final TicketSlaRepository clocks;

	private final PartChanges parts;

	private final Clock clock;

	EscalationLevels(EscalationLevelRepository levels, SlaPolicies policies, SupportGroupRepository groups,
			UserRepository users, TicketSlaRepository clocks, PartChanges parts, Clock clock) {
		this.parts = parts;
		this.levels = levels;
		this.policies = policies;
		this.groups = groups;
		this.users = users;
		this.clocks = clocks;
		this.clock = clock;
	}

	/**
	 * @param id the level this definition keeps, with what already fired for it; null for a new
	 * level
	 * @param percent the share of the target, for {@link EscalationTrigger#SHARE}
	 * @param duration business time before or after the deadline, for the other triggers
	 * @param groupId where {@code reassign} moves the ticket; null for the first group of the
	 * next support level
	 * @param observerId a person to add as observer, or null
	 */
	public record LevelDefinition(@Nullable Long id, @Nullable SlaClock clock, @Nullable EscalationTrigger trigger,
			@Nullable Integer percent, @Nullable Duration duration, boolean notifyTechnician,
			boolean notifySupervisor, boolean notifyGroup, boolean raisePriority, boolean reassign,
			@Nullable Long groupId, @Nullable Long observerId) {
	}

	/** A group an escalation level moves tickets to stays. */
	@EventListener
	void on(SupportGroupDeleting deleting) {
		List<String> using = levels.findPolicyNamesReassigningTo(deleting.groupId());
		if (!using.isEmpty()) {
			throw new ConflictException("escalation.group.in-use", "An escalation level moves tickets to the group",
					deleting.name(), String.join(", ", using));
		}
	}

	@Transactional(readOnly = true)
	public List<EscalationLevel> of(long policyId) {
		policies.get(policyId);
		return levels.findByPolicyIdOrderByPosition(policyId);
	}

	/**
	 * A policy's levels, part of the policy: they have its version.
	 *
	 * @param levels in order, empty for none
	 * @param policyVersion the policy's version, the levels' ETag in the API
	 */
	public record PolicyLevels(List<EscalationLevel> levels, long policyVersion) {
	}

	/** @throws org.guichet.system.NotFoundException when there is no such policy */
	@Transactional(readOnly = true)
	public PolicyLevels withVersion(long policyId) {
		SlaPolicy policy = policies.get(policyId);
		return new PolicyLevels(levels.findByPolicyIdOrderByPosition(policyId), policy.getVersion());
	}

	/**
	 * Replaces the levels of a policy by {@code definitions}, in this order. A definition that
	 * names the id of one of the policy's levels keeps that level, whatever its new position, so
	 * the tickets on which it fired do not see it again; one without id is a new level, which
	 * has fired nowhere; a level left out is deleted with the record of where it fired. The
	 * policy's running clocks fall due, so that the next check schedules the new levels.
	 *
	 * The levels are part of the policy: replacing them raises its version, unless the definitions
	 * are the levels as they are (the same ids, in the same order, defined alike), which changes
	 * nothing and raises nothing.
	 *
	 * @param expectedVersion the policy's version the change was made on; null checks nothing
	 * @throws VersionMismatchException ({@code sla.policy.stale}) when the policy changed since
	 * {@code expectedVersion}, as a change of the policy itself
	 * @throws InvalidInputException on {@code levels[i].id} for an id that is not one of the
	 * policy's levels or comes twice, on the field at fault for a level that could not work, and
	 * ({@code escalation.level.not-for-trigger}) on {@code levels[i].percent} given to a level
	 * whose trigger is a duration, or {@code levels[i].duration} to one whose trigger is a share
	 */
	public PolicyLevels replace(long policyId, @Nullable Long expectedVersion, List<LevelDefinition> definitions) {
		SlaPolicy policy = policies.get(policyId);
		SlaPolicies.checkVersion(policy, expectedVersion);
		List<EscalationLevel> current = levels.findByPolicyIdOrderByPosition(policyId);
		if (current.stream().map(EscalationLevel::definition).toList().equals(definitions)) {
			return new PolicyLevels(current, policy.getVersion());
		}
		parts.changed(policy);
		if (definitions.size() > MAX_LEVELS) {
			throw new InvalidInputException("levels", "escalation.level.too-many", "At most 20 levels",
					MAX_LEVELS);
		}
		Map<Long, EscalationLevel> existing = new HashMap<>();
		current.forEach(level -> existing.put(level.getId(), level));
		Map<Long, EscalationLevel> kept = new HashMap<>();
		List<EscalationLevel> wanted = new ArrayList<>();
		for (int i = 0; i < definitions.size(); i++) {
			LevelDefinition definition = definitions.get(i);
			String prefix = "levels[" + i + "].";
			check(prefix, definition);
			EscalationLevel level = definition.id() == null ? new EscalationLevel(policyId, i)
					: kept(prefix, definition.id(), existing, kept);
			level.define(definition);
			for (int j = 0; j < wanted.size(); j++) {
				if (wanted.get(j).notBefore(level)) {
					throw new InvalidInputException("levels[" + i + "]", "escalation.level.out-of-order",
							"Level " + (i + 1) + " can never fire after level " + (j + 1) + " on the same clock",
							i + 1, j + 1);
				}
			}
			wanted.add(level);
		}
		existing.keySet().removeAll(kept.keySet());
		levels.deleteAll(existing.values());
		// (policy, position) is unique: the kept levels step aside before they take their new places
		kept.values().forEach(level -> level.moveTo(-1 - level.getPosition()));
		levels.flush();
		for (int i = 0; i < wanted.size(); i++) {
			wanted.get(i).moveTo(i);
		}
		List<EscalationLevel> saved = levels.saveAll(wanted);
		clocks.checkAgain(policyId, clock.instant());
		return new PolicyLevels(saved, policy.getVersion());
	}

	private static EscalationLevel kept(String prefix, long id, Map<Long, EscalationLevel> existing,
			Map<Long, EscalationLevel> kept) {
		EscalationLevel level = existing.get(id);
		if (level == null) {
			throw new InvalidInputException(prefix + "id", "escalation.level.unknown",
					"Level " + id + " is not a level of this policy: leave the id out for a new level", id);
		}
		if (kept.put(id, level) != null) {
			throw new InvalidInputException(prefix + "id", "escalation.level.twice",
					"Level " + id + " is in the list twice", id);
		}
		return level;
	}

	private void check(String prefix, LevelDefinition level) {
		if (level.clock() == null) {
			throw new InvalidInputException(prefix + "clock", "field.required", "Choose the TTO or TTR clock");
		}
		if (level.trigger() == null) {
			throw new InvalidInputException(prefix + "trigger", "field.required",
					"Choose a share of the target or a duration before or after the deadline");
		}
		if (level.trigger() == EscalationTrigger.SHARE) {
			if (level.duration() != null) {
				throw notForTrigger(prefix + "duration", level.trigger());
			}
			if (level.percent() == null || level.percent() < 1 || level.percent() > 200) {
				throw new InvalidInputException(prefix + "percent", "escalation.level.share-range",
						"The share of the target must be from 1 to 200 %");
			}
		}
		else if (level.percent() != null) {
			throw notForTrigger(prefix + "percent", level.trigger());
		}
		else if (level.duration() == null || level.duration().toMinutes() < 1
				|| level.duration().compareTo(Duration.ofDays(365)) > 0) {
			throw new InvalidInputException(prefix + "duration", "escalation.level.duration-range",
					"The duration must be from one minute to a year");
		}
		if (!level.notifyTechnician() && !level.notifySupervisor() && !level.notifyGroup() && !level.raisePriority()
				&& !level.reassign() && level.observerId() == null) {
			throw new InvalidInputException(prefix.substring(0, prefix.length() - 1), "escalation.level.no-action",
					"Give the level at least one action");
		}
		if (level.reassign() && level.groupId() != null && !groups.existsById(level.groupId())) {
			throw new InvalidInputException(prefix + "groupId", "group.unknown", "No such group", level.groupId());
		}
		if (level.observerId() != null
				&& users.findById(level.observerId()).filter(User::isActive).isEmpty()) {
			throw new InvalidInputException(prefix + "observerId", "user.unknown",
					"No active user " + level.observerId(), level.observerId());
		}
	}

	/** A member given to a level whose trigger does not read it: refused rather than dropped. */
	private static InvalidInputException notForTrigger(String field, EscalationTrigger trigger) {
		return new InvalidInputException(field, "escalation.level.not-for-trigger",
				field + " does not apply to a level triggered by " + trigger + ": leave it out", trigger);
	}

}

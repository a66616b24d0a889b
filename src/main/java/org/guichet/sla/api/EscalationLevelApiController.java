package org.guichet.sla.api;

import java.time.Duration;
import java.util.List;

import org.guichet.sla.EscalationLevel;
import org.guichet.sla.EscalationLevels;
import org.guichet.sla.EscalationTrigger;
import org.guichet.sla.SlaClock;
import org.guichet.system.IfMatch;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The automatic escalation levels of an SLA policy, replaced as a whole ordered list. A level
 * sent with its id is kept, wherever it moves; one without id is new; one left out is removed.
 * The levels are part of the policy: they carry its version, which a change must name
 * ({@code If-Match} or {@code version}, 428 without) and raises.
 */
@RestController
@RequestMapping("/api/v1/sla-policies/{id}/escalation-levels")
class EscalationLevelApiController {

	private final EscalationLevels levels;

	EscalationLevelApiController(EscalationLevels levels) {
		this.levels = levels;
	}

	/**
	 * @param id the level this one keeps, with the tickets on which it already fired; null or
	 * absent for a new level
	 * @param percent the share of the target, for trigger SHARE
	 * @param duration business time (ISO-8601) before or after the deadline, for BEFORE and AFTER
	 * @param groupId where {@code reassign} moves the ticket; null or absent for the first group of the
	 * next support level
	 * @param observerId the person made observer of the ticket; null or absent: none
	 */
	record LevelJson(@Nullable Long id, SlaClock clock, EscalationTrigger trigger, @Nullable Integer percent,
			@Nullable Duration duration, boolean notifyTechnician, boolean notifySupervisor, boolean notifyGroup,
			boolean raisePriority, boolean reassign, @Nullable Long groupId, @Nullable Long observerId) {

		static LevelJson of(EscalationLevel level) {
			boolean share = level.getTriggerKind() == EscalationTrigger.SHARE;
			return new LevelJson(level.getId(), level.getClock(), level.getTriggerKind(),
					share ? level.getPercent() : null, share ? null : level.duration(), level.isNotifyTechnician(),
					level.isNotifySupervisor(), level.isNotifyGroup(), level.isRaisePriority(), level.isReassign(),
					level.getReassignGroupId(), level.getObserverId());
		}

		EscalationLevels.LevelDefinition definition() {
			return new EscalationLevels.LevelDefinition(id, clock, trigger, percent, duration, notifyTechnician,
					notifySupervisor, notifyGroup, raisePriority, reassign, groupId, observerId);
		}

	}

	/**
	 * @param levels every level of the policy, in order; empty for none
	 * @param version the policy's version: read, its ETag; sent, what the change was made on (or
	 *        {@code If-Match})
	 */
	record LevelsJson(List<LevelJson> levels, @Nullable Long version) {

		static LevelsJson of(EscalationLevels.PolicyLevels levels) {
			return new LevelsJson(levels.levels().stream().map(LevelJson::of).toList(), levels.policyVersion());
		}

	}

	@GetMapping
	@PreAuthorize("hasAnyRole('TECHNICIAN','SUPERVISOR','ADMINISTRATOR')")
	LevelsJson list(@PathVariable long id) {
		return LevelsJson.of(levels.withVersion(id));
	}

	@PutMapping
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	LevelsJson replace(@PathVariable long id, @RequestBody LevelsJson json,
			@RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch) {
		long version = IfMatch.required(ifMatch, json.version());
		return LevelsJson.of(levels.replace(id, version, json.levels().stream().map(LevelJson::definition).toList()));
	}

}

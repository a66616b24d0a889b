package org.guichet.sla.api;

import java.time.Duration;
import java.util.List;

import org.guichet.sla.EscalationLevel;
import org.guichet.sla.EscalationLevels;
import org.guichet.sla.EscalationTrigger;
import org.guichet.sla.SlaClock;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The automatic escalation levels of an SLA policy, replaced as a whole ordered list. A level
 * sent with its id is kept, wherever it moves; one without id is new; one left out is removed.
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
	 * @param groupId where {@code reassign} moves the ticket; null for the first group of the
	 * next support level
	 */
	record LevelJson(@Nullable Long id, @Nullable SlaClock clock, @Nullable EscalationTrigger trigger,
			@Nullable Integer percent, @Nullable Duration duration, @Nullable Boolean notifyTechnician,
			@Nullable Boolean notifySupervisor, @Nullable Boolean notifyGroup, @Nullable Boolean raisePriority,
			@Nullable Boolean reassign, @Nullable Long groupId, @Nullable Long observerId) {

		static LevelJson of(EscalationLevel level) {
			boolean share = level.getTriggerKind() == EscalationTrigger.SHARE;
			return new LevelJson(level.getId(), level.getClock(), level.getTriggerKind(),
					share ? level.getPercent() : null, share ? null : level.duration(), level.isNotifyTechnician(),
					level.isNotifySupervisor(), level.isNotifyGroup(), level.isRaisePriority(), level.isReassign(),
					level.getReassignGroupId(), level.getObserverId());
		}

		EscalationLevels.LevelDefinition definition() {
			return new EscalationLevels.LevelDefinition(id, clock, trigger, percent, duration, yes(notifyTechnician),
					yes(notifySupervisor), yes(notifyGroup), yes(raisePriority), yes(reassign), groupId, observerId);
		}

		/** An action left out is not taken. */
		private static boolean yes(@Nullable Boolean action) {
			return Boolean.TRUE.equals(action);
		}

	}

	record LevelsJson(@Nullable List<LevelJson> levels) {
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('TECHNICIAN','SUPERVISOR','ADMINISTRATOR')")
	LevelsJson list(@PathVariable long id) {
		return new LevelsJson(levels.of(id).stream().map(LevelJson::of).toList());
	}

	@PutMapping
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	LevelsJson replace(@PathVariable long id, @RequestBody LevelsJson json) {
		List<LevelJson> wanted = json.levels() == null ? List.of() : json.levels();
		return new LevelsJson(levels.replace(id, wanted.stream().map(LevelJson::definition).toList())
			.stream()
			.map(LevelJson::of)
			.toList());
	}

}

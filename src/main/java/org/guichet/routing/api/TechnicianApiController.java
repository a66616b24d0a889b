package org.guichet.routing.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.guichet.routing.Absence;
import org.guichet.routing.Assignment;
import org.guichet.routing.AssignmentMode;
import org.guichet.routing.Technicians;
import org.guichet.system.IfMatch;
import org.guichet.system.MultiLine;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Technicians' skills and absences, and each group's auto-assignment mode. Supervisors manage
 * absences (they plan the team); administrators manage skills and modes. Skills are part of the
 * user and a mode part of the group: they carry its version, which a change must name
 * ({@code If-Match} or {@code version}, 428 without) and raises.
 */
@RestController
@RequestMapping("/api/v1")
class TechnicianApiController {

	private static final String AGENTS = "hasAnyRole('TECHNICIAN','SUPERVISOR','ADMINISTRATOR')";

	private final Technicians technicians;

	private final Assignment assignment;

	TechnicianApiController(Technicians technicians, Assignment assignment) {
		this.technicians = technicians;
		this.assignment = assignment;
	}

	@GetMapping("/technicians/{id}/skills")
	@PreAuthorize(AGENTS)
	SkillsJson skills(@PathVariable long id) {
		return SkillsJson.of(technicians.skills(id));
	}

	@PutMapping("/technicians/{id}/skills")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	SkillsJson setSkills(@PathVariable long id, @Valid @RequestBody SkillsJson json,
			@RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch) {
		long version = IfMatch.required(ifMatch, json.version());
		return SkillsJson.of(technicians.setSkills(id, version, json.categoryIds()));
	}

	@GetMapping("/technicians/{id}/absences")
	@PreAuthorize(AGENTS)
	List<AbsenceJson> absences(@PathVariable long id) {
		return technicians.absences(id).stream().map(AbsenceJson::of).toList();
	}

	@PostMapping("/technicians/{id}/absences")
	@PreAuthorize("hasAnyRole('SUPERVISOR','ADMINISTRATOR')")
	ResponseEntity<AbsenceJson> addAbsence(@PathVariable long id, @Valid @RequestBody AbsenceJson json) {
		Absence absence = technicians.addAbsence(id, json.from(), json.to(), json.reason());
		return ResponseEntity.created(URI.create("/api/v1/technicians/" + id + "/absences/" + absence.getId()))
			.body(AbsenceJson.of(absence));
	}

	@DeleteMapping("/technicians/{id}/absences/{absenceId}")
	@PreAuthorize("hasAnyRole('SUPERVISOR','ADMINISTRATOR')")
	ResponseEntity<Void> deleteAbsence(@PathVariable long id, @PathVariable long absenceId) {
		technicians.deleteAbsence(id, absenceId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/groups/{id}/assignment")
	@PreAuthorize(AGENTS)
	AssignmentJson assignment(@PathVariable long id) {
		return AssignmentJson.of(assignment.of(id));
	}

	@PutMapping("/groups/{id}/assignment")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	AssignmentJson setAssignment(@PathVariable long id, @Valid @RequestBody AssignmentJson json,
			@RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch) {
		long version = IfMatch.required(ifMatch, json.version());
		return AssignmentJson.of(assignment.setMode(id, version, json.mode()));
	}

	/**
	 * @param version the technician's user version: read, its ETag; sent, what the change was made
	 *        on (or {@code If-Match})
	 */
	record SkillsJson(@NotNull @Size(max = 500) List<Long> categoryIds, @Nullable Long version) {

		static SkillsJson of(Technicians.SkillSet skills) {
			return new SkillsJson(skills.categoryIds(), skills.userVersion());
		}

	}

	record AbsenceJson(@Nullable Long id, @NotNull Instant from, @NotNull Instant to,
			@Nullable @Size(max = 200) @MultiLine String reason) {

		static AbsenceJson of(Absence absence) {
			return new AbsenceJson(absence.getId(), absence.getStartsAt(), absence.getEndsAt(), absence.getReason());
		}

	}

	/**
	 * @param version the group's version: read, its ETag; sent, what the change was made on (or
	 *        {@code If-Match})
	 */
	record AssignmentJson(@NotNull AssignmentMode mode, @Nullable Long version) {

		static AssignmentJson of(Assignment.GroupMode mode) {
			return new AssignmentJson(mode.mode(), mode.groupVersion());
		}

	}

}

package org.guichet.routing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.system.InvalidInputException;
import org.guichet.system.NotFoundException;
import org.guichet.system.PartChanges;
import org.guichet.system.VersionMismatchException;
import org.guichet.tickets.CategoryRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Technicians' skills (the categories they handle) and absences, which auto-assignment heeds.
 */
@Service
@Transactional
public class Technicians {

	static final int REASON_MAX = 200;

	private final UserRepository users;

	private final CategoryRepository categories;

	private final Skills skills;

	private final AbsenceRepository absences;

	private final PartChanges parts;

	Technicians(UserRepository users, CategoryRepository categories, Skills skills, AbsenceRepository absences,
			PartChanges parts) {
		this.users = users;
		this.categories = categories;
		this.skills = skills;
		this.absences = absences;
		this.parts = parts;
	}

	/**
	 * A technician's skills, part of the user: they have the user's version.
	 *
	 * @param categoryIds the categories they handle, by id; empty for a generalist
	 * @param userVersion the user's version, its ETag in the API
	 */
	public record SkillSet(List<Long> categoryIds, long userVersion) {
	}

	/** @throws NotFoundException ({@code routing.technician.not-found}) when there is no such agent */
	@Transactional(readOnly = true)
	public SkillSet skills(long technicianId) {
		return new SkillSet(skills.of(technicianId), technician(technicianId).getVersion());
	}

	/**
	 * Replaces the technician's skills, which raises the user's version; none makes them a
	 * generalist.
	 *
	 * @param expectedVersion the user's version the change was made on; null checks nothing
	 * @throws NotFoundException ({@code routing.technician.not-found}) when there is no such agent
	 * @throws VersionMismatchException when the user changed since {@code expectedVersion}
	 * @throws InvalidInputException on {@code categoryIds} for an unknown category
	 */
	public SkillSet setSkills(long technicianId, @Nullable Long expectedVersion, List<Long> categoryIds) {
		User technician = technician(technicianId);
		if (expectedVersion != null) {
			VersionMismatchException.check(expectedVersion, technician.getVersion());
		}
		for (Long categoryId : categoryIds) {
			if (categoryId == null || !categories.existsById(categoryId)) {
				throw new InvalidInputException("categoryIds", "routing.skill.category-unknown", "No such category",
						categoryId);
			}
		}
		skills.replace(technicianId, categoryIds);
		parts.changed(technician);
		return new SkillSet(skills.of(technicianId), technician.getVersion());
	}

	/**
	 * Those of the people who are away at that instant (an absence starting at or before it and
	 * ending after it), in one query.
	 */
	@Transactional(readOnly = true)
	public Set<Long> absentAt(Collection<Long> userIds, Instant at) {
		return userIds.isEmpty() ? Set.of() : Set.copyOf(absences.findAbsentAt(userIds, at));
	}

	@Transactional(readOnly = true)
	public List<Absence> absences(long technicianId) {
		technician(technicianId);
		return absences.findByUser(technicianId);
	}

	public Absence addAbsence(long technicianId, Instant from, Instant to, @Nullable String reason) {
		technician(technicianId);
		if (!to.isAfter(from)) {
			throw new InvalidInputException("to", "routing.absence.empty", "The absence must end after it starts");
		}
		String text = reason == null || reason.isBlank() ? null : reason.strip();
		if (text != null && text.length() > REASON_MAX) {
			throw new InvalidInputException("reason", "field.too-long", "The reason is too long", REASON_MAX);
		}
		return absences.save(new Absence(technicianId, from, to, text));
	}

	public void deleteAbsence(long technicianId, long absenceId) {
		absences.delete(absences.findOfUser(technicianId, absenceId)
			.orElseThrow(() -> new NotFoundException("routing.absence.not-found", "No such absence", absenceId)));
	}

	private User technician(long id) {
		return users.findById(id)
			.filter(u -> u.getRole().isAgent())
			.orElseThrow(() -> new NotFoundException("routing.technician.not-found", "No technician " + id, id));
	}

}

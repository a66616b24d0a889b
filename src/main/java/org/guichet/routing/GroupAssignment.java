package org.guichet.routing;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A group's auto-assignment mode, and whose turn it was last in round-robin.
 */
@Entity
class GroupAssignment {

	@Id
	private Long groupId;

	@Enumerated(EnumType.STRING)
	private AssignmentMode mode;

	private @Nullable Long lastAssigneeId;

	@Version
	private long version;

	@SuppressWarnings("NullAway")
	protected GroupAssignment() {
		this.mode = AssignmentMode.NONE;
	}

	GroupAssignment(long groupId, AssignmentMode mode) {
		this.groupId = groupId;
		this.mode = mode;
	}

	AssignmentMode getMode() {
		return mode;
	}

	void setMode(AssignmentMode mode) {
		this.mode = mode;
	}

	@Nullable
	Long getLastAssigneeId() {
		return lastAssigneeId;
	}

	void assignedTo(long technicianId) {
		this.lastAssigneeId = technicianId;
	}

}

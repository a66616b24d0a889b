package org.guichet.tickets;

import java.io.Serializable;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * One cell of the priority matrix as the administrator saved it.
 */
@Entity
class PriorityRule {

	@EmbeddedId
	private Cell cell;

	@Enumerated(EnumType.STRING)
	private Priority priority;

	protected PriorityRule() {
		this.cell = new Cell(Urgency.MEDIUM, Impact.MEDIUM);
		this.priority = Priority.MEDIUM;
	}

	PriorityRule(Urgency urgency, Impact impact, Priority priority) {
		this.cell = new Cell(urgency, impact);
		this.priority = priority;
	}

	Cell cell() {
		return cell;
	}

	Priority priority() {
		return priority;
	}

	@Embeddable
	record Cell(@Enumerated(EnumType.STRING) Urgency urgency, @Enumerated(EnumType.STRING) Impact impact)
			implements Serializable {
	}

}

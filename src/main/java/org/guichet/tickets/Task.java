package org.guichet.tickets;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.guichet.directory.User;
import org.jspecify.annotations.Nullable;

/**
 * A piece of the work a ticket is decomposed into.
 */
@Entity
@Table(name = "ticket_task")
public class Task {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "ticket_id")
	private Ticket ticket;

	private String title;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "assignee_id")
	private @Nullable User assignee;

	@Enumerated(EnumType.STRING)
	private TaskStatus status = TaskStatus.TODO;

	private @Nullable Integer plannedMinutes;

	private @Nullable Integer actualMinutes;

	private Instant createdAt;

	@SuppressWarnings("NullAway")
	protected Task() {
		this.title = "";
		this.createdAt = Instant.EPOCH;
	}

	Task(Ticket ticket, String title, @Nullable User assignee, @Nullable Integer plannedMinutes, Instant createdAt) {
		this.ticket = ticket;
		this.title = title;
		this.assignee = assignee;
		this.plannedMinutes = plannedMinutes;
		this.createdAt = createdAt;
	}

	void update(TaskStatus status, @Nullable Integer actualMinutes) {
		this.status = status;
		this.actualMinutes = actualMinutes;
	}

	public @Nullable Long getId() {
		return id;
	}

	public String getTitle() {
		return title;
	}

	public @Nullable User getAssignee() {
		return assignee;
	}

	public TaskStatus getStatus() {
		return status;
	}

	public @Nullable Integer getPlannedMinutes() {
		return plannedMinutes;
	}

	public @Nullable Integer getActualMinutes() {
		return actualMinutes;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

}

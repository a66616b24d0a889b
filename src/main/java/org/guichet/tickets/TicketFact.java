package org.guichet.tickets;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/**
 * The facts the KPIs count about one ticket (table {@code ticket_fact}, columns defined in
 * {@code docs/KPIS.md}), as the lists' drill-down criteria read them in JPQL. Never written
 * through this entity: the facts are derived from the ticket's history and written with SQL, in
 * the transaction of each change.
 */
@Entity
@Immutable
@Table(name = "ticket_fact")
class TicketFact {

	@Id
	@Column(name = "ticket_id")
	private long ticketId;

	@Enumerated(EnumType.STRING)
	private TicketType type = TicketType.INCIDENT;

	@Enumerated(EnumType.STRING)
	private Channel channel = Channel.PORTAL;

	@Enumerated(EnumType.STRING)
	private Priority priority = Priority.MEDIUM;

	private @Nullable Long categoryId;

	private @Nullable Long groupId;

	private @Nullable Long assigneeId;

	private @Nullable String department;

	@Enumerated(EnumType.STRING)
	private Status status = Status.NEW;

	private Instant createdAt = Instant.EPOCH;

	private LocalDate createdDay = LocalDate.EPOCH;

	private short createdHour;

	private short createdWeekday;

	private @Nullable Instant ownedAt;

	private @Nullable Instant firstResponseAt;

	private @Nullable Instant resolvedAt;

	private @Nullable LocalDate resolvedDay;

	private @Nullable Instant closedAt;

	private @Nullable LocalDate closedDay;

	private @Nullable Instant cancelledAt;

	private boolean merged;

	private @Nullable Long ownSeconds;

	private @Nullable Long ownBusinessSeconds;

	private @Nullable Long firstResponseSeconds;

	private @Nullable Long resolutionSeconds;

	private @Nullable Long resolutionBusinessSeconds;

	private @Nullable Long slaPolicyId;

	private @Nullable Instant ttoDeadline;

	private @Nullable Boolean ttoMet;

	private @Nullable Instant ttrDeadline;

	private @Nullable Boolean ttrMet;

	private int reopenCount;

	private int refusalCount;

	private int functionalEscalations;

	private int hierarchicalEscalations;

	private int automaticEscalations;

	private @Nullable Long firstGroupId;

	private @Nullable Boolean resolvedFirstLevel;

	private @Nullable Boolean resolvedFirstContact;

	private @Nullable Short rating;

	private @Nullable Instant ratedAt;

	private boolean surveyed;

	private @Nullable Instant approvalRequestedAt;

	private @Nullable Instant approvalDecidedAt;

	private @Nullable String approvalOutcome;

	private @Nullable Long approvalSeconds;

	protected TicketFact() {
	}

}

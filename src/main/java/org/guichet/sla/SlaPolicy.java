package org.guichet.sla;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;
import org.guichet.system.InvalidInputException;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.Priority;
import org.guichet.tickets.TicketType;
import org.jspecify.annotations.Nullable;

/**
 * Targets per ticket type and priority on a business calendar, with the conditions under which
 * the policy applies. Policies are tried in order of position; the fallback applies when none
 * matches.
 */
@EntityListeners(PolicyChanges.class)
@Entity
public class SlaPolicy {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String name;

	private long calendarId;

	private int position;

	private boolean fallback;

	@Enumerated(EnumType.STRING)
	private TtoTrigger ttoMetBy = TtoTrigger.TAKEN_IN_CHARGE;

	private boolean pauseOnUser = true;

	private boolean pauseOnSupplier = true;

	private boolean pauseOnApproval = true;

	private int atRiskPercent = SlaTargets.DEFAULT_AT_RISK_PERCENT;

	@Enumerated(EnumType.STRING)
	private @Nullable TicketType matchType;

	private @Nullable Long matchCategoryId;

	private @Nullable String matchDepartment;

	private @Nullable Boolean matchVip;

	@ElementCollection
	@CollectionTable(name = "sla_target", joinColumns = @JoinColumn(name = "policy_id"))
	private List<SlaTarget> targets = new ArrayList<>();

	@Version
	private long version;

	protected SlaPolicy() {
		this.name = "";
	}

	public SlaPolicy(String name, long calendarId) {
		this.name = name;
		this.calendarId = calendarId;
	}

	/**
	 * Sets the targets of one type and priority, refusing a TTR shorter than the TTO.
	 */
	public void target(TicketType type, Priority priority, Duration timeToOwn, Duration timeToResolve) {
		new SlaTargets(timeToOwn, timeToResolve, atRiskPercent);
		targets.removeIf(t -> t.ticketType() == type && t.priority() == priority);
		targets.add(new SlaTarget(type, priority, Math.toIntExact(timeToOwn.toMinutes()),
				Math.toIntExact(timeToResolve.toMinutes())));
	}

	public void clearTargets() {
		targets.clear();
	}

	public Optional<SlaTargets> targetsFor(TicketType type, Priority priority) {
		return targets.stream()
			.filter(t -> t.ticketType() == type && t.priority() == priority)
			.findFirst()
			.map(t -> new SlaTargets(Duration.ofMinutes(t.ttoMinutes()), Duration.ofMinutes(t.ttrMinutes()),
					atRiskPercent));
	}

	/**
	 * @param categoryIds the ticket's category and its parents up to the root
	 * ({@link org.guichet.tickets.Categories#lineage}), so that a policy on a category also covers
	 * its sub-categories at any depth
	 */
	public boolean matches(TicketType type, List<Long> categoryIds, @Nullable String department, boolean vip) {
		return (matchType == null || matchType == type)
				&& (matchCategoryId == null || categoryIds.contains(matchCategoryId))
				&& (matchDepartment == null || matchDepartment.equalsIgnoreCase(department))
				&& (matchVip == null || matchVip == vip);
	}

	public boolean pauses(@Nullable PendingReason reason) {
		if (reason == null) {
			return false;
		}
		return switch (reason) {
			case USER -> pauseOnUser;
			case SUPPLIER -> pauseOnSupplier;
			case APPROVAL -> pauseOnApproval;
		};
	}

	public void conditions(@Nullable TicketType type, @Nullable Long categoryId, @Nullable String department,
			@Nullable Boolean vip) {
		this.matchType = type;
		this.matchCategoryId = categoryId;
		this.matchDepartment = department == null || department.isBlank() ? null : department.strip();
		this.matchVip = vip;
	}

	public void pausing(boolean onUser, boolean onSupplier, boolean onApproval) {
		this.pauseOnUser = onUser;
		this.pauseOnSupplier = onSupplier;
		this.pauseOnApproval = onApproval;
	}

	public void setAtRiskPercent(int atRiskPercent) {
		if (atRiskPercent < 1 || atRiskPercent > 99) {
			throw new InvalidInputException("atRiskPercent", "sla.target.risk-percent",
					"The at-risk share must be from 1 to 99 %");
		}
		this.atRiskPercent = atRiskPercent;
	}

	public @Nullable Long getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public long getCalendarId() {
		return calendarId;
	}

	public void setCalendarId(long calendarId) {
		this.calendarId = calendarId;
	}

	public int getPosition() {
		return position;
	}

	public void setPosition(int position) {
		this.position = position;
	}

	public boolean isFallback() {
		return fallback;
	}

	public void setFallback(boolean fallback) {
		this.fallback = fallback;
	}

	public TtoTrigger getTtoMetBy() {
		return ttoMetBy;
	}

	public void setTtoMetBy(TtoTrigger ttoMetBy) {
		this.ttoMetBy = ttoMetBy;
	}

	public boolean isPauseOnUser() {
		return pauseOnUser;
	}

	public boolean isPauseOnSupplier() {
		return pauseOnSupplier;
	}

	public boolean isPauseOnApproval() {
		return pauseOnApproval;
	}

	public int getAtRiskPercent() {
		return atRiskPercent;
	}

	public @Nullable TicketType getMatchType() {
		return matchType;
	}

	public @Nullable Long getMatchCategoryId() {
		return matchCategoryId;
	}

	public @Nullable String getMatchDepartment() {
		return matchDepartment;
	}

	public @Nullable Boolean getMatchVip() {
		return matchVip;
	}

	public List<SlaTarget> getTargets() {
		return List.copyOf(targets);
	}

	public long getVersion() {
		return version;
	}

}

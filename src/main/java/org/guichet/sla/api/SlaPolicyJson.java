package org.guichet.sla.api;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.guichet.sla.SlaPolicy;
import org.guichet.sla.TtoTrigger;
import org.guichet.tickets.Priority;
import org.guichet.tickets.TicketType;
import org.jspecify.annotations.Nullable;

/**
 * An SLA policy as the API reads and writes it. Durations are ISO-8601 business time
 * ({@code PT4H}, {@code PT37H30M}).
 *
 * @param ttoMetBy what meets the time to own; null or absent: the desk's default
 * @param pauseOn null or absent: the clock pauses on every pending reason
 * @param atRiskPercent null or absent: the desk's default
 * @param conditions null or absent, or a member null: matches every ticket (a fallback policy)
 * @param version needed to change one (absent when If-Match names it), ignored when creating one
 */
record SlaPolicyJson(@Nullable Long id, @NotBlank @Size(max = 120) String name, @NotNull Long calendarId,
		int position, boolean fallback, @Nullable TtoTrigger ttoMetBy, @Nullable PauseOn pauseOn,
		@Nullable @Min(1) @Max(99) Integer atRiskPercent, @Nullable Conditions conditions,
		@NotNull @Valid List<Target> targets, @Nullable Long version) {

	record PauseOn(boolean user, boolean supplier, boolean approval) {
	}

	record Conditions(@Nullable TicketType type, @Nullable Long categoryId, @Nullable String department,
			@Nullable Boolean vip) {
	}

	record Target(@NotNull TicketType type, @NotNull Priority priority, @NotNull Duration timeToOwn,
			@NotNull Duration timeToResolve) {
	}

	static SlaPolicyJson of(SlaPolicy policy) {
		return new SlaPolicyJson(policy.getId(), policy.getName(), policy.getCalendarId(), policy.getPosition(),
				policy.isFallback(), policy.getTtoMetBy(),
				new PauseOn(policy.isPauseOnUser(), policy.isPauseOnSupplier(), policy.isPauseOnApproval()),
				policy.getAtRiskPercent(), new Conditions(policy.getMatchType(), policy.getMatchCategoryId(),
						policy.getMatchDepartment(), policy.getMatchVip()),
				policy.getTargets()
					.stream()
					.map(t -> new Target(t.ticketType(), t.priority(), Duration.ofMinutes(t.ttoMinutes()),
							Duration.ofMinutes(t.ttrMinutes())))
					.toList(),
				policy.getVersion());
	}

}

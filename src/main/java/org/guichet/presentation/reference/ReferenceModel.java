package org.guichet.presentation.reference;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.guichet.calendars.DurationText;
import org.guichet.directory.SupportLevel;
import org.guichet.sla.EscalationTrigger;
import org.guichet.sla.SlaClock;
import org.guichet.tickets.Impact;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.Priority;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;

/**
 * The generated reference pages' content, as the live configuration gives it: the category tree,
 * the priority matrix with the VIP rule, the support groups per level, and per SLA policy its
 * targets, pause reasons and escalation levels. Texts are the configuration's own names; the
 * template words the enumerations.
 *
 * @param categories every category under its parent, siblings by name
 * @param impacts the matrix's columns, in order
 * @param matrix one row per urgency, most urgent first
 * @param vipRaisesPriority whether a VIP requester's priority is raised one level
 * @param groupsPerLevel the support groups' names per level, by name; every level present, maybe empty
 * @param policies the SLA policies in the order they are tried
 */
public record ReferenceModel(List<CategoryLine> categories, List<Impact> impacts, List<MatrixRow> matrix,
		boolean vipRaisesPriority, Map<SupportLevel, List<String>> groupsPerLevel, List<PolicyReference> policies) {

	/** A business duration as the SLA pages write it: {@code 4h}, {@code 2h30}, {@code 45m}. */
	public String duration(Duration duration) {
		return DurationText.format(duration);
	}

	/**
	 * @param depth 0 for a root
	 * @param active false when requesters may no longer choose it
	 */
	public record CategoryLine(String name, int depth, boolean active) {
	}

	/** @param cells the priority per impact, in the order of {@link ReferenceModel#impacts()} */
	public record MatrixRow(Urgency urgency, List<Priority> cells) {
	}

	/**
	 * @param name the policy's name
	 * @param fallback whether it applies when no other matches
	 * @param calendar the business calendar its clocks count in
	 * @param type the ticket type it applies to, null for any
	 * @param category the category path it applies to (and under), null for any
	 * @param department the requester's department it applies to, null for any
	 * @param vip whether it applies to VIP requesters only (true), others only (false), or any (null)
	 * @param targets its targets by type then priority
	 * @param pausing the pending reasons during which its clocks pause
	 * @param escalations its escalation levels in the order they fire
	 */
	public record PolicyReference(String name, boolean fallback, String calendar, @Nullable TicketType type,
			@Nullable String category, @Nullable String department, @Nullable Boolean vip, List<TargetLine> targets,
			List<PendingReason> pausing, List<EscalationLine> escalations) {
	}

	/** @param timeToOwn and {@code timeToResolve}: business time */
	public record TargetLine(TicketType type, Priority priority, Duration timeToOwn, Duration timeToResolve) {
	}

	/**
	 * @param position from 1
	 * @param percent the share of the target for {@link EscalationTrigger#SHARE}, else 0
	 * @param minutes business minutes before or after the deadline, else 0
	 * @param actions what it does, as the keys of {@code admin.escalation.action.*} (e.g.
	 *     {@code notifySupervisor}), in a fixed order
	 * @param reassignTo the group it reassigns to, null for none or "the next level's first group"
	 */
	public record EscalationLine(int position, SlaClock clock, EscalationTrigger trigger, int percent, long minutes,
			List<String> actions, @Nullable String reassignTo) {
	}

}

package org.guichet.sla;

import java.time.Duration;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * One automatic escalation level of an SLA policy: when it fires, on which clock, and what it
 * does. It is due once its clock has used {@code percent} % of the target plus
 * {@code offsetMinutes} of business time (negative before the deadline); a share is stored as
 * its percent, a duration before or after the deadline as 100 % minus or plus the duration.
 */
@Entity
@Table(name = "sla_escalation_level")
public class EscalationLevel {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long policyId;

	private int position;

	@Enumerated(EnumType.STRING)
	private SlaClock clock;

	@Enumerated(EnumType.STRING)
	private EscalationTrigger triggerKind;

	private int percent;

	private int offsetMinutes;

	private boolean notifyTechnician;

	private boolean notifySupervisor;

	private boolean notifyGroup;

	private boolean raisePriority;

	private boolean reassign;

	private @Nullable Long reassignGroupId;

	private @Nullable Long observerId;

	protected EscalationLevel() {
		this.clock = SlaClock.TTR;
		this.triggerKind = EscalationTrigger.SHARE;
	}

	EscalationLevel(long policyId, int position) {
		this();
		this.policyId = policyId;
		this.position = position;
	}

	void moveTo(int newPosition) {
		position = newPosition;
	}

	void define(EscalationLevels.LevelDefinition definition) {
		clock = definition.clock();
		triggerKind = definition.trigger();
		switch (definition.trigger()) {
			case SHARE -> {
				percent = definition.percent() == null ? 0 : definition.percent();
				offsetMinutes = 0;
			}
			case BEFORE, AFTER -> {
				percent = 100;
				long minutes = definition.duration() == null ? 0 : definition.duration().toMinutes();
				offsetMinutes = Math.toIntExact(definition.trigger() == EscalationTrigger.BEFORE ? -minutes : minutes);
			}
		}
		notifyTechnician = definition.notifyTechnician();
		notifySupervisor = definition.notifySupervisor();
		notifyGroup = definition.notifyGroup();
		raisePriority = definition.raisePriority();
		reassign = definition.reassign();
		reassignGroupId = definition.reassign() ? definition.groupId() : null;
		observerId = definition.observerId();
	}

	/** The definition this level was saved from, with its id, to save it again among others. */
	public EscalationLevels.LevelDefinition definition() {
		boolean share = triggerKind == EscalationTrigger.SHARE;
		return new EscalationLevels.LevelDefinition(id, clock, triggerKind, share ? percent : null,
				share ? null : duration(), notifyTechnician, notifySupervisor, notifyGroup, raisePriority, reassign,
				reassignGroupId, observerId);
	}

	/** Business time past the share of the target: negative before the deadline. */
	public Duration offset() {
		return Duration.ofMinutes(offsetMinutes);
	}

	/** The business duration before or after the deadline; zero for a share. */
	public Duration duration() {
		return Duration.ofMinutes(Math.abs(offsetMinutes));
	}

	/** Whether this level can never fire before {@code later}, whatever the targets. */
	boolean notBefore(EscalationLevel later) {
		return clock == later.clock && percent >= later.percent && offsetMinutes >= later.offsetMinutes;
	}

	/** Says when it fires, the same in every language: {@code TTR 75 %}, {@code TTR -PT1H}. */
	public String when() {
		return switch (triggerKind) {
			case SHARE -> clock + " " + percent + " %";
			case BEFORE -> clock + " -" + duration();
			case AFTER -> clock + " +" + duration();
		};
	}

	public @Nullable Long getId() {
		return id;
	}

	public int getPosition() {
		return position;
	}

	public SlaClock getClock() {
		return clock;
	}

	public EscalationTrigger getTriggerKind() {
		return triggerKind;
	}

	public int getPercent() {
		return percent;
	}

	public boolean isNotifyTechnician() {
		return notifyTechnician;
	}

	public boolean isNotifySupervisor() {
		return notifySupervisor;
	}

	public boolean isNotifyGroup() {
		return notifyGroup;
	}

	public boolean isRaisePriority() {
		return raisePriority;
	}

	public boolean isReassign() {
		return reassign;
	}

	public @Nullable Long getReassignGroupId() {
		return reassignGroupId;
	}

	public @Nullable Long getObserverId() {
		return observerId;
	}

}

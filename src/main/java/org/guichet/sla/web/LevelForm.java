package org.guichet.sla.web;

import java.time.Duration;

import org.guichet.sla.EscalationLevels.LevelDefinition;
import org.guichet.sla.EscalationTrigger;
import org.guichet.sla.SlaClock;
import org.jspecify.annotations.Nullable;

/** The form that adds a new escalation level at the end of a policy's list. */
public class LevelForm {

	/** The policy's version the page was opened on. */
	private long version;

	private @Nullable SlaClock clock = SlaClock.TTR;

	private @Nullable EscalationTrigger trigger = EscalationTrigger.SHARE;

	private @Nullable Integer percent;

	private @Nullable Integer durationMinutes;

	private boolean notifyTechnician;

	private boolean notifySupervisor;

	private boolean notifyGroup;

	private boolean raisePriority;

	private boolean reassign;

	private @Nullable Long groupId;

	private @Nullable Long observerId;

	LevelDefinition toDefinition() {
		return new LevelDefinition(null, clock, trigger, trigger == EscalationTrigger.SHARE ? percent : null,
				trigger == EscalationTrigger.SHARE || durationMinutes == null ? null
						: Duration.ofMinutes(durationMinutes),
				notifyTechnician, notifySupervisor, notifyGroup, raisePriority, reassign, groupId, observerId);
	}

	/** The form property a field of the levels API names, e.g. {@code levels[2].duration}. */
	static String property(String field) {
		String name = field.substring(field.lastIndexOf('.') + 1);
		return "duration".equals(name) ? "durationMinutes" : name;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public @Nullable SlaClock getClock() {
		return clock;
	}

	public void setClock(@Nullable SlaClock clock) {
		this.clock = clock;
	}

	public @Nullable EscalationTrigger getTrigger() {
		return trigger;
	}

	public void setTrigger(@Nullable EscalationTrigger trigger) {
		this.trigger = trigger;
	}

	public @Nullable Integer getPercent() {
		return percent;
	}

	public void setPercent(@Nullable Integer percent) {
		this.percent = percent;
	}

	public @Nullable Integer getDurationMinutes() {
		return durationMinutes;
	}

	public void setDurationMinutes(@Nullable Integer durationMinutes) {
		this.durationMinutes = durationMinutes;
	}

	public boolean isNotifyTechnician() {
		return notifyTechnician;
	}

	public void setNotifyTechnician(boolean notifyTechnician) {
		this.notifyTechnician = notifyTechnician;
	}

	public boolean isNotifySupervisor() {
		return notifySupervisor;
	}

	public void setNotifySupervisor(boolean notifySupervisor) {
		this.notifySupervisor = notifySupervisor;
	}

	public boolean isNotifyGroup() {
		return notifyGroup;
	}

	public void setNotifyGroup(boolean notifyGroup) {
		this.notifyGroup = notifyGroup;
	}

	public boolean isRaisePriority() {
		return raisePriority;
	}

	public void setRaisePriority(boolean raisePriority) {
		this.raisePriority = raisePriority;
	}

	public boolean isReassign() {
		return reassign;
	}

	public void setReassign(boolean reassign) {
		this.reassign = reassign;
	}

	public @Nullable Long getGroupId() {
		return groupId;
	}

	public void setGroupId(@Nullable Long groupId) {
		this.groupId = groupId;
	}

	public @Nullable Long getObserverId() {
		return observerId;
	}

	public void setObserverId(@Nullable Long observerId) {
		this.observerId = observerId;
	}

}

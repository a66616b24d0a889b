package org.guichet.sla.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.guichet.calendars.DurationText;
import org.guichet.sla.SlaPolicies;
import org.guichet.sla.SlaPolicies.TargetDefinition;
import org.guichet.sla.SlaPolicy;
import org.guichet.sla.SlaTarget;
import org.guichet.sla.SlaTargets;
import org.guichet.sla.TtoTrigger;
import org.guichet.system.InvalidInputException;
import org.guichet.system.OneLine;
import org.guichet.tickets.Priority;
import org.guichet.tickets.TicketType;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

/**
 * An SLA policy as the administration form edits it. The targets grid has one text field per
 * ticket type and priority for the TTO and one for the TTR, named {@code tto[INCIDENT-HIGH]},
 * holding a business duration as {@link DurationText} reads it; a cell left empty on both sides
 * has no target.
 */
class SlaPolicyForm {

	@NotBlank
	@Size(max = 120)
	@OneLine
	private @Nullable String name;

	@NotNull
	private @Nullable Long calendarId;

	private boolean fallback;

	private TtoTrigger ttoMetBy = TtoTrigger.TAKEN_IN_CHARGE;

	private boolean pauseOnUser = true;

	private boolean pauseOnSupplier = true;

	private boolean pauseOnApproval = true;

	@NotNull
	@Min(1)
	@Max(99)
	private @Nullable Integer atRiskPercent = SlaTargets.DEFAULT_AT_RISK_PERCENT;

	private @Nullable TicketType matchType;

	private @Nullable Long matchCategoryId;

	@Size(max = 120)
	@OneLine
	private @Nullable String matchDepartment;

	private @Nullable Boolean matchVip;

	private Map<String, String> tto = new LinkedHashMap<>();

	private Map<String, String> ttr = new LinkedHashMap<>();

	private int position;

	private long version;

	static SlaPolicyForm of(SlaPolicy policy) {
		SlaPolicyForm form = new SlaPolicyForm();
		form.name = policy.getName();
		form.calendarId = policy.getCalendarId();
		form.fallback = policy.isFallback();
		form.ttoMetBy = policy.getTtoMetBy();
		form.pauseOnUser = policy.isPauseOnUser();
		form.pauseOnSupplier = policy.isPauseOnSupplier();
		form.pauseOnApproval = policy.isPauseOnApproval();
		form.atRiskPercent = policy.getAtRiskPercent();
		form.matchType = policy.getMatchType();
		form.matchCategoryId = policy.getMatchCategoryId();
		form.matchDepartment = policy.getMatchDepartment();
		form.matchVip = policy.getMatchVip();
		for (SlaTarget target : policy.getTargets()) {
			String key = key(target.ticketType(), target.priority());
			form.tto.put(key, DurationText.format(Duration.ofMinutes(target.ttoMinutes())));
			form.ttr.put(key, DurationText.format(Duration.ofMinutes(target.ttrMinutes())));
		}
		form.position = policy.getPosition();
		form.version = policy.getVersion();
		return form;
	}

	public static String key(TicketType type, Priority priority) {
		return type.name() + "-" + priority.name();
	}

	/**
	 * The policy to save, or null when a cell of the grid was refused: the refusal is then in
	 * {@code result}, next to the cell.
	 * @param targetKeys receives the key of each target, in the order of the definition's targets
	 */
	SlaPolicies.@Nullable Definition toDefinition(BindingResult result, List<String> targetKeys) {
		List<TargetDefinition> targets = new ArrayList<>();
		for (TicketType type : TicketType.values()) {
			for (Priority priority : Priority.values()) {
				String key = key(type, priority);
				String own = tto.getOrDefault(key, "").strip();
				String resolve = ttr.getOrDefault(key, "").strip();
				if (own.isEmpty() && resolve.isEmpty()) {
					continue;
				}
				Duration timeToOwn = cell(result, "tto", key, own);
				Duration timeToResolve = cell(result, "ttr", key, resolve);
				if (timeToOwn != null && timeToResolve != null) {
					targets.add(new TargetDefinition(type, priority, timeToOwn, timeToResolve));
					targetKeys.add(key);
				}
			}
		}
		if (result.hasErrors()) {
			return null;
		}
		String department = matchDepartment == null || matchDepartment.isBlank() ? null : matchDepartment.strip();
		return new SlaPolicies.Definition(name.strip(), calendarId, position, fallback, ttoMetBy, pauseOnUser,
				pauseOnSupplier, pauseOnApproval, atRiskPercent, matchType, matchCategoryId, department, matchVip,
				targets);
	}

	private static @Nullable Duration cell(BindingResult result, String column, String key, String text) {
		String field = column + "[" + key + "]";
		if (text.isEmpty()) {
			result.rejectValue(field, "admin.sla.target.both");
			return null;
		}
		try {
			return DurationText.parse(field, text);
		}
		catch (InvalidInputException ex) {
			result.rejectValue(field, ex.messageKey(), ex.arguments(), ex.getMessage());
			return null;
		}
	}

	public @Nullable String getName() {
		return name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable Long getCalendarId() {
		return calendarId;
	}

	public void setCalendarId(@Nullable Long calendarId) {
		this.calendarId = calendarId;
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

	public void setTtoMetBy(@Nullable TtoTrigger ttoMetBy) {
		this.ttoMetBy = ttoMetBy == null ? TtoTrigger.TAKEN_IN_CHARGE : ttoMetBy;
	}

	public boolean isPauseOnUser() {
		return pauseOnUser;
	}

	public void setPauseOnUser(boolean pauseOnUser) {
		this.pauseOnUser = pauseOnUser;
	}

	public boolean isPauseOnSupplier() {
		return pauseOnSupplier;
	}

	public void setPauseOnSupplier(boolean pauseOnSupplier) {
		this.pauseOnSupplier = pauseOnSupplier;
	}

	public boolean isPauseOnApproval() {
		return pauseOnApproval;
	}

	public void setPauseOnApproval(boolean pauseOnApproval) {
		this.pauseOnApproval = pauseOnApproval;
	}

	public @Nullable Integer getAtRiskPercent() {
		return atRiskPercent;
	}

	public void setAtRiskPercent(@Nullable Integer atRiskPercent) {
		this.atRiskPercent = atRiskPercent;
	}

	public @Nullable TicketType getMatchType() {
		return matchType;
	}

	public void setMatchType(@Nullable TicketType matchType) {
		this.matchType = matchType;
	}

	public @Nullable Long getMatchCategoryId() {
		return matchCategoryId;
	}

	public void setMatchCategoryId(@Nullable Long matchCategoryId) {
		this.matchCategoryId = matchCategoryId;
	}

	public @Nullable String getMatchDepartment() {
		return matchDepartment;
	}

	public void setMatchDepartment(@Nullable String matchDepartment) {
		this.matchDepartment = matchDepartment;
	}

	public @Nullable Boolean getMatchVip() {
		return matchVip;
	}

	public void setMatchVip(@Nullable Boolean matchVip) {
		this.matchVip = matchVip;
	}

	public Map<String, String> getTto() {
		return tto;
	}

	public void setTto(Map<String, String> tto) {
		this.tto = tto;
	}

	public Map<String, String> getTtr() {
		return ttr;
	}

	public void setTtr(Map<String, String> ttr) {
		this.ttr = ttr;
	}

	public int getPosition() {
		return position;
	}

	public void setPosition(int position) {
		this.position = position;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}

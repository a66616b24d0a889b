package org.guichet.tickets;

import java.util.List;

import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The settings of the desk the administrator edits: the priority matrix, the delay after which a
 * resolved ticket nobody answered is closed, what a requester's reply to a resolved ticket
 * does ({@link ReplyToResolved}) and what requesters see of the SLA. Read on every ticket
 * registration, so the matrix is kept in memory and replaced when saved.
 */
@Service
public class DeskSettings {

	static final String AUTO_CLOSE_DAYS = "auto-close-days";

	static final int DEFAULT_AUTO_CLOSE_DAYS = 7;

	static final String REPLY_TO_RESOLVED = "reply-to-resolved";
	static final String REQUESTER_SLA = "requester-sla";

	private final PriorityRuleRepository rules;

	private final DeskSettingRepository settings;

	private volatile @Nullable PriorityMatrix matrix;

	DeskSettings(PriorityRuleRepository rules, DeskSettingRepository settings) {
		this.rules = rules;
		this.settings = settings;
	}

	@Transactional(readOnly = true)
	public PriorityMatrix priorityMatrix() {
		PriorityMatrix current = matrix;
		if (current == null) {
			List<PriorityRule> saved = rules.findAll();
			if (saved.isEmpty()) {
				current = PriorityMatrix.standard();
			}
			else {
				PriorityMatrix.Builder builder = PriorityMatrix.builder();
				saved.forEach(rule -> builder.set(rule.cell().urgency(), rule.cell().impact(), rule.priority()));
				current = builder.build();
			}
			matrix = current;
		}
		return current;
	}

	@Transactional
	public void savePriorityMatrix(PriorityMatrix newMatrix) {
		rules.deleteAllInBatch();
		for (Urgency urgency : Urgency.values()) {
			for (Impact impact : Impact.values()) {
				rules.save(new PriorityRule(urgency, impact, newMatrix.cell(urgency, impact)));
			}
		}
		matrix = newMatrix;
	}

	@Transactional(readOnly = true)
	public int autoCloseDays() {
		return settings.findById(AUTO_CLOSE_DAYS).map(s -> Integer.parseInt(s.value())).orElse(DEFAULT_AUTO_CLOSE_DAYS);
	}

	/** What a requester's reply without a choice does to a resolved ticket; {@link ReplyToResolved#FLAG} by default. */
	@Transactional(readOnly = true)
	public ReplyToResolved replyToResolved() {
		return settings.findById(REPLY_TO_RESOLVED)
			.map(s -> ReplyToResolved.valueOf(s.value()))
			.orElse(ReplyToResolved.FLAG);
	}

	@Transactional
	public void saveReplyToResolved(ReplyToResolved rule) {
		save(REPLY_TO_RESOLVED, rule.name());
	}

	@Transactional
	public void saveAutoCloseDays(int days) {
		if (days < 1 || days > 365) {
			throw new InvalidInputException("autoCloseDays", "settings.auto-close.range",
					"The auto-close delay must be from 1 to 365 days", 1, 365);
		}
		save(AUTO_CLOSE_DAYS, String.valueOf(days));
	}

	private void save(String name, String value) {
		settings.findById(name).ifPresentOrElse(s -> s.change(value), () -> settings.save(new DeskSetting(name, value)));
	}

	/** What requesters see of the SLA; {@link RequesterSlaVisibility#NONE} until chosen. */
	@Transactional(readOnly = true)
	public RequesterSlaVisibility requesterSlaVisibility() {
		return settings.findById(REQUESTER_SLA)
			.map(s -> RequesterSlaVisibility.valueOf(s.value()))
			.orElse(RequesterSlaVisibility.NONE);
	}

	@Transactional
	public void saveRequesterSlaVisibility(RequesterSlaVisibility visibility) {
		settings.findById(REQUESTER_SLA)
			.ifPresentOrElse(s -> s.change(visibility.name()),
					() -> settings.save(new DeskSetting(REQUESTER_SLA, visibility.name())));
	}

}

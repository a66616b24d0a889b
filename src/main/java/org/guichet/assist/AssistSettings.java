package org.guichet.assist;

import org.guichet.system.CacheGenerations;
import org.guichet.system.InvalidInputException;
import org.guichet.system.SharedCache;
import org.guichet.system.VersionMismatchException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's settings of the assistant ({@code assist_settings}, one row): the
 * confidence below which a field's suggestion is not shown, and the higher one from which it is
 * applied at registration (auto-triage, off by default). Each node keeps a copy ({@link SharedCache}):
 * reading them, at every registration, costs no statement.
 */
@Service
public class AssistSettings {

	/** The threshold of a new desk: a suggestion is shown when the model gives it at least even odds. */
	public static final double DEFAULT_THRESHOLD = 0.5;

	/** The row as it is stored. */
	private record Stored(double suggest, @Nullable Double autoApply, long version) {
	}

	private final JdbcClient jdbc;

	private final SharedCache<Stored> stored;

	AssistSettings(JdbcClient jdbc, CacheGenerations generations) {
		this.jdbc = jdbc;
		this.stored = new SharedCache<>(generations, "assist-settings", () -> jdbc
			.sql("select suggest_threshold, auto_apply_threshold, version from assist_settings where id = 1")
			.query((rs, row) -> new Stored(rs.getDouble(1), rs.getObject(2, Double.class), rs.getLong(3)))
			.single());
	}

	/** The least confidence a suggestion must have to be shown, 0 to 1. */
	public double threshold() {
		return stored.get().suggest();
	}

	/** The least confidence from which a suggestion is applied at registration, 0 to 1; null while auto-triage is off. */
	public @Nullable Double autoApplyThreshold() {
		return stored.get().autoApply();
	}

	/** How many times the thresholds were saved: the version a change names. */
	public long version() {
		return stored.get().version();
	}

	/** As {@link #setThresholds(double, Double, Long)}, whatever was saved since. */
	@Transactional
	public void setThresholds(double suggest, @Nullable Double autoApply) {
		setThresholds(suggest, autoApply, null);
	}

	/**
	 * Sets both thresholds at once.
	 *
	 * @param suggest the least confidence to show a suggestion, from 0 (always) to 1 (only certainties)
	 * @param autoApply the least confidence to apply one at registration, from {@code suggest} to 1;
	 * null to turn auto-triage off
	 * @throws InvalidInputException (field {@code threshold}) for {@code suggest} outside 0 to 1,
	 * (field {@code autoApplyThreshold}) for {@code autoApply} below {@code suggest} (what is
	 * applied must at least be shown) or above 1
	 * @param expectedVersion the {@link #version()} the change was made on; null to skip the check
	 * @throws VersionMismatchException when they were saved since {@code expectedVersion}
	 */
	@Transactional
	public void setThresholds(double suggest, @Nullable Double autoApply, @Nullable Long expectedVersion) {
		if (expectedVersion != null) {
			VersionMismatchException.check(expectedVersion, jdbc
				.sql("select version from assist_settings where id = 1 for update").query(Long.class).single());
		}
		if (!(suggest >= 0 && suggest <= 1)) {
			throw new InvalidInputException("threshold", "assist.threshold.range",
					"The threshold is a fraction from 0 to 1 (0.5 for 50 %), not {0}", suggest);
		}
		if (autoApply != null && !(autoApply >= suggest && autoApply <= 1)) {
			throw new InvalidInputException("autoApplyThreshold", "assist.auto-threshold.range",
					"Suggestions are applied from a fraction between the threshold to show them ({0}) and 1 (0.9 for 90 %), not {1}",
					suggest, autoApply);
		}
		jdbc.sql("""
				update assist_settings set suggest_threshold = ?, auto_apply_threshold = ?, version = version + 1
				where id = 1""").param(suggest).param(autoApply).update();
		stored.changed();
	}

}

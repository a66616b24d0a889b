package org.guichet.assist;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's settings of the assistant ({@code assist_settings}, one row): the
 * confidence below which a field's suggestion is not shown.
 */
@Service
public class AssistSettings {

	/** The threshold of a new desk: a suggestion is shown when the model gives it at least even odds. */
	public static final double DEFAULT_THRESHOLD = 0.5;

	private final JdbcClient jdbc;

	AssistSettings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The least confidence a suggestion must have to be shown, 0 to 1. */
	@Transactional(readOnly = true)
	public double threshold() {
		return jdbc.sql("select suggest_threshold from assist_settings where id = 1").query(Double.class).single();
	}

	/**
	 * Sets the least confidence a suggestion must have to be shown.
	 *
	 * @param threshold from 0 (always suggest) to 1 (only certainties)
	 * @throws org.guichet.system.InvalidInputException (field {@code threshold}) outside 0 to 1
	 */
	@Transactional
	public void setThreshold(double threshold) {
		if (!(threshold >= 0 && threshold <= 1)) {
			throw new org.guichet.system.InvalidInputException("threshold", "assist.threshold.range",
					"The threshold is a confidence from 0 to 1, not " + threshold);
		}
		jdbc.sql("update assist_settings set suggest_threshold = ?, version = version + 1 where id = 1")
			.param(threshold)
			.update();
	}

}

package org.guichet.reporting.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.guichet.reporting.KpiUnit;
import org.jspecify.annotations.Nullable;

/**
 * A target as people type it and as the engine keeps it: a ratio typed as a percentage (95 for
 * 0.95), a duration in hours (1.5 for 5,400 seconds), a rating and a count as they are. A decimal
 * comma is read as a point.
 */
final class TargetUnits {

	private TargetUnits() {
	}

	/** The stored value written in the form's unit, without useless decimals. */
	static String shown(KpiUnit unit, double stored) {
		double typed = switch (unit) {
			case RATIO -> stored * 100;
			case DURATION -> stored / 3600;
			default -> stored;
		};
		return BigDecimal.valueOf(typed).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	/** The value typed in the form's unit, in the KPI's unit; null when it is not a number. */
	static @Nullable Double stored(KpiUnit unit, String typed) {
		double value;
		try {
			value = Double.parseDouble(typed.strip().replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			return null;
		}
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return null;
		}
		return switch (unit) {
			case RATIO -> value / 100;
			case DURATION -> value * 3600;
			default -> value;
		};
	}

}

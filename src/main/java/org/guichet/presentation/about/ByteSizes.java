package org.guichet.presentation.about;

import java.text.NumberFormat;
import java.util.Locale;

/** Sizes in bytes written for people: in bytes, KiB, MiB, GiB or TiB, one decimal above KiB. */
public final class ByteSizes {

	private static final String[] UNITS = { "KiB", "MiB", "GiB", "TiB" };

	private ByteSizes() {
	}

	/** {@code bytes} (0 or more) in the largest unit it holds at least one of, in {@code locale}'s digits. */
	public static String text(long bytes, Locale locale) {
		if (bytes < 1024) {
			return NumberFormat.getIntegerInstance(locale).format(bytes) + "\u00a0B";
		}
		double value = bytes;
		int unit = -1;
		while (value >= 1024 && unit < UNITS.length - 1) {
			value /= 1024;
			unit++;
		}
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMaximumFractionDigits(unit == 0 ? 0 : 1);
		format.setMinimumFractionDigits(unit == 0 ? 0 : 1);
		return format.format(value) + "\u00a0" + UNITS[unit];
	}

}

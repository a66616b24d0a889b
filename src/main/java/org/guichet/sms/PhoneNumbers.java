package org.guichet.sms;

import java.util.Locale;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.jspecify.annotations.Nullable;

/**
 * Phone numbers in E.164 ({@code +33612345678}), read by Google's libphonenumber: a number written
 * with its country code ({@code +33 6 12 34 56 78}, {@code 0033…}) is read as such, a national one
 * ({@code 06 12 34 56 78}) in the default region.
 */
final class PhoneNumbers {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	private final String defaultRegion;

	/**
	 * @param defaultRegion the ISO 3166 code of the country whose national numbers are read without a
	 *        country code ({@code FR})
	 * @throws IllegalArgumentException when libphonenumber does not know that region
	 */
	PhoneNumbers(String defaultRegion) {
		String region = defaultRegion.strip().toUpperCase(Locale.ROOT);
		if (!UTIL.getSupportedRegions().contains(region)) {
			throw new IllegalArgumentException("guichet.sms.default-region: no such region " + defaultRegion
					+ " (an ISO 3166 country code such as FR)");
		}
		this.defaultRegion = region;
	}

	/**
	 * The number in E.164, or nothing when it is blank, cannot be read or is no valid number of its
	 * country (too short, unassigned prefix).
	 */
	Optional<String> e164(@Nullable String written) {
		if (written == null || written.isBlank()) {
			return Optional.empty();
		}
		try {
			PhoneNumber number = UTIL.parse(written.strip(), defaultRegion);
			return UTIL.isValidNumber(number) ? Optional.of(UTIL.format(number, PhoneNumberFormat.E164))
					: Optional.empty();
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The last digits of a number's national significant number (at most {@code count}), to find
	 * the directory's entries that may be this number however they were written.
	 */
	static String lastDigits(String e164, int count) {
		String digits = e164.replaceAll("\\D", "");
		return digits.length() <= count ? digits : digits.substring(digits.length() - count);
	}

}

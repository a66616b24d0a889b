package org.guichet.presentation.dossier;

import java.util.List;
import java.util.Locale;

import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * What a dossier request asks, read from its parameters: {@code format=pdf|html} (else the
 * default given), {@code internal=true|false} (default false), {@code anonymize=false} (the only
 * value accepted until anonymisation exists). Any other value is refused naming the parameter.
 *
 * @param pdf whether the PDF is asked, else the HTML document
 * @param internal whether the internal notes are asked
 */
record DossierRequest(boolean pdf, boolean internal) {

	private static final List<String> BOOLEANS = List.of("true", "false");

	/**
	 * @param pdfByDefault the format when none is given
	 * @throws InvalidInputException naming the first parameter that does not fit
	 */
	static DossierRequest of(@Nullable String format, @Nullable String internal, @Nullable String anonymize,
			boolean pdfByDefault) {
		boolean pdf = pdfByDefault;
		if (format != null && !format.isBlank()) {
			String chosen = format.strip().toLowerCase(Locale.ROOT);
			if (!chosen.equals("pdf") && !chosen.equals("html")) {
				throw new InvalidInputException("format", "dossier.format",
						"format: \"" + format + "\" is not a format of the dossier; give pdf or html", format);
			}
			pdf = chosen.equals("pdf");
		}
		boolean notes = flag("internal", internal);
		if (flag("anonymize", anonymize)) {
			throw new InvalidInputException("anonymize", "dossier.anonymize",
					"anonymize: the anonymised dossier is not available yet; leave anonymize out or give false");
		}
		return new DossierRequest(pdf, notes);
	}

	private static boolean flag(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return false;
		}
		String chosen = value.strip().toLowerCase(Locale.ROOT);
		if (!BOOLEANS.contains(chosen)) {
			throw new InvalidInputException(name, "dossier.flag",
					name + ": \"" + value + "\" is neither true nor false", name, value);
		}
		return chosen.equals("true");
	}

}

package org.guichet.presentation.dossier;

import java.util.List;
import java.util.Locale;

import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * What a dossier request asks, read from its parameters: {@code format=pdf|html|json} (else the
 * default given; {@code json}, what anonymisation left to check, only with {@code anonymize=true}),
 * {@code internal=true|false} (default false), {@code anonymize=true|false} (default false),
 * {@code attachments=true|false} (default: listed unless anonymised), {@code organisation} (the
 * organisation's name to replace when anonymised; at most 200 characters). Any other value is
 * refused naming the parameter.
 *
 * @param format what is asked
 * @param internal whether the internal notes are asked
 * @param anonymise whether the dossier is anonymised
 * @param attachments whether the attachments are listed
 * @param organisation the organisation's name to replace, null for none
 */
record DossierRequest(Format format, boolean internal, boolean anonymise, boolean attachments,
		@Nullable String organisation) {

	/** The forms of a dossier's answer. */
	enum Format {
		/** The printable HTML document. */
		HTML,
		/** The PDF printed from it. */
		PDF,
		/** What the anonymisation left to check, as JSON. */
		JSON
	}

	static final int ORGANISATION_MAX = 200;

	private static final List<String> BOOLEANS = List.of("true", "false");

	/**
	 * @param pdfByDefault the format when none is given: PDF, else HTML
	 * @throws InvalidInputException naming the first parameter that does not fit
	 */
	static DossierRequest of(@Nullable String format, @Nullable String internal, @Nullable String anonymize,
			@Nullable String attachments, @Nullable String organisation, boolean pdfByDefault) {
		Format chosen = pdfByDefault ? Format.PDF : Format.HTML;
		if (format != null && !format.isBlank()) {
			try {
				chosen = Format.valueOf(format.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("format", "dossier.format",
						"format: \"" + format + "\" is not a format of the dossier; give pdf, html or json", format);
			}
		}
		boolean anonymise = flag("anonymize", anonymize, false);
		if (chosen == Format.JSON && !anonymise) {
			throw new InvalidInputException("format", "dossier.format.json",
					"format: json lists what anonymisation left to check; give anonymize=true with it, or pdf or html");
		}
		String name = organisation == null || organisation.isBlank() ? null : organisation.strip();
		if (name != null && name.length() > ORGANISATION_MAX) {
			throw new InvalidInputException("organisation", "dossier.organisation",
					"organisation: at most " + ORGANISATION_MAX + " characters", ORGANISATION_MAX);
		}
		return new DossierRequest(chosen, flag("internal", internal, false), anonymise,
				flag("attachments", attachments, !anonymise), name);
	}

	private static boolean flag(String name, @Nullable String value, boolean byDefault) {
		if (value == null || value.isBlank()) {
			return byDefault;
		}
		String chosen = value.strip().toLowerCase(Locale.ROOT);
		if (!BOOLEANS.contains(chosen)) {
			throw new InvalidInputException(name, "dossier.flag",
					name + ": \"" + value + "\" is neither true nor false", name, value);
		}
		return chosen.equals("true");
	}

}

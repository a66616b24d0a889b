package org.guichet.presentation.anonymise;

/**
 * The words of the pseudonyms in one language, each a pattern where {@code {0}} stands for the
 * mark: a letter, a number or a pseudonym. The text must hold no Markdown syntax (a pattern ends
 * up in running text and link labels).
 *
 * @param requester e.g. "Demandeur {0}" ({0}: A, B… AA…)
 * @param technician e.g. "Technicien {0}" ({0}: 1, 2…)
 * @param other e.g. "Personne {0}" ({0}: A, B…)
 * @param phoneOf a known person's phone number, e.g. "téléphone de {0}" ({0}: the pseudonym)
 * @param phone any other phone number, e.g. "téléphone n° {0}" ({0}: 1, 2…)
 * @param host a host name, e.g. "hote-{0}" ({0}: 1, 2…); letters, digits and hyphens only, so that
 *     it stays a valid host name
 */
public record Words(String requester, String technician, String other, String phoneOf, String phone, String host) {

	/**
	 * @throws IllegalArgumentException when a pattern has no {@code {0}}, or the host pattern holds
	 *     anything but ASCII letters, digits and hyphens around it
	 */
	public Words {
		for (String pattern : new String[] { requester, technician, other, phoneOf, phone, host }) {
			if (!pattern.contains("{0}")) {
				throw new IllegalArgumentException("pattern \"" + pattern + "\": no {0} for the mark");
			}
		}
		if (!host.replace("{0}", "").matches("[A-Za-z0-9-]*")) {
			throw new IllegalArgumentException("host pattern \"" + host + "\": only letters, digits and hyphens");
		}
	}

	static String fill(String pattern, String mark) {
		return pattern.replace("{0}", mark);
	}

}

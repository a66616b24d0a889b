package org.guichet.assist;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataMaskTests {

	private final PersonalDataMask mask = new PersonalDataMask(List.of(
			new PersonalDataMask.Person("Amélie Durandeau", "adurandeau", "amelie.durandeau@example.org", "+33 6 12 34 56 78"),
			new PersonalDataMask.Person("Jean-Marc Li", "jmli", null, null)));

	@Test
	void namesLoginsEmailsAndPhonesOfTheDirectoryBecomePlaceholdersOnePerValue() {
		String masked = mask.mask("Amélie Durandeau (adurandeau, amelie.durandeau@example.org) called from "
				+ "+33 6 12 34 56 78; AMÉLIE says Jean-Marc Li knows. Durandeau again.");

		assertThat(masked).isEqualTo("[PERSON 1] ([PERSON 1], [EMAIL 1]) called from [PHONE 1]; [PERSON 1] says "
				+ "[PERSON 2] knows. [PERSON 1] again.");
	}

	@Test
	void aDirectoryPhoneIsFoundWhateverItsSeparatorsAndOtherEmailsAndPhonesToo() {
		String masked = mask.mask("Reach me on 33.6.12.34.56.78 or 06 98 76 54 32, or +44 20 7946 0958, "
				+ "or bob@corp.example.com");

		assertThat(masked).isEqualTo("Reach me on [PHONE 1] or [PHONE 2], or [PHONE 3], or [EMAIL 1]");
	}

	@Test
	void addressesNumbersAndWordsThatOnlyContainANameAreLeftAlone() {
		String text = "Server 192.168.10.254 on port 8443, ticket T-2026-000123, error 0x80070005, Lima office, "
				+ "Amélies and Durandeaux";

		assertThat(mask.mask(text)).isEqualTo(text);
		assertThat(mask.maskedCount()).isZero();
	}

	@Test
	void theAnswerGetsBackTheValuesTheMaskGaveAndKeepsPlaceholdersItNeverGave() {
		mask.mask("Amélie Durandeau wrote from amelie.durandeau@example.org");

		assertThat(mask.unmask("Dear [PERSON 1], we answered at [EMAIL 1]. [PERSON 7] and [PHONE 1] are unknown."))
			.isEqualTo("Dear Amélie Durandeau, we answered at amelie.durandeau@example.org. [PERSON 7] and [PHONE 1] "
					+ "are unknown.");
	}

	@Test
	void withNobodyGivenOnlyOtherEmailsAndPhonesAreMasked() {
		PersonalDataMask none = new PersonalDataMask(List.of());

		assertThat(none.mask("Amélie at a@b.fr, 01 23 45 67 89")).isEqualTo("Amélie at [EMAIL 1], [PHONE 1]");
		assertThat(none.mask(null)).isEmpty();
	}

}

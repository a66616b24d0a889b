package org.guichet.sms;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Phone numbers in E.164, however people wrote them. */
class PhoneNumbersTests {

	private final PhoneNumbers french = new PhoneNumbers("FR");

	@Test
	void aNationalNumberIsReadInTheDefaultRegion() {
		assertThat(french.e164("06 12 34 56 78")).hasValue("+33612345678");
		assertThat(french.e164("06.12.34.56.78")).hasValue("+33612345678");
		assertThat(french.e164("0612345678")).hasValue("+33612345678");
		assertThat(new PhoneNumbers("be").e164("0470 12 34 56")).hasValue("+32470123456");
	}

	@Test
	void aNumberWithItsCountryCodeKeepsItsCountryWhateverTheDefaultRegion() {
		assertThat(french.e164("+33 6 12 34 56 78")).hasValue("+33612345678");
		assertThat(french.e164("0033 6 12 34 56 78")).hasValue("+33612345678");
		assertThat(french.e164("+1 (650) 253-0000")).hasValue("+16502530000");
		assertThat(french.e164("+44 20 7946 0958")).hasValue("+442079460958");
	}

	@Test
	void whatIsNoValidNumberGivesNothing() {
		assertThat(french.e164(null)).isEmpty();
		assertThat(french.e164("  ")).isEmpty();
		assertThat(french.e164("call me")).isEmpty();
		assertThat(french.e164("06 12")).as("too short").isEmpty();
		assertThat(french.e164("+33 6 12 34 56 78 90")).as("too long").isEmpty();
	}

	@Test
	void anUnknownRegionIsRefusedNamingTheSetting() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PhoneNumbers("XX"))
			.withMessageContaining("guichet.sms.default-region");
	}

	@Test
	void theLastDigitsFindTheNumberHoweverItWasWritten() {
		assertThat(PhoneNumbers.lastDigits("+33612345678", 8)).isEqualTo("12345678");
		assertThat(PhoneNumbers.lastDigits("+336", 8)).isEqualTo("336");
	}

}

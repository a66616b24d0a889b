package org.guichet.directory;

import org.guichet.system.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule every new password passes (profile, reset link, administrators' page and API). */
class AccountsTests {

	private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);

	private final Accounts accounts = new Accounts(null, bcrypt, null, null);

	@Test
	void aPasswordOfSeventyTwoBytesIsHashedWhole() {
		String longest = "p".repeat(70) + "é";
		assertThat(bcrypt.matches(longest, accounts.encode(longest))).isTrue();
	}

	@Test
	void aPasswordOverSeventyTwoBytesIsRefusedNamingTheFieldRatherThanFailing() {
		for (String tooLong : new String[] { "p".repeat(73), "é".repeat(37), "p".repeat(100_000) }) {
			assertThatThrownBy(() -> accounts.encode(tooLong)).isInstanceOfSatisfying(InvalidInputException.class,
					refusal -> {
						assertThat(refusal.field()).isEqualTo("newPassword");
						assertThat(refusal.messageKey()).isEqualTo("password.too-long");
					});
		}
	}

	@Test
	void aPasswordUnderTenCharactersIsRefused() {
		assertThatThrownBy(() -> accounts.encode("é".repeat(9))).isInstanceOfSatisfying(InvalidInputException.class,
				refusal -> assertThat(refusal.messageKey()).isEqualTo("password.too-short"));
	}

}

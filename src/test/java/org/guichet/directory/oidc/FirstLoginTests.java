package org.guichet.directory.oidc;

import java.util.List;

import org.guichet.directory.AccountOrigin;
import org.guichet.directory.Role;
import org.guichet.directory.oidc.FirstLogin.Candidate;
import org.guichet.directory.oidc.FirstLogin.Problem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FirstLoginTests {

	private static final Candidate LOCAL = new Candidate(7, true, Role.TECHNICIAN, AccountOrigin.LOCAL);

	@Test
	void theSubjectsAccountIsUsedWhateverTheAddressSays() {
		Candidate linked = new Candidate(3, true, Role.ADMINISTRATOR, AccountOrigin.OIDC);

		assertThat(FirstLogin.decide(linked, true, List.of(LOCAL), true, true)).isEqualTo(new FirstLogin.Use(3));
	}

	@Test
	void theSubjectsDeactivatedAccountIsRefusedNotReplaced() {
		Candidate deactivated = new Candidate(3, false, Role.REQUESTER, AccountOrigin.OIDC);

		assertThat(FirstLogin.decide(deactivated, true, List.of(), true, true))
			.isEqualTo(new FirstLogin.Refuse(Problem.DEACTIVATED));
	}

	@Test
	void aVerifiedAddressLinksTheOneLocalActiveAccountThatHasIt() {
		assertThat(FirstLogin.decide(null, true, List.of(LOCAL), true, false)).isEqualTo(new FirstLogin.Link(7));
	}

	@Test
	void anAddressIsNotEnoughWhenUnverifiedOrNotAllowed() {
		assertThat(FirstLogin.decide(null, false, List.of(LOCAL), true, true)).isEqualTo(new FirstLogin.Create());
		assertThat(FirstLogin.decide(null, true, List.of(LOCAL), false, false))
			.isEqualTo(new FirstLogin.Refuse(Problem.UNKNOWN));
	}

	@Test
	void anAdministratorsAccountIsNeverTakenByItsAddress() {
		Candidate admin = new Candidate(1, true, Role.ADMINISTRATOR, AccountOrigin.LOCAL);

		assertThat(FirstLogin.decide(null, true, List.of(admin), true, true))
			.isEqualTo(new FirstLogin.Refuse(Problem.ADMINISTRATOR));
	}

	@Test
	void anAddressSharedByAccountsOrOwnedElsewhereTakesNone() {
		Candidate other = new Candidate(8, true, Role.REQUESTER, AccountOrigin.LOCAL);
		Candidate fromLdap = new Candidate(9, true, Role.REQUESTER, AccountOrigin.LDAP);

		assertThat(FirstLogin.decide(null, true, List.of(LOCAL, other), true, true))
			.isEqualTo(new FirstLogin.Refuse(Problem.EMAIL_SHARED));
		assertThat(FirstLogin.decide(null, true, List.of(fromLdap), true, true))
			.isEqualTo(new FirstLogin.Refuse(Problem.EMAIL_ELSEWHERE));
	}

	@Test
	void aDeactivatedLocalAccountWithTheAddressIsRefused() {
		Candidate deactivated = new Candidate(7, false, Role.REQUESTER, AccountOrigin.LOCAL);

		assertThat(FirstLogin.decide(null, true, List.of(deactivated), true, true))
			.isEqualTo(new FirstLogin.Refuse(Problem.DEACTIVATED));
	}

	@Test
	void anUnknownPersonGetsAnAccountOnlyWhenTheSettingsCreateOnes() {
		assertThat(FirstLogin.decide(null, true, List.of(), true, true)).isEqualTo(new FirstLogin.Create());
		assertThat(FirstLogin.decide(null, true, List.of(), true, false))
			.isEqualTo(new FirstLogin.Refuse(Problem.UNKNOWN));
	}

}

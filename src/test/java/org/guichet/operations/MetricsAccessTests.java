package org.guichet.operations;

import java.time.Duration;
import java.util.List;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MetricsAccessTests {

	private static final String OUTSIDE = "203.0.113.9";

	@Test
	void theConfiguredRoleAndTheRolesAboveItMayReadTheMetrics() {
		MetricsAccess access = new MetricsAccess(properties(Role.SUPERVISOR));
		assertThat(access.allows(signedIn(Role.REQUESTER), OUTSIDE)).isFalse();
		assertThat(access.allows(signedIn(Role.TECHNICIAN), OUTSIDE)).isFalse();
		assertThat(access.allows(signedIn(Role.SUPERVISOR), OUTSIDE)).isTrue();
		assertThat(access.allows(signedIn(Role.ADMINISTRATOR), OUTSIDE)).isTrue();
	}

	@Test
	void byDefaultNobodyWithoutCredentialsMayReadTheMetrics() {
		MetricsAccess access = new MetricsAccess(properties(Role.ADMINISTRATOR));
		assertThat(access.allows(null, "127.0.0.1")).isFalse();
		assertThat(access.allows(anonymous(), "10.0.0.1")).isFalse();
		assertThat(access.allows(signedIn(Role.SUPERVISOR), "127.0.0.1")).isFalse();
	}

	@Test
	void aCallerFromAnAllowedNetworkNeedsNoCredentials() {
		MetricsAccess access = new MetricsAccess(properties(Role.ADMINISTRATOR, "10.1.2.0/24", " 192.0.2.7 ",
				"2001:db8::/32", ""));
		assertThat(access.allows(anonymous(), "10.1.2.200")).isTrue();
		assertThat(access.allows(anonymous(), "10.1.3.1")).isFalse();
		assertThat(access.allows(null, "192.0.2.7")).isTrue();
		assertThat(access.allows(null, "192.0.2.8")).isFalse();
		assertThat(access.allows(null, "2001:db8:0:1::5")).isTrue();
		assertThat(access.allows(null, "2001:db9::5")).isFalse();
		assertThat(access.allows(signedIn(Role.REQUESTER), "10.1.2.3")).isTrue();
	}

	@Test
	void anAllowedNetworkThatIsNoAddressIsRefusedAtStartNamingTheSetting() {
		for (String wrong : List.of("monitoring.example.org", "10.0.0.0/33", "10.0.0/8", "abc", "cafe", "300.1.2.3")) {
			assertThatIllegalArgumentException().as(wrong)
				.isThrownBy(() -> new MetricsAccess(properties(Role.ADMINISTRATOR, wrong)))
				.withMessageContaining("guichet.metrics.allowed-networks")
				.withMessageContaining(wrong);
		}
	}

	@Test
	void aNegativeBacklogMaxAgeIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MetricsProperties(Role.ADMINISTRATOR, List.of(), Duration.ofSeconds(-1)))
			.withMessageContaining("guichet.metrics.backlog-max-age");
	}

	private static MetricsProperties properties(Role role, String... networks) {
		return new MetricsProperties(role, List.of(networks), Duration.ofSeconds(30));
	}

	private static Authentication signedIn(Role role) {
		CurrentUser user = new CurrentUser(7, "someone", "Someone", role, "en", "{noop}x", true);
		return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
	}

	private static Authentication anonymous() {
		return new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
	}

}

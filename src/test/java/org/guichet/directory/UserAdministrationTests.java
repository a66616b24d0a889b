package org.guichet.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.validation.Validation;
import org.guichet.directory.AccountOrigin;
import org.guichet.directory.UserAdministration.FirstPassword;
import org.guichet.directory.UserAdministration.UserDetails;
import org.guichet.directory.ldap.LdapSettings;
import org.guichet.system.InvalidInputException;
import org.guichet.system.OneLine;
import org.guichet.system.VersionMismatchException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The rules of Administration › Users, which the page and the API share.
 */
class UserAdministrationTests {

	private final UserRepository users = mock(UserRepository.class);

	private final Accounts accounts = mock(Accounts.class);

	private final AccountOrigins origins = mock(AccountOrigins.class);

	private final LdapSettings ldap = mock(LdapSettings.class);

	private final PasswordResets resets = mock(PasswordResets.class);

	private final UserAdministration administration = new UserAdministration(users, accounts, origins, ldap, resets,
			Validation.buildDefaultValidatorFactory().getValidator(),
			Clock.fixed(Instant.parse("2026-12-02T09:00:00Z"), ZoneOffset.UTC));

	private User ada;

	@BeforeEach
	void setUp() {
		given(origins.of(any(UserId.class))).willReturn(AccountOrigin.LOCAL);
		ada = saved(7, "ada", Role.ADMINISTRATOR);
		given(accounts.encode("a-long-password")).willReturn("{noop}a-long-password");
		given(accounts.encode("short"))
			.willThrow(new InvalidInputException("newPassword", "password.too-short", "too short", 10));
		given(users.save(any())).willAnswer(call -> {
			User user = call.getArgument(0);
			ReflectionTestUtils.setField(user, "id", 99L);
			return user;
		});
	}

	@Test
	void aNameOrAddressOnSeveralLinesIsRefusedOnItsFieldAndNothingIsSaved() {
		UserDetails details = new UserDetails("Bob\r\nBcc: x@example.org", "bob@example.org", "01\t02", "IT\n",
				null, null, false, null, Role.REQUESTER, true);

		assertThat(codes(() -> administration.create("bob", details, "a-long-password", FirstPassword.TYPED)))
			.containsEntry("fullName", OneLine.CODE)
			.containsEntry("phone", OneLine.CODE)
			.containsEntry("department", OneLine.CODE);
		verify(users, never()).save(any());
	}

	@Test
	void aNewAccountIsRefusedForEveryFieldAtFaultAtOnce() {
		given(users.existsByUsername("taken")).willReturn(true);
		UserDetails details = details(" ", "not-an-address", Role.TECHNICIAN, true);

		assertThat(codes(() -> administration.create("taken", details, "short", FirstPassword.TYPED)))
			.containsEntry("username", "admin.users.username.taken")
			.containsEntry("fullName", "field.required")
			.containsEntry("email", "field.email-invalid")
			.containsEntry("password", "password.too-short");
		assertThat(codes(() -> administration.create("é!", details("A", null, Role.REQUESTER, true), null,
				FirstPassword.TYPED)))
			.containsEntry("username", "field.pattern.username")
			.containsEntry("password", "admin.users.password.required");
		verify(users, never()).save(any());
	}

	@Test
	void withoutAPasswordTheApiMailsAResetLinkToAnAddressItNeeds() {
		assertThat(codes(() -> administration.create("nomail", details("No Mail", null, Role.REQUESTER, true), null,
				FirstPassword.MAILED_LINK)))
			.containsEntry("password", "admin.users.password.or-email");

		User created = administration.create("mailed", details("Mailed", "m@example.org", Role.REQUESTER, true), "",
				FirstPassword.MAILED_LINK);

		assertThat(created.getPasswordHash()).isEqualTo(AddressBook.NO_PASSWORD);
		verify(resets).mail(new UserId(99));
	}

	@Test
	void anAdministratorKeepsTheirRoleAndTheirAccountActive() {
		assertThat(codes(() -> administration.update(7, 0, details("Ada", null, Role.SUPERVISOR, false), null,
				new UserId(7))))
			.containsEntry("role", "admin.users.self.role")
			.containsEntry("active", "admin.users.self.active");
		assertThat(codes(() -> administration.update(7, 0, new UserDetails("Ada", null, null, null, null, 7L, false,
				null, Role.ADMINISTRATOR, true), null, new UserId(7))))
			.containsEntry("managerId", "admin.users.manager.self");
	}

	@Test
	void aChangeMadeOnAnOlderVersionIsRefused() {
		assertThatExceptionOfType(VersionMismatchException.class)
			.isThrownBy(() -> administration.update(7, 3, details("Ada", null, Role.ADMINISTRATOR, true), null,
					new UserId(1)))
			.satisfies(ex -> assertThat(ex.currentVersion()).isZero());
	}

	@Test
	void theDirectorysFieldsOfADirectoryAccountKeepTheirValues() {
		User bob = saved(8, "bob", Role.REQUESTER);
		bob.setEmail("bob@example.org");
		given(origins.of(new UserId(8))).willReturn(AccountOrigin.LDAP);
		given(ldap.decidesRoles()).willReturn(true);

		assertThat(codes(() -> administration.update(8, 0, details("Robert", "bob@example.org", Role.TECHNICIAN, true),
				"a-long-password", new UserId(7))))
			.containsOnlyKeys("fullName", "role", "password")
			.containsEntry("fullName", "user.directory-owned");

		administration.update(8, 0, details("bob", "bob@example.org", Role.REQUESTER, false), null, new UserId(7));
		assertThat(bob.isActive()).isFalse();
	}

	private User saved(long id, String username, Role role) {
		User user = new User(username, "{noop}x", username, role, Instant.EPOCH);
		ReflectionTestUtils.setField(user, "id", id);
		given(users.findWithManagerById(id)).willReturn(Optional.of(user));
		given(users.findById(id)).willReturn(Optional.of(user));
		return user;
	}

	private static UserDetails details(String fullName, String email, Role role, boolean active) {
		return new UserDetails(fullName, email, null, null, null, null, false, null, role, active);
	}

	private static Map<String, String> codes(Runnable refused) {
		try {
			refused.run();
		}
		catch (InvalidInputException ex) {
			return Stream.concat(Stream.of(ex), ex.others().stream())
				.collect(Collectors.toMap(InvalidInputException::field, InvalidInputException::messageKey,
						(first, second) -> first));
		}
		throw new AssertionError("not refused");
	}

}

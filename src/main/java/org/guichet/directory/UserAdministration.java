package org.guichet.directory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.guichet.directory.ldap.LdapSettings;
import org.guichet.system.Constraints;
import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;
import org.guichet.system.NotFoundException;
import org.guichet.system.OneLine;
import org.guichet.system.VersionMismatchException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrators' work on user accounts, the same for Administration › Users and the API:
 * finding, creating and changing accounts. Accounts are never deleted (tickets, history and
 * reports name their people): an account that should no longer log in is deactivated. Of an
 * account that comes from elsewhere ({@link AccountOrigin}), the fields its origin owns cannot be
 * changed here ({@link #ownedFields}): the LDAP directory owns the name, contact details, manager,
 * language, the password, and the role when it maps groups to roles; the single sign-on provider
 * owns the name, the e-mail address and the password, while the role of its accounts is the
 * administrators' (the provider's settings give only the role of a new account).
 */
@Service
@Transactional
public class UserAdministration {

	/** The longest text {@link #find} searches for. */
	public static final int MAX_TEXT = 200;

	/**
	 * What an administrator sets of an account, but its user name and password. Texts are kept
	 * trimmed; a blank optional text is none.
	 *
	 * @param managerId the manager's user id; null for none
	 * @param language {@code fr}, {@code en}, or null (blank) for the browser's
	 */
	public record UserDetails(@NotBlank @Size(max = 120) @OneLine @Nullable String fullName,
			@Email @Size(max = 200) @OneLine @Nullable String email, @Size(max = 40) @OneLine @Nullable String phone,
			@Size(max = 120) @OneLine @Nullable String department, @Size(max = 120) @OneLine @Nullable String location,
			@Nullable Long managerId, boolean vip, @Pattern(regexp = "fr|en|") @Nullable String language,
			@NotNull @Nullable Role role, boolean active) {

		/** The details as the account holds them now. */
		public static UserDetails of(User user) {
			return new UserDetails(user.getFullName(), user.getEmail(), user.getPhone(), user.getDepartment(),
					user.getLocation(), user.getManager() == null ? null : user.getManager().getId(), user.isVip(),
					user.getLanguage(), user.getRole(), user.isActive());
		}

		/**
		 * These details with the account's values put back for the fields its origin owns.
		 *
		 * @param owned the owned fields' names, as {@link UserAdministration#ownedFields} gives them
		 */
		public UserDetails withOwnedFieldsOf(User user, Collection<String> owned) {
			UserDetails kept = of(user);
			return new UserDetails(owned.contains("fullName") ? kept.fullName() : fullName,
					owned.contains("email") ? kept.email() : email, owned.contains("phone") ? kept.phone() : phone,
					owned.contains("department") ? kept.department() : department,
					owned.contains("location") ? kept.location() : location,
					owned.contains("managerId") ? kept.managerId() : managerId, vip,
					owned.contains("language") ? kept.language() : language, owned.contains("role") ? kept.role() : role,
					active);
		}

	}

	/** A user name as typed at creation. */
	private record Username(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]*") @Nullable String username) {
	}

	/**
	 * The filters of the users list; null for any.
	 *
	 * @param text part of the user name, full name or e-mail address, case ignored; blank for any
	 * @param groupId a support group the user is a member of
	 */
	public record UserFilter(@Nullable String text, @Nullable Role role, @Nullable Boolean active,
			@Nullable Long groupId) {

		/** No filter: everyone. */
		public static final UserFilter ALL = new UserFilter(null, null, null, null);

	}

	/** How a new local account gets its first password. */
	public enum FirstPassword {

		/** The administrator typed it; without one the account is refused. */
		TYPED,

		/** The person sets it through a reset link mailed to their address, unless one is typed. */
		MAILED_LINK

	}

	private final UserRepository users;

	private final Accounts accounts;

	private final AccountOrigins origins;

	private final LdapSettings ldap;

	private final PasswordResets resets;

	private final Validator validator;

	private final Clock clock;

	UserAdministration(UserRepository users, Accounts accounts, AccountOrigins origins, LdapSettings ldap,
			PasswordResets resets, Validator validator, Clock clock) {
		this.users = users;
		this.accounts = accounts;
		this.origins = origins;
		this.ldap = ldap;
		this.resets = resets;
		this.validator = validator;
		this.clock = clock;
	}

	/**
	 * One page of the accounts that match every filter given.
	 *
	 * @throws InvalidInputException on {@code text} when longer than {@value #MAX_TEXT} characters
	 */
	@Transactional(readOnly = true)
	public Page<User> find(UserFilter filter, Pageable pageable) {
		String text = filter.text() == null ? "" : filter.text().strip();
		if (text.length() > MAX_TEXT) {
			throw new InvalidInputException("text", "field.too-long", "text: at most " + MAX_TEXT, MAX_TEXT);
		}
		Specification<User> matching = (user, query, cb) -> {
			List<Predicate> all = new ArrayList<>();
			if (!text.isEmpty()) {
				String pattern = "%" + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
					.replace("_", "!_") + "%";
				all.add(cb.or(cb.like(cb.lower(user.get("username")), pattern, '!'),
						cb.like(cb.lower(user.get("fullName")), pattern, '!'),
						cb.like(cb.lower(user.get("email")), pattern, '!')));
			}
			if (filter.role() != null) {
				all.add(cb.equal(user.get("role"), filter.role()));
			}
			if (filter.active() != null) {
				all.add(cb.equal(user.get("active"), filter.active()));
			}
			if (filter.groupId() != null) {
				Subquery<Long> members = query.subquery(Long.class);
				Root<SupportGroup> group = members.from(SupportGroup.class);
				members.select(group.join("members").get("id")).where(cb.equal(group.get("id"), filter.groupId()));
				all.add(user.get("id").in(members));
			}
			return cb.and(all.toArray(Predicate[]::new));
		};
		return users.findAll(matching, pageable);
	}

	/**
	 * @throws NotFoundException ({@code user.not-found}) when there is no such account
	 */
	@Transactional(readOnly = true)
	public User get(long id) {
		return users.findWithManagerById(id)
			.orElseThrow(() -> new NotFoundException("user.not-found", "No user " + id, id));
	}

	/** Where the account comes from, which decides the fields it owns. */
	@Transactional(readOnly = true)
	public AccountOrigin origin(long id) {
		return origins.of(new UserId(id));
	}

	/** Where the accounts among these that are not local come from, by user id. */
	@Transactional(readOnly = true)
	public Map<Long, AccountOrigin> origins(Collection<Long> ids) {
		return origins.of(ids);
	}

	/**
	 * The fields of an account of that origin an administrator cannot change, by their names in
	 * {@link UserDetails} (and {@code password}); empty for a local account.
	 */
	public List<String> ownedFields(AccountOrigin origin) {
		return origin.ownedFields(ldap.decidesRoles());
	}

	/**
	 * Creates a local account.
	 *
	 * @param password the first password, at least 10 characters; null or empty for none
	 * @param firstPassword without a password: {@link FirstPassword#TYPED} refuses the account,
	 *        {@link FirstPassword#MAILED_LINK} mails a password reset link to the account's address
	 *        (valid {@link PasswordResets#VALIDITY}), and refuses an account without an address or
	 *        created deactivated ({@code admin.users.password.inactive}: it would get no link)
	 * @return the account, saved
	 * @throws InvalidInputException naming every field at fault: {@code username} (required, 64
	 *         characters of letters, digits and {@code . _ - @}, not taken), the details' fields
	 *         (see {@link UserDetails}; {@code managerId} unknown), {@code password} (missing, too short)
	 */
	public User create(@Nullable String username, UserDetails details, @Nullable String password,
			FirstPassword firstPassword) {
		InputChecks checks = new InputChecks();
		String name = username == null ? null : username.strip();
		Constraints.check(validator, new Username(name), checks);
		Constraints.check(validator, details, checks);
		if (name != null && !name.isEmpty() && users.existsByUsername(name)) {
			checks.check(() -> {
				throw new InvalidInputException("username", "admin.users.username.taken",
						"The user name is already taken", name);
			});
		}
		Optional<User> manager = Optional.ofNullable(checks.check(() -> manager(details.managerId(), null)))
			.flatMap(found -> found);
		boolean typed = password != null && !password.isEmpty();
		String hash = null;
		if (typed) {
			hash = checks.check(() -> encode(password));
		}
		else if (firstPassword == FirstPassword.TYPED) {
			checks.check(() -> {
				throw new InvalidInputException("password", "admin.users.password.required", "Give an initial password");
			});
		}
		else if (blank(details.email())) {
			checks.check(() -> {
				throw new InvalidInputException("password", "admin.users.password.or-email",
						"Give an initial password, or an e-mail address to mail a reset link to");
			});
		}
		else if (!details.active()) {
			checks.check(() -> {
				throw new InvalidInputException("password", "admin.users.password.inactive",
						"Give an initial password: a deactivated account gets no reset link");
			});
		}
		checks.refuseIfAny();
		User user = new User(name, typed ? hash : AddressBook.NO_PASSWORD, details.fullName().strip(), details.role(),
				clock.instant());
		apply(details, user, manager.orElse(null));
		users.save(user);
		if (!typed) {
			resets.mail(user.id());
		}
		return user;
	}

	/**
	 * Changes an account. The fields an account from elsewhere owns ({@link #ownedFields}) must keep
	 * their values (the page puts them back; the API refuses a change of one) and it takes no password.
	 *
	 * @param version the version the change was made on
	 * @param password a new password; null or empty keeps the current one
	 * @param by the administrator making the change, who may neither take away their own
	 *        administrator role nor deactivate their own account
	 * @return the account, changed
	 * @throws NotFoundException when there is no such account
	 * @throws VersionMismatchException when the account changed since {@code version}
	 * @throws InvalidInputException naming every field at fault: as {@link #create}, plus
	 *         {@code role} and {@code active} for oneself, {@code managerId} the account itself,
	 *         an owned field changed ({@code user.directory-owned}, {@code user.provider-owned}),
	 *         {@code password} for an account that is not local
	 */
	public User update(long id, long version, UserDetails details, @Nullable String password, UserId by) {
		User user = get(id);
		VersionMismatchException.check(version, user.getVersion());
		InputChecks checks = new InputChecks();
		Constraints.check(validator, details, checks);
		boolean typed = password != null && !password.isEmpty();
		AccountOrigin origin = origins.of(user.id());
		if (origin != AccountOrigin.LOCAL) {
			refuseOwnedChanges(user, details, origin, checks);
			if (typed) {
				checks.check(() -> {
					throw new InvalidInputException("password", "admin.users.password.directory",
							"The password of a directory account is the directory's");
				});
			}
		}
		if (by.value() == id) {
			if (details.role() != null && details.role() != Role.ADMINISTRATOR) {
				checks.check(() -> {
					throw new InvalidInputException("role", "admin.users.self.role",
							"You cannot take away your own administrator role");
				});
			}
			if (!details.active()) {
				checks.check(() -> {
					throw new InvalidInputException("active", "admin.users.self.active",
							"You cannot deactivate your own account");
				});
			}
		}
		Optional<User> manager = Optional.ofNullable(checks.check(() -> manager(details.managerId(), id)))
			.flatMap(found -> found);
		String hash = typed ? checks.check(() -> encode(password)) : null;
		checks.refuseIfAny();
		apply(details, user, manager.orElse(null));
		if (hash != null) {
			user.changePasswordHash(hash);
		}
		users.saveAndFlush(user);
		return user;
	}

	private void refuseOwnedChanges(User user, UserDetails details, AccountOrigin origin, InputChecks checks) {
		List<String> owned = ownedFields(origin);
		UserDetails kept = details.withOwnedFieldsOf(user, owned);
		String key = origin == AccountOrigin.OIDC ? "user.provider-owned" : "user.directory-owned";
		refuseChange("fullName", details.fullName(), kept.fullName(), key, checks);
		refuseChange("email", details.email(), kept.email(), key, checks);
		refuseChange("phone", details.phone(), kept.phone(), key, checks);
		refuseChange("department", details.department(), kept.department(), key, checks);
		refuseChange("location", details.location(), kept.location(), key, checks);
		refuseChange("managerId", details.managerId(), kept.managerId(), key, checks);
		refuseChange("language", details.language(), kept.language(), key, checks);
		refuseChange("role", details.role(), kept.role(), key, checks);
	}

	private static void refuseChange(String field, @Nullable Object sent, @Nullable Object kept, String key,
			InputChecks checks) {
		Object given = sent instanceof String text ? trimmed(text) : sent;
		if (!Objects.equals(given, kept)) {
			checks.check(() -> {
				throw new InvalidInputException(field, key,
						"The account's origin owns this field: change it in the directory or at the provider", field);
			});
		}
	}

	private Optional<User> manager(@Nullable Long managerId, @Nullable Long id) {
		if (managerId == null) {
			return Optional.empty();
		}
		if (managerId.equals(id)) {
			throw new InvalidInputException("managerId", "admin.users.manager.self",
					"A person cannot be their own manager");
		}
		return Optional.of(users.findById(managerId)
			.orElseThrow(() -> new InvalidInputException("managerId", "admin.users.manager.unknown",
					"No such manager", managerId)));
	}

	private String encode(String password) {
		try {
			return accounts.encode(password);
		}
		catch (InvalidInputException ex) {
			throw new InvalidInputException("password", ex.messageKey(), ex.getMessage(), ex.arguments());
		}
	}

	private static void apply(UserDetails details, User user, @Nullable User manager) {
		user.setFullName(details.fullName().strip());
		user.setEmail(trimmed(details.email()));
		user.setPhone(trimmed(details.phone()));
		user.setDepartment(trimmed(details.department()));
		user.setLocation(trimmed(details.location()));
		user.setManager(manager);
		user.setVip(details.vip());
		user.setLanguage(trimmed(details.language()));
		user.setRole(details.role());
		user.setActive(details.active());
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	private static @Nullable String trimmed(@Nullable String value) {
		return blank(value) ? null : value.strip();
	}

}

package org.guichet.directory.api;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.guichet.directory.AccountOrigin;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.PasswordResets;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.directory.UserAdministration;
import org.guichet.directory.UserAdministration.FirstPassword;
import org.guichet.directory.UserAdministration.UserDetails;
import org.guichet.directory.UserAdministration.UserFilter;
import org.guichet.directory.UserId;
import org.guichet.system.IfMatch;
import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;
import org.guichet.system.Pager;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * User accounts for administrators (403 problem+json for anyone else), docs/API.md#users: the
 * list with its filters, one account, creating and replacing one, through
 * {@link UserAdministration}, as Administration › Users does. There is no deletion: an account is
 * deactivated ({@code "active": false}). Passwords are never sent back.
 */
@RestController
@RequestMapping(path = "/api/v1/users", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasRole('ADMINISTRATOR')")
@Tag(name = "Users", description = "User accounts, for administrators")
class UserApiController {

	private static final int MAX_SIZE = 100;

	private final UserAdministration administration;

	private final PasswordResets resets;

	private final Clock clock;

	UserApiController(UserAdministration administration, PasswordResets resets, Clock clock) {
		this.administration = administration;
		this.resets = resets;
		this.clock = clock;
	}

	/**
	 * A new account as sent. Optional texts absent or blank are none.
	 *
	 * @param username the user name, which never changes
	 * @param password the first password, or absent to mail the person a reset link
	 * @param role absent means {@code REQUESTER}
	 * @param vip absent means false
	 * @param active absent means true
	 */
	record NewUserBody(String username, String fullName, @Nullable String email, @Nullable String phone,
			@Nullable String department, @Nullable String location, @Nullable Long managerId, @Nullable Boolean vip,
			@Nullable String language, @Nullable Role role, @Nullable Boolean active, @Nullable String password) {
	}

	/**
	 * An account's replacement as sent: every member its {@code GET} gives that may change (the
	 * user name never does, and is ignored if sent). Optional texts absent or blank are none.
	 *
	 * @param password a new password, or absent to keep the current one
	 * @param version the version the replacement was made on, when If-Match is not sent
	 */
	record UserBody(String fullName, @Nullable String email, @Nullable String phone, @Nullable String department,
			@Nullable String location, @Nullable Long managerId, boolean vip, @Nullable String language, Role role,
			boolean active, @Nullable String password, @Nullable Long version) {
	}

	/**
	 * An account as answered, never with its password.
	 *
	 * @param fromDirectory whether the account comes from the directory or the single sign-on
	 *        provider: then {@code directoryFields} cannot change
	 * @param origin {@code LOCAL}, {@code LDAP} or {@code OIDC}
	 * @param directoryFields the fields its origin owns; empty for a local account
	 */
	record UserJson(long id, String username, String fullName, @Nullable String email, @Nullable String phone,
			@Nullable String department, @Nullable String location, @Nullable Long managerId, boolean vip,
			@Nullable String language, Role role, boolean active, boolean fromDirectory, AccountOrigin origin,
			List<String> directoryFields,
			@Nullable Instant emailBouncedAt, Instant createdAt, long version) {

		static UserJson of(User user, AccountOrigin origin, List<String> owned) {
			return new UserJson(user.id().value(), user.getUsername(), user.getFullName(), user.getEmail(),
					user.getPhone(), user.getDepartment(), user.getLocation(),
					user.getManager() == null ? null : user.getManager().getId(), user.isVip(), user.getLanguage(),
					user.getRole(), user.isActive(), origin != AccountOrigin.LOCAL, origin, owned, user.getEmailBouncedAt(), user.getCreatedAt(),
					user.getVersion());
		}

	}

	/** One page of accounts, by full name; {@code total} counts every account that matches. */
	record UserPageJson(List<UserJson> items, int page, int size, long total, boolean hasNext) {
	}

	@GetMapping
	@Operation(summary = "One page of accounts by full name, filtered by text, role, active and groupId")
	UserPageJson list(@RequestParam(required = false) @Nullable String text,
			@RequestParam(required = false) @Nullable Role role, @RequestParam(required = false) @Nullable Boolean active,
			@RequestParam(required = false) @Nullable Long groupId, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size) {
		InputChecks checks = new InputChecks();
		checks.check(() -> Pager.checkPage(page));
		if (size < 1 || size > MAX_SIZE) {
			checks.check(() -> {
				throw new InvalidInputException("size", "filter.size-invalid", "size: 1 to " + MAX_SIZE, "size", size);
			});
		}
		checks.refuseIfAny();
		Page<User> found = administration.find(new UserFilter(text, role, active, groupId),
				PageRequest.of(page, size, Sort.by("fullName", "id")));
		Map<Long, AccountOrigin> origins = administration
			.origins(found.getContent().stream().map(User::getId).toList());
		return new UserPageJson(found.getContent()
			.stream()
			.map(user -> json(user, origins.getOrDefault(user.getId(), AccountOrigin.LOCAL)))
			.toList(),
				page, size, found.getTotalElements(), found.hasNext());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One account, with its version as ETag")
	ResponseEntity<UserJson> one(@PathVariable long id) {
		return answer(administration.get(id));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Creates a local account; without a password, mails the person a reset link")
	ResponseEntity<UserJson> create(@RequestBody NewUserBody body) {
		UserDetails details = new UserDetails(body.fullName(), body.email(), body.phone(), body.department(),
				body.location(), body.managerId(), Boolean.TRUE.equals(body.vip()), body.language(),
				body.role() == null ? Role.REQUESTER : body.role(), body.active() == null || body.active());
		User created = administration.create(body.username(), details, body.password(), FirstPassword.MAILED_LINK);
		UserJson json = json(created, AccountOrigin.LOCAL);
		return ResponseEntity.created(URI.create("/api/v1/users/" + json.id()))
			.eTag(IfMatch.etag(json.version()))
			.body(json);
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replaces an account's details (If-Match or version required); the user name never changes")
	ResponseEntity<UserJson> replace(@PathVariable long id, @RequestBody UserBody body,
			@RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal CurrentUser me) {
		long version = IfMatch.required(ifMatch, body.version());
		UserDetails details = new UserDetails(body.fullName(), body.email(), body.phone(), body.department(),
				body.location(), body.managerId(), body.vip(), body.language(), body.role(), body.active());
		return answer(administration.update(id, version, details, body.password(), new UserId(me.id())));
	}

	/**
	 * A new password reset link, as Administration › Users gives one to a person without e-mail.
	 *
	 * @param link the link to hand to the person, shown this once: its secret is never stored
	 * @param expiresAt when it stops working; a new link replaces it at once
	 */
	record ResetLinkJson(long userId, String link, Instant expiresAt) {
	}

	@GetMapping("/password-resets")
	@Operation(summary = "The forgotten-password requests waiting for an administrator (accounts without e-mail), oldest first")
	List<PasswordResets.PendingReset> pendingResets() {
		return resets.pending();
	}

	/** Refused with 409 ({@code password.directory}) for a directory account, whose password is the directory's. */
	@PostMapping("/{id}/password-reset")
	@Operation(summary = "Issues a new password reset link for the account (replacing any earlier one), shown once; "
			+ "answers the person's request waiting, if any")
	ResponseEntity<ResetLinkJson> issueResetLink(@PathVariable long id) {
		String secret = resets.issue(new UserId(id));
		String link = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/password/reset")
			.queryParam("token", secret)
			.toUriString();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new ResetLinkJson(id, link, clock.instant().plus(PasswordResets.VALIDITY)));
	}

	private ResponseEntity<UserJson> answer(User user) {
		UserJson json = json(user, administration.origin(user.id().value()));
		return ResponseEntity.ok().eTag(IfMatch.etag(json.version())).body(json);
	}

	private UserJson json(User user, AccountOrigin origin) {
		return UserJson.of(user, origin, administration.ownedFields(origin));
	}

}

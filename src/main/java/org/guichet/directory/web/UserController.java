package org.guichet.directory.web;

import java.time.Clock;
import java.util.Optional;

import jakarta.validation.Valid;
import org.guichet.directory.AccountOrigins;
import org.guichet.directory.Accounts;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.directory.UserId;
import org.guichet.directory.UserRepository;
import org.guichet.directory.ldap.LdapSettings;
import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's list of users, and the form that creates or edits one. The user name is
 * chosen once, at creation: it is the key people log in with. Of an account that comes from the
 * directory, the directory's fields are shown but not changed here, and it has no password here.
 */
@Controller
@RequestMapping("/admin/users")
class UserController {

	private static final String FORM = "admin/users/form";

	private final UserRepository users;

	private final Accounts accounts;

	private final Clock clock;

	private final AccountOrigins origins;

	private final LdapSettings ldap;

	UserController(UserRepository users, Accounts accounts, Clock clock, AccountOrigins origins, LdapSettings ldap) {
		this.users = users;
		this.origins = origins;
		this.ldap = ldap;
		this.accounts = accounts;
		this.clock = clock;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "") String q,
			@PageableDefault(size = 20, sort = "fullName") Pageable pageable, Model model) {
		Page<User> page = q.isBlank() ? users.findAll(pageable) : users.search(q.trim(), pageable);
		model.addAttribute("page", page);
		model.addAttribute("fromDirectory",
				origins.fromDirectory(page.getContent().stream().map(User::getId).toList()));
		model.addAttribute("q", q);
		return "admin/users/list";
	}

	@GetMapping("/new")
	String initCreationForm(Model model) {
		model.addAttribute("userForm", new UserForm());
		return form(model, null);
	}

	@PostMapping("/new")
	String processCreationForm(@Valid UserForm userForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		rejectTakenUsername(userForm, result);
		if (!userForm.hasPassword()) {
			result.rejectValue("password", "admin.users.password.required");
		}
		Optional<User> manager = manager(userForm, null, result);
		String passwordHash = passwordHash(userForm, result);
		if (result.hasErrors()) {
			return form(model, null);
		}
		User user = new User(userForm.getUsername(), passwordHash, userForm.getFullName(), userForm.getRole(),
				clock.instant());
		userForm.applyTo(user, manager.orElse(null));
		users.save(user);
		redirect.addFlashAttribute("flash", "admin.flash.saved");
		return "redirect:/admin/users";
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(@PathVariable long id, Model model) {
		model.addAttribute("userForm", UserForm.of(find(id)));
		return form(model, id);
	}

	@PostMapping("/{id}/edit")
	String processUpdateForm(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @Valid UserForm userForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		User user = find(id);
		if (origins.fromDirectory(user.id())) {
			userForm.keepDirectoryFields(user, ldap.decidesRoles());
			result = DirectoryFields.withoutTheirErrors(result, userForm, model);
		}
		if (user.getVersion() != userForm.getVersion()) {
			return conflict(userForm, user, result, model);
		}
		userForm.setUsername(user.getUsername());
		if (id == me.id()) {
			rejectSelfLockout(userForm, result);
		}
		Optional<User> manager = manager(userForm, id, result);
		String passwordHash = passwordHash(userForm, result);
		if (result.hasErrors()) {
			return form(model, id);
		}
		userForm.applyTo(user, manager.orElse(null));
		if (passwordHash != null) {
			user.changePasswordHash(passwordHash);
		}
		try {
			users.save(user);
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			return conflict(userForm, find(id), result, model);
		}
		redirect.addFlashAttribute("flash", "admin.flash.saved");
		return "redirect:/admin/users";
	}

	/**
	 * Keeps everything typed and takes the current version, so that saving again, after a look at
	 * the message, overwrites the other change knowingly.
	 */
	private String conflict(UserForm userForm, User current, BindingResult result, Model model) {
		userForm.setVersion(current.getVersion());
		result.reject("admin.conflict");
		return form(model, current.getId());
	}

	private void rejectTakenUsername(UserForm userForm, BindingResult result) {
		if (userForm.getUsername() != null && !result.hasFieldErrors("username")
				&& users.existsByUsername(userForm.getUsername())) {
			result.rejectValue("username", "admin.users.username.taken", new Object[] { userForm.getUsername() },
					null);
		}
	}

	/** An administrator keeps the right to administer: otherwise nobody might be left to give it back. */
	private static void rejectSelfLockout(UserForm userForm, BindingResult result) {
		if (userForm.getRole() != null && userForm.getRole() != Role.ADMINISTRATOR) {
			result.rejectValue("role", "admin.users.self.role");
		}
		if (!userForm.isActive()) {
			result.rejectValue("active", "admin.users.self.active");
		}
	}

	private Optional<User> manager(UserForm userForm, @Nullable Long id, BindingResult result) {
		if (userForm.getManagerId() == null) {
			return Optional.empty();
		}
		if (userForm.getManagerId().equals(id)) {
			result.rejectValue("managerId", "admin.users.manager.self");
			return Optional.empty();
		}
		Optional<User> manager = users.findById(userForm.getManagerId());
		if (manager.isEmpty()) {
			result.rejectValue("managerId", "admin.users.manager.unknown");
		}
		return manager;
	}

	private @Nullable String passwordHash(UserForm userForm, BindingResult result) {
		if (!userForm.hasPassword()) {
			return null;
		}
		try {
			return accounts.encode(userForm.getPassword());
		}
		catch (InvalidInputException ex) {
			result.rejectValue("password", ex.messageKey(), ex.arguments(), ex.getMessage());
			return null;
		}
	}

	private User find(long id) {
		return users.findWithManagerById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String form(Model model, @Nullable Long id) {
		model.addAttribute("userId", id);
		boolean fromDirectory = id != null && origins.fromDirectory(new UserId(id));
		model.addAttribute("fromDirectory", fromDirectory);
		model.addAttribute("roleFromDirectory", fromDirectory && ldap.decidesRoles());
		model.addAttribute("bounced",
				id == null ? null : users.findById(id).filter(user -> user.getEmailBouncedAt() != null).orElse(null));
		model.addAttribute("roles", Role.values());
		model.addAttribute("managers", users.findByActiveTrue(Sort.by("fullName")));
		return FORM;
	}

}

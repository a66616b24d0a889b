package org.guichet.directory.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.guichet.directory.AccountOrigin;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.directory.UserAdministration;
import org.guichet.directory.UserAdministration.FirstPassword;
import org.guichet.directory.UserId;
import org.guichet.directory.UserRepository;
import org.guichet.system.FormRefusals;
import org.guichet.system.InvalidInputException;
import org.guichet.system.Pager;
import org.guichet.system.VersionMismatchException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's list of users, and the form that creates or edits one. The user name is
 * chosen once, at creation: it is the key people log in with. Of an account that comes from the
 * directory or the single sign-on provider, the fields its origin owns are shown but not changed
 * here, and it has no password here.
 */
@Controller
@RequestMapping("/admin/users")
class UserController {

	private static final String FORM = "admin/users/form";

	private final UserRepository users;

	private final UserAdministration administration;

	UserController(UserRepository users, UserAdministration administration) {
		this.users = users;
		this.administration = administration;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "") String q,
			@PageableDefault(size = 20, sort = "fullName") Pageable pageable, HttpServletRequest request, Model model) {
		Page<User> page = q.isBlank() ? users.findAll(pageable) : users.search(q.trim(), pageable);
		model.addAttribute("page", page);
		model.addAttribute("pager",
				Pager.counted(page.getNumber(), page.getTotalElements(), page.getSize(), Pager.sameQuery(request)));
		model.addAttribute("origins", administration.origins(page.getContent().stream().map(User::getId).toList()));
		model.addAttribute("q", q);
		return "admin/users/list";
	}

	@GetMapping("/new")
	String initCreationForm(Model model) {
		model.addAttribute("userForm", new UserForm());
		return form(model, null);
	}

	/** The rules are {@link UserAdministration#create}'s, with a typed password required. */
	@PostMapping("/new")
	String processCreationForm(UserForm userForm, BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				administration.create(userForm.getUsername(), userForm.details(), userForm.getPassword(),
						FirstPassword.TYPED);
				redirect.addFlashAttribute("flash", "admin.flash.saved");
				return "redirect:/admin/users";
			}
			catch (InvalidInputException ex) {
				FormRefusals.reject(ex, result);
			}
		}
		return form(model, null);
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(@PathVariable long id, Model model) {
		model.addAttribute("userForm", UserForm.of(administration.get(id)));
		return form(model, id);
	}

	/**
	 * The rules are {@link UserAdministration#update}'s; the fields an account from elsewhere owns,
	 * shown disabled and so not posted, are put back first.
	 */
	@PostMapping("/{id}/edit")
	String processUpdateForm(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, UserForm userForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		User user = administration.get(id);
		List<String> owned = administration.ownedFields(administration.origin(id));
		if (!owned.isEmpty()) {
			userForm.keepOwnedFields(user, owned);
			result = DirectoryFields.withoutTheirErrors(result, userForm, owned, model);
		}
		userForm.setUsername(user.getUsername());
		if (!result.hasErrors()) {
			try {
				administration.update(id, userForm.getVersion(), userForm.details(), userForm.getPassword(),
						new UserId(me.id()));
				redirect.addFlashAttribute("flash", "admin.flash.saved");
				return "redirect:/admin/users";
			}
			catch (VersionMismatchException | ObjectOptimisticLockingFailureException ex) {
				return conflict(userForm, administration.get(id), result, model);
			}
			catch (InvalidInputException ex) {
				FormRefusals.reject(ex, result);
			}
		}
		return form(model, id);
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

	private String form(Model model, @Nullable Long id) {
		model.addAttribute("userId", id);
		AccountOrigin origin = id == null ? AccountOrigin.LOCAL : administration.origin(id);
		model.addAttribute("origin", origin);
		model.addAttribute("fromDirectory", origin != AccountOrigin.LOCAL);
		model.addAttribute("owned", administration.ownedFields(origin));
		model.addAttribute("bounced",
				id == null ? null : users.findById(id).filter(user -> user.getEmailBouncedAt() != null).orElse(null));
		model.addAttribute("roles", Role.values());
		model.addAttribute("managers", users.findByActiveTrue(Sort.by("fullName")));
		return FORM;
	}

}

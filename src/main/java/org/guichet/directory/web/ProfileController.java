package org.guichet.directory.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.guichet.directory.AccountOrigin;
import org.guichet.directory.AccountOrigins;
import org.guichet.directory.Accounts;
import org.guichet.directory.ApiTokens;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.system.FormRefusals;
import org.guichet.system.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
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
 * A person's own page: their details, language, password and personal API tokens.
 */
@Controller
@RequestMapping("/profile")
class ProfileController {

	private static final String VIEW = "profile/profile";

	private final UserRepository users;

	private final Accounts accounts;

	private final ApiTokens tokens;

	private final ZoneId timeZone;

	private final Clock clock;

	private final SecurityContextRepository securityContexts = new HttpSessionSecurityContextRepository();

	private final AccountOrigins origins;

	ProfileController(UserRepository users, Accounts accounts, ApiTokens tokens,
			@Value("${guichet.time-zone}") ZoneId timeZone, Clock clock, AccountOrigins origins) {
		this.origins = origins;
		this.users = users;
		this.accounts = accounts;
		this.tokens = tokens;
		this.timeZone = timeZone;
		this.clock = clock;
	}

	@GetMapping
	String show(@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("passwordForm", new PasswordForm());
		model.addAttribute("tokenForm", new TokenForm());
		return view(me, model);
	}

	@PostMapping("/language")
	String changeLanguage(@AuthenticationPrincipal CurrentUser me, @RequestParam(defaultValue = "") String language,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			accounts.changeLanguage(me.userId(), language);
		}
		catch (InvalidInputException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage(), ex);
		}
		refreshAuthentication(me, request, response);
		redirect.addFlashAttribute("flash", "profile.flash.language");
		return "redirect:/profile";
	}

	@PostMapping("/password")
	String changePassword(@AuthenticationPrincipal CurrentUser me, @Valid PasswordForm passwordForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasFieldErrors("newPassword") && !result.hasFieldErrors("confirmation")
				&& !passwordForm.confirmed()) {
			result.rejectValue("confirmation", "profile.password.mismatch");
		}
		if (!result.hasErrors()) {
			try {
				accounts.changePassword(me.userId(), passwordForm.getCurrentPassword(), passwordForm.getNewPassword());
				redirect.addFlashAttribute("flash", "profile.flash.password");
				return "redirect:/profile";
			}
			catch (InvalidInputException ex) {
				FormRefusals.reject(ex, result);
			}
		}
		model.addAttribute("tokenForm", new TokenForm());
		return view(me, model);
	}

	@PostMapping("/tokens")
	String createToken(@AuthenticationPrincipal CurrentUser me, @Valid TokenForm tokenForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			model.addAttribute("passwordForm", new PasswordForm());
			return view(me, model);
		}
		String name = tokenForm.getName().trim();
		LocalDate lastDay = tokenForm.getExpiresOn();
		Instant expiresAt = lastDay == null ? null : lastDay.plusDays(1).atStartOfDay(timeZone).toInstant();
		String secret;
		try {
			secret = tokens.create(me.userId(), name, Objects.requireNonNull(tokenForm.getScope()), expiresAt);
		}
		catch (InvalidInputException ex) {
			result.rejectValue("expiresOn", ex.messageKey(), ex.getMessage());
			model.addAttribute("passwordForm", new PasswordForm());
			return view(me, model);
		}
		redirect.addFlashAttribute("tokenName", name);
		redirect.addFlashAttribute("tokenSecret", secret);
		return "redirect:/profile/tokens/created";
	}

	/** Shows a new token's secret, which exists only in this one response: it is never stored. */
	@GetMapping("/tokens/created")
	String tokenCreated(Model model) {
		return model.containsAttribute("tokenSecret") ? "profile/token-created" : "redirect:/profile";
	}

	@PostMapping("/tokens/{id}/revoke")
	String revokeToken(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
		tokens.revoke(me.userId(), id);
		redirect.addFlashAttribute("flash", "profile.flash.token-revoked");
		return "redirect:/profile";
	}

	/**
	 * The principal kept in the session carries the language; replacing it makes the next page
	 * speak the new one.
	 */
	private void refreshAuthentication(CurrentUser me, HttpServletRequest request, HttpServletResponse response) {
		CurrentUser refreshed = new CurrentUser(users.findById(me.id()).orElseThrow());
		Authentication previous = SecurityContextHolder.getContext().getAuthentication();
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken
			.authenticated(refreshed, null, refreshed.getAuthorities());
		authentication.setDetails(previous == null ? null : previous.getDetails());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		securityContexts.saveContext(context, request, response);
	}

	private String view(CurrentUser me, Model model) {
		User user = users.findWithManagerById(me.id()).orElseThrow();
		model.addAttribute("user", user);
		model.addAttribute("tokens", tokens.of(me.userId()));
		AccountOrigin origin = origins.of(me.userId());
		model.addAttribute("fromDirectory", origin != AccountOrigin.LOCAL);
		model.addAttribute("ssoAccount", origin == AccountOrigin.OIDC);
		model.addAttribute("timeZone", timeZone);
		model.addAttribute("now", clock.instant());
		return VIEW;
	}

}

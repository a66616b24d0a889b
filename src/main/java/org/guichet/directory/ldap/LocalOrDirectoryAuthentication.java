package org.guichet.directory.ldap;

import java.util.Optional;

import org.guichet.directory.AccountOrigin;
import org.guichet.directory.AccountOrigins;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The one check of a user name and password, for the login form and HTTP Basic alike. A local
 * account is checked against its password hash and never asks the directory (so local accounts
 * log in while the directory is down); a directory account, or a name Guichet does not know yet
 * while a directory is configured, is checked by the directory ({@link DirectoryLogin}), never
 * against a local password. With no directory configured, directory accounts cannot log in; the
 * accounts of the single sign-on provider never log in with a password. A deactivated local
 * account is refused with a {@link DisabledException} only when its password is right.
 */
@Component
class LocalOrDirectoryAuthentication implements AuthenticationProvider {

	private final DaoAuthenticationProvider local;

	private final UserRepository users;

	private final AccountOrigins origins;

	private final DirectoryLogin directory;

	LocalOrDirectoryAuthentication(UserDetailsService details, PasswordEncoder passwords,
			UserRepository users, AccountOrigins origins, DirectoryLogin directory) {
		this.local = new DaoAuthenticationProvider(details);
		this.local.setPasswordEncoder(passwords);
		// a deactivated account is told so only once its password proved right: a wrong password
		// gets the same answer, after the same hashing, whether the account exists, is active or not
		this.local.setPreAuthenticationChecks(account -> {
		});
		this.local.setPostAuthenticationChecks(account -> {
			if (!account.isEnabled()) {
				throw new DisabledException("The account of " + account.getUsername() + " is deactivated");
			}
		});
		this.users = users;
		this.origins = origins;
		this.directory = directory;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		Optional<User> known = users.findByUsername(username);
		AccountOrigin origin = known.isPresent() ? origins.of(known.get().id()) : AccountOrigin.LOCAL;
		if (origin == AccountOrigin.OIDC) {
			throw new BadCredentialsException("The account of " + username + " signs in with single sign-on only");
		}
		boolean fromDirectory = origin == AccountOrigin.LDAP;
		if (fromDirectory && !directory.enabled()) {
			throw new BadCredentialsException("The account of " + username + " comes from a directory that is not configured");
		}
		if (!fromDirectory && (known.isPresent() || !directory.enabled())) {
			return local.authenticate(authentication);
		}
		Object credentials = authentication.getCredentials();
		CurrentUser user = directory.authenticate(username, credentials == null ? "" : credentials.toString());
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(user, null,
				user.getAuthorities());
		result.setDetails(authentication.getDetails());
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}

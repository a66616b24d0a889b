package org.guichet.directory.oidc;

import java.util.List;

import org.guichet.directory.AccountOrigin;
import org.guichet.directory.Role;
import org.jspecify.annotations.Nullable;

/**
 * Which account a person signing in with the provider is: the one of their subject; else, when
 * the settings allow it, the one local, active account that is not an administrator's with their
 * verified e-mail address (an administrator's account is never taken over: whoever controls the
 * provider would get it); else a new one when the settings allow it; else none.
 */
final class FirstLogin {

	private FirstLogin() {
	}

	/** An account as the rules see it. */
	record Candidate(long userId, boolean active, Role role, AccountOrigin origin) {
	}

	/** Why a sign-in is refused; its code names the explanation on {@code /login/sso}. */
	enum Problem {

		/** The account was deactivated by an administrator. */
		DEACTIVATED("deactivated"),

		/** The one account with the address is an administrator's. */
		ADMINISTRATOR("administrator"),

		/** Several accounts have the address. */
		EMAIL_SHARED("email-shared"),

		/** The account with the address comes from the directory or belongs to another subject. */
		EMAIL_ELSEWHERE("email-elsewhere"),

		/** The desk does not know the person and creates no account. */
		UNKNOWN("unknown"),

		/** A new account would take a user name another account has. */
		USERNAME_TAKEN("username-taken");

		private final String code;

		Problem(String code) {
			this.code = code;
		}

		String code() {
			return code;
		}

	}

	/** What to do: use or link an account, create one, or refuse. */
	sealed interface Decision {
	}

	/** The account of the subject, already linked. */
	record Use(long userId) implements Decision {
	}

	/** The local account with the verified address, to link to the subject. */
	record Link(long userId) implements Decision {
	}

	/** A new account. */
	record Create() implements Decision {
	}

	/** No account. */
	record Refuse(Problem problem) implements Decision {
	}

	/**
	 * @param bySubject the account linked to the person's subject, null when none is
	 * @param emailVerified whether the provider says it verified the address ({@code email_verified} true)
	 * @param byEmail the accounts with the person's address, case ignored (empty without one)
	 * @param matchByEmail whether the settings allow taking an account by its address
	 * @param createAccounts whether the settings allow creating an account
	 */
	static Decision decide(@Nullable Candidate bySubject, boolean emailVerified, List<Candidate> byEmail,
			boolean matchByEmail, boolean createAccounts) {
		if (bySubject != null) {
			return bySubject.active() ? new Use(bySubject.userId()) : new Refuse(Problem.DEACTIVATED);
		}
		if (matchByEmail && emailVerified && !byEmail.isEmpty()) {
			if (byEmail.size() > 1) {
				return new Refuse(Problem.EMAIL_SHARED);
			}
			Candidate found = byEmail.get(0);
			if (found.origin() != AccountOrigin.LOCAL) {
				return new Refuse(Problem.EMAIL_ELSEWHERE);
			}
			if (found.role() == Role.ADMINISTRATOR) {
				return new Refuse(Problem.ADMINISTRATOR);
			}
			if (!found.active()) {
				return new Refuse(Problem.DEACTIVATED);
			}
			return new Link(found.userId());
		}
		return createAccounts ? new Create() : new Refuse(Problem.UNKNOWN);
	}

}

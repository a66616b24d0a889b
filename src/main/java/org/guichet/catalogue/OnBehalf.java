package org.guichet.catalogue;

import java.util.List;
import java.util.Objects;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.system.ForbiddenException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may file a catalogue request for someone else: the IT team for anyone, and, when
 * {@code guichet.catalogue.managers-file-for-team} is true (the default), a manager for their
 * direct reports (the people whose manager they are in the directory, still active).
 */
@Component
@Transactional(readOnly = true)
public class OnBehalf {

	private final UserRepository users;

	private final boolean managersFileForTeam;

	OnBehalf(UserRepository users,
			@Value("${guichet.catalogue.managers-file-for-team:true}") boolean managersFileForTeam) {
		this.users = users;
		this.managersFileForTeam = managersFileForTeam;
	}

	/**
	 * The people a requester may file for besides themselves, by name: their active direct reports
	 * when managers may file for their team; empty when they may not, or have none. Not asked of
	 * the IT team, who file for anyone.
	 */
	public List<User> reportsOf(CurrentUser me) {
		return managersFileForTeam ? users.findByManagerIdAndActiveTrue(me.id(), Sort.by("fullName", "id")) : List.of();
	}

	/**
	 * Checks that {@code by} may file for {@code requesterId} (null: themselves): refuses someone
	 * not of the IT team filing for anyone but themselves and, when managers may file for their
	 * team, their active direct reports.
	 *
	 * @return true when {@code by}, not of the IT team, files for one of their direct reports
	 * @throws ForbiddenException saying who they may file for
	 */
	boolean check(CurrentUser by, @Nullable Long requesterId) {
		if (by.isAgent() || requesterId == null || requesterId == by.id()) {
			return false;
		}
		User requester = users.findWithManagerById(requesterId).orElse(null);
		if (requester != null && mayFileFor(false, by.id(), requesterId, requester.isActive(),
				requester.getManager() == null ? null : requester.getManager().getId(), managersFileForTeam)) {
			return true;
		}
		if (managersFileForTeam) {
			throw new ForbiddenException("catalogue.request.not-your-report",
					"You may file a request for yourself or for the people who report to you, and this person does not",
					requesterId);
		}
		throw new ForbiddenException("catalogue.request.for-yourself",
				"You may file a request for yourself only: ask the IT team to file it for someone else", requesterId);
	}

	/**
	 * The rule: the IT team files for anyone; anyone for themselves; a manager for an active
	 * direct report when managers may file for their team.
	 *
	 * @param requesterManagerId the manager of the person filed for, null when none
	 */
	static boolean mayFileFor(boolean agent, long byId, long requesterId, boolean requesterActive,
			@Nullable Long requesterManagerId, boolean managersFileForTeam) {
		return agent || requesterId == byId
				|| managersFileForTeam && requesterActive && Objects.equals(requesterManagerId, byId);
	}

}

package org.guichet.tickets;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agents add and remove a ticket's observers one at a time, each recorded in its history. An
 * observer is any active person, of the IT team or a requester, other than the ticket's
 * requester: they see the ticket (see {@link TicketAccess}; a member of the IT team made an
 * observer keeps reading it, as for any ticket they took part in) and a requester observer may
 * answer for the requester.
 */
@Service
@Transactional
public class TicketObservers {

	private final TicketManagement management;

	private final UserRepository users;

	private final Clock clock;

	TicketObservers(TicketManagement management, UserRepository users, Clock clock) {
		this.management = management;
		this.users = users;
		this.clock = clock;
	}

	/** The ticket's observers, by full name; for whoever may see the ticket. */
	@Transactional(readOnly = true)
	public List<User> of(TicketId id, CurrentUser reader) {
		return management.visible(id, reader)
			.getObservers()
			.stream()
			.sorted(Comparator.comparing(User::getFullName).thenComparing(User::getUsername))
			.toList();
	}

	/**
	 * Adds an observer.
	 *
	 * @param expectedVersion the ticket's version the agent saw; null not to check it
	 * @throws InvalidInputException (field {@code userId}) for an unknown or inactive person, the
	 * requester, or one who already observes
	 */
	public User add(TicketId id, long userId, @Nullable Long expectedVersion, CurrentUser by) {
		Ticket ticket = management.forUpdate(management.forTeam(id, by), expectedVersion);
		User observer = management.activeUser("userId", userId);
		if (observer.id().equals(ticket.getRequester().id())) {
			throw new InvalidInputException("userId", "ticket.observer.requester",
					"The requester follows their ticket already", observer.getFullName());
		}
		if (ticket.getObservers().stream().anyMatch(o -> o.id().equals(observer.id()))) {
			throw new InvalidInputException("userId", "ticket.observer.already",
					observer.getFullName() + " already observes this ticket", observer.getFullName());
		}
		ticket.addObserver(observer, management.actor(by), clock.instant());
		management.published(ticket);
		return observer;
	}

	/**
	 * Removes an observer.
	 *
	 * @throws InvalidInputException (field {@code userId}) for a person who does not observe the ticket
	 */
	public void remove(TicketId id, long userId, @Nullable Long expectedVersion, CurrentUser by) {
		Ticket ticket = management.forUpdate(management.forTeam(id, by), expectedVersion);
		User observer = ticket.getObservers()
			.stream()
			.filter(o -> o.id().value() == userId)
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("userId", "ticket.observer.not-observer",
					"This person does not observe the ticket", userId));
		ticket.removeObserver(observer, management.actor(by), clock.instant());
		management.published(ticket);
	}

	/**
	 * An active person by username, as an agent types it in the ticket page.
	 *
	 * @throws InvalidInputException (field {@code userId}) when nobody active has it
	 */
	@Transactional(readOnly = true)
	public long personNamed(@Nullable String username) {
		String typed = username == null ? "" : username.strip();
		if (typed.isEmpty()) {
			throw new InvalidInputException("userId", "field.required", "Enter a username");
		}
		return users.findByUsername(typed)
			.filter(User::isActive)
			.map(user -> user.id().value())
			.orElseThrow(() -> new InvalidInputException("userId", "ticket.observer.unknown",
					"No active person with the username " + typed, typed));
	}

}

package org.guichet.tickets;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.system.ConflictException;
import org.guichet.system.ForbiddenException;
import org.guichet.system.InvalidInputException;
import org.guichet.system.NotFoundException;
import org.guichet.tickets.TicketEvents.MajorIncidentResolved;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Major incidents: one service down for many users, handled as one ticket.
 * <ul>
 * <li>An agent who works on the ticket, or a supervisor, flags it ({@link #flag}): its priority
 * becomes {@link Priority#MAJOR} as an override whose reason is given, through the same path as
 * any priority change (history, SLA, facts, events), and the flag is recorded. Removing the flag
 * ({@link #unflag}) is recorded too and gives the ticket back the matrix's priority.</li>
 * <li>Similar tickets are attached to it as children ({@link TicketLinkKind#CHILD_OF}), from
 * either page; a major incident is never a child of another ticket.</li>
 * <li>When it is resolved, its open children are resolved with it in the same transaction, with
 * its solution and solution kind, each recording the major incident's number as why
 * ({@code resolvedWithMajorIncident}); their requesters are told as of any resolution. Children
 * resolved, closed or cancelled already stay as they are. A child reopened later stays attached
 * (the link records where it came from) and is resolved again only if the major incident is
 * resolved again.</li>
 * <li>A person who learnt of it (an announcement) follows it as an observer ({@link #follow}),
 * instead of filing a duplicate.</li>
 * </ul>
 * The rules themselves are {@link MajorIncidentRules}'.
 */
@Service
@Transactional
public class MajorIncidents {

	/** The reason of the priority override when none is given. */
	public static final String DEFAULT_REASON = "Major incident";

	private final TicketManagement management;

	private final TicketRepository tickets;

	private final TicketLinkRepository links;

	private final TicketAccess access;

	private final DeskSettings settings;

	private final UserRepository users;

	private final Clock clock;

	MajorIncidents(TicketManagement management, TicketRepository tickets, TicketLinkRepository links,
			TicketAccess access, DeskSettings settings, UserRepository users, Clock clock) {
		this.management = management;
		this.tickets = tickets;
		this.links = links;
		this.access = access;
		this.settings = settings;
		this.users = users;
		this.clock = clock;
	}

	/**
	 * A major incident as another module shows it.
	 *
	 * @param ongoing whether it is open (new, assigned, in progress, pending)
	 */
	public record Summary(TicketId ticket, String number, String title, boolean ongoing) {
	}

	/**
	 * Flags the ticket as a major incident.
	 *
	 * @param reason why its priority is major, at most 500 characters; blank or null for
	 * {@value #DEFAULT_REASON}
	 * @param expectedVersion the ticket's version the agent saw; null not to check it
	 * @return the ticket, flagged
	 * @throws NotFoundException when the reader may not see the ticket
	 * @throws ForbiddenException outside the IT team, or for a technician who only reads it
	 * @throws ConflictException when it is a major incident already, not open, a child of another
	 * ticket, or changed since {@code expectedVersion}
	 */
	public Ticket flag(TicketId id, @Nullable String reason, @Nullable Long expectedVersion, CurrentUser by) {
		Ticket ticket = management.forUpdate(forIncidentTeam(id, by), expectedVersion);
		TicketId parent = links.findTargets(id.value(), TicketLinkKind.CHILD_OF)
			.stream()
			.findFirst()
			.map(TicketId::new)
			.orElse(null);
		MajorIncidentRules.checkFlag(id, ticket.getStatus(), ticket.isMajorIncident(), parent);
		ticket.flagMajorIncident(reason == null || reason.isBlank() ? DEFAULT_REASON : reason,
				management.actor(by), clock.instant());
		return management.published(ticket);
	}

	/**
	 * Removes the flag; the children stay linked, and are no longer resolved with the ticket.
	 *
	 * @throws ConflictException when it is not a major incident
	 * @throws StaleTicketException when it changed since {@code expectedVersion}
	 * @see #flag for who may
	 */
	public Ticket unflag(TicketId id, @Nullable Long expectedVersion, CurrentUser by) {
		Ticket ticket = management.forUpdate(forIncidentTeam(id, by), expectedVersion);
		MajorIncidentRules.checkUnflag(id, ticket.isMajorIncident());
		ticket.unflagMajorIncident(settings.priorityMatrix(), management.actor(by), clock.instant());
		return management.published(ticket);
	}

	/**
	 * Attaches tickets to a major incident as its children, all or none.
	 *
	 * @param childIds the tickets to attach, by id; the same one twice counts once
	 * @return the tickets attached, in the order given
	 * @throws InvalidInputException (field {@value MajorIncidentRules#CHILD_FIELD}) for none given,
	 * a ticket the agent may not see, the major incident itself, a major incident, one not open,
	 * one with a parent already; (field {@value MajorIncidentRules#MAJOR_FIELD}) when the ticket is
	 * not an open major incident
	 * @see #flag for who may (on the major incident)
	 */
	public List<Ticket> attach(TicketId majorId, List<Long> childIds, CurrentUser by) {
		Ticket major = forIncidentTeam(majorId, by);
		if (childIds.isEmpty()) {
			throw new InvalidInputException(MajorIncidentRules.CHILD_FIELD, "field.required",
					"Enter the numbers of the tickets to attach");
		}
		List<Ticket> attached = new ArrayList<>();
		for (Long childId : new LinkedHashSet<>(childIds)) {
			Ticket child = seen(MajorIncidentRules.CHILD_FIELD, childId, by);
			attached.add(link(major, child, by));
		}
		return attached;
	}

	/**
	 * Attaches the ticket, from its own page, to a major incident as one of its children.
	 *
	 * @throws InvalidInputException as {@link #attach}, the major incident's refusals on field
	 * {@value MajorIncidentRules#MAJOR_FIELD}
	 * @see #flag for who may (on the child)
	 */
	public Ticket attachTo(TicketId childId, @Nullable Long majorId, CurrentUser by) {
		Ticket child = forIncidentTeam(childId, by);
		if (majorId == null) {
			throw new InvalidInputException(MajorIncidentRules.MAJOR_FIELD, "field.required",
					"Choose the major incident");
		}
		Ticket major = seen(MajorIncidentRules.MAJOR_FIELD, majorId, by);
		link(major, child, by);
		return major;
	}

	private Ticket link(Ticket major, Ticket child, CurrentUser by) {
		if (major.id().equals(child.id())) {
			throw new InvalidInputException(MajorIncidentRules.CHILD_FIELD, "ticket.link.self",
					"A ticket cannot be linked to itself");
		}
		MajorIncidentRules.checkChild(major.id(), major.getStatus(), major.isMajorIncident(), child.id(),
				child.getStatus(), child.isMajorIncident());
		long source = child.id().value();
		long target = major.id().value();
		try {
			TicketLinkRules.check(source, target, TicketLinkKind.CHILD_OF,
					links.findBetween(source, target).stream().map(TicketLink::getKind).findFirst().orElse(null),
					from -> links.findTargets(from, TicketLinkKind.CHILD_OF));
		}
		catch (InvalidInputException ex) {
			throw new InvalidInputException(MajorIncidentRules.CHILD_FIELD, ex.messageKey(), ex.getMessage(),
					ex.arguments());
		}
		links.save(child.link(TicketLinkKind.CHILD_OF, major, management.actor(by), clock.instant()));
		management.published(child);
		management.published(major);
		return child;
	}

	/** The ticket's children that the reader may see, by number (a major incident's are resolved with it). */
	@Transactional(readOnly = true)
	public List<Ticket> children(TicketId id, CurrentUser reader) {
		management.visible(id, reader);
		return tickets.findAllById(links.findSources(id.value(), TicketLinkKind.CHILD_OF))
			.stream()
			.filter(child -> access.canSee(child, reader))
			.sorted(Comparator.comparingLong(t -> t.id().value()))
			.toList();
	}

	/** The open major incidents the reader may see, newest first: those a ticket may be attached to. */
	@Transactional(readOnly = true)
	public List<Ticket> ongoing(CurrentUser reader) {
		return tickets.findMajorIncidents(Status.OPEN).stream().filter(t -> access.canSee(t, reader)).toList();
	}

	/**
	 * The major incident, for another module that names it (an announcement); no visibility rule
	 * applies: the caller shows only its number and title.
	 *
	 * @return nothing when there is no such ticket, or it is not a major incident
	 */
	@Transactional(readOnly = true)
	public Optional<Summary> find(long ticketId) {
		return tickets.findById(ticketId)
			.filter(Ticket::isMajorIncident)
			.map(t -> new Summary(t.id(), t.getNumber(), t.getTitle(), Status.OPEN.contains(t.getStatus())));
	}

	/**
	 * The person says they are affected too: they become an observer of the major incident (see
	 * {@link TicketObservers}), recorded in its history, so they read it and are told as it moves,
	 * rather than filing a duplicate. Doing it again changes nothing. Who may is
	 * {@link MajorIncidentRules#checkFollow}'s: a person outside the IT team, on an open major
	 * incident. That the person learnt of the incident (an announcement shown to them) is the
	 * caller's to know.
	 *
	 * @return true when they became an observer now; false when they followed it already (its
	 * requester, or an observer)
	 * @throws NotFoundException when there is no such ticket or it is not a major incident
	 * @throws ForbiddenException for the IT team
	 * @throws ConflictException when it is no longer open
	 */
	public boolean follow(TicketId id, CurrentUser by) {
		Ticket ticket = major(id);
		MajorIncidentRules.checkFollow(id, ticket.getStatus(), by.isAgent());
		if (follows(ticket, by)) {
			return false;
		}
		User person = management.activeUser("userId", by.id());
		ticket.addObserver(person, person, clock.instant());
		management.published(ticket);
		return true;
	}

	/**
	 * Whether the person may follow a major incident at all, as {@link #follow} checks it: outside
	 * the IT team. A page offers "me too" to them only.
	 */
	public static boolean mayFollow(CurrentUser person) {
		return MajorIncidentRules.mayFollow(person.isAgent());
	}

	/**
	 * Whether the person follows the major incident already (its requester, or an observer), so
	 * that "me too" is not offered to them; false when there is no such major incident.
	 */
	@Transactional(readOnly = true)
	public boolean follows(TicketId id, CurrentUser person) {
		return tickets.findWithPeople(id.value())
			.filter(Ticket::isMajorIncident)
			.map(ticket -> follows(ticket, person))
			.orElse(false);
	}

	private Ticket major(TicketId id) {
		return tickets.findWithPeople(id.value())
			.filter(Ticket::isMajorIncident)
			.orElseThrow(() -> new NotFoundException("ticket.major.unknown", "No major incident " + id, id.toString()));
	}

	private static boolean follows(Ticket ticket, CurrentUser person) {
		return MajorIncidentRules.follows(person.id(), ticket.getRequester().id().value(),
				ticket.getObservers().stream().map(o -> o.id().value()).toList());
	}

	/**
	 * Resolves the open children of a major incident just resolved, in its transaction, as the
	 * person who resolved it, with its solution and kind.
	 */
	@EventListener
	void on(MajorIncidentResolved resolved) {
		User by = users.getReferenceById(resolved.byId());
		boolean close = !settings.closure().requesterValidation();
		for (Long childId : links.findSources(resolved.ticket().value(), TicketLinkKind.CHILD_OF)) {
			Ticket child = tickets.findWithPeople(childId).orElseThrow();
			if (MajorIncidentRules.resolvedWithMajorIncident(child.getStatus())) {
				child.resolveWithMajorIncident(resolved.ticket(), resolved.solution(), resolved.kind(), close, by,
						resolved.at());
				management.published(child);
			}
		}
	}

	/**
	 * A ticket the IT team acts on as to a major incident: 404 when not visible, 403 outside the
	 * team, and for a technician who only reads it; a supervisor or an administrator acts on any
	 * ticket they see.
	 */
	private Ticket forIncidentTeam(TicketId id, CurrentUser by) {
		Ticket ticket = management.visible(id, by);
		if (!by.isAgent()) {
			throw new ForbiddenException("ticket.transition.agent-only", "Only the IT team can do this");
		}
		return by.role().includes(Role.SUPERVISOR) ? ticket : management.requireWork(ticket, by);
	}

	private Ticket seen(String field, long ticketId, CurrentUser by) {
		return tickets.findWithPeople(ticketId)
			.filter(t -> access.canSee(t, by))
			.orElseThrow(() -> new InvalidInputException(field, "ticket.link.unknown",
					"No ticket " + new TicketId(ticketId) + " that you may see", new TicketId(ticketId).toString()));
	}

}

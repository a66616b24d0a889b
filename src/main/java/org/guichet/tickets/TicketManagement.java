package org.guichet.tickets;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.system.ConflictException;
import org.guichet.system.ForbiddenException;
import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;
import org.guichet.system.NotFoundException;
import org.guichet.tickets.TicketEvents.TicketCreated;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tickets module's entry point: every channel registers and moves tickets through here.
 * It decides who may do what, then lets the {@link Ticket} apply its own rules.
 */
@Service
@Transactional
public class TicketManagement {

	/** The way in of an action taken through a signed link of a mail ({@link #recordWayIn}). */
	public static final String SIGNED_LINK = "SIGNED_LINK";

	/**
	 * The way in of a ticket an agent registered from the chat of a visitor who was not logged in
	 * ({@link #recordWayIn}): its requester is the account of an address the visitor typed, not verified.
	 */
	public static final String VISITOR_CHAT = "VISITOR_CHAT";

	private static final Set<String> TEAM_WORK_FIELDS = Set.of("task", "attachment", "routing",
			"escalationFunctional", "escalationHierarchical", "escalationAutomatic", "slaTtrDeadline", "slaPolicy",
			"mailBounce", "mailTriage", "assistGenerated");

	private final TicketRepository tickets;

	private final EscalationRepository escalations;

	private final CommentRepository comments;

	private final HistoryRepository history;

	private final TaskRepository tasks;

	private final AttachmentRepository attachments;

	private final AttachmentContentRepository contents;

	private final IdempotencyKeyRepository idempotencyKeys;

	private final TicketLinkRepository links;

	private final CategoryRepository categories;

	private final Categories categoryTree;

	private final UserRepository users;

	private final SupportGroupRepository groups;

	private final DeskSettings settings;

	private final TicketAccess access;

	private final TicketSearch search;

	private final TicketParticipants participants;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<TicketRouter> router;

	private final SlaColumns slaColumns;

	private final TicketFactsKeeper factsKeeper;

	private final Mentions mentions;

	private final Surveys surveys;

	private final Clock clock;

	TicketManagement(TicketRepository tickets, EscalationRepository escalations, CommentRepository comments,
			HistoryRepository history, TaskRepository tasks, AttachmentRepository attachments,
			AttachmentContentRepository contents, IdempotencyKeyRepository idempotencyKeys, TicketLinkRepository links,
			CategoryRepository categories, Categories categoryTree, UserRepository users,
			SupportGroupRepository groups, DeskSettings settings, TicketAccess access, TicketSearch search,
			TicketParticipants participants, ApplicationEventPublisher events, ObjectProvider<TicketRouter> router, SlaColumns slaColumns, TicketFactsKeeper factsKeeper,
			Mentions mentions, Surveys surveys, Clock clock) {
		this.tickets = tickets;
		this.escalations = escalations;
		this.comments = comments;
		this.history = history;
		this.tasks = tasks;
		this.attachments = attachments;
		this.contents = contents;
		this.idempotencyKeys = idempotencyKeys;
		this.links = links;
		this.categories = categories;
		this.categoryTree = categoryTree;
		this.users = users;
		this.groups = groups;
		this.settings = settings;
		this.access = access;
		this.search = search;
		this.participants = participants;
		this.events = events;
		this.router = router;
		this.slaColumns = slaColumns;
		this.factsKeeper = factsKeeper;
		this.mentions = mentions;
		this.surveys = surveys;
		this.clock = clock;
	}

	// --- Registration -----------------------------------------------------------------------

	/**
	 * Registers a demand. A requester registers for themselves and leaves the impact to the IT
	 * team; an agent may register on behalf of anyone, through any channel.
	 */
	public Ticket register(NewTicket demand, CurrentUser by) {
		return register(demand, by, null);
	}

	/**
	 * @param idempotencyKey when the same caller sends the same key again, the ticket made the
	 * first time is returned and nothing new is registered
	 * @throws InvalidInputException (field {@code followUpOf}) when the demand follows up a
	 * ticket the caller cannot see
	 */
	public Ticket register(NewTicket demand, CurrentUser by, @Nullable String idempotencyKey) {
		return register(demand, by, idempotencyKey, null);
	}

	/**
	 * Registers a demand that came by e-mail, written by {@code by} (its requester, or a member of
	 * the IT team writing for themselves): channel {@link Channel#EMAIL} whoever wrote it. The
	 * routing rules apply as to any demand; when they name no group, the ticket goes to the
	 * mailbox's group.
	 *
	 * @param mailbox the mailbox that received it, named in the history as the routing that chose
	 *        its group
	 * @param groupId the mailbox's group, or null for none; an unknown group is left out
	 * @throws InvalidInputException as {@link #register(NewTicket, CurrentUser, String)}
	 */
	public Ticket registerByMail(NewTicket demand, String mailbox, @Nullable Long groupId, CurrentUser by) {
		return register(new NewTicket(demand.type(), demand.title(), demand.description(), demand.requesterId(),
				Channel.EMAIL, demand.categoryId(), demand.urgency(), demand.impact(), demand.observerIds(),
				demand.followUpOf()), by, null, new Origin(mailbox, groupId, List.of(), false));
	}

	/**
	 * Registers a demand that came by SMS, written by {@code by} (the person whose phone number
	 * texted): channel {@link Channel#SMS} whoever wrote it. The routing rules apply as to any
	 * demand; when they name no group, the ticket goes to the SMS channel's group.
	 *
	 * @param number the desk's number that received it (or the channel's name), named in the history
	 *        as the routing that chose its group
	 * @param groupId the SMS channel's group, or null for none; an unknown group is left out
	 * @throws InvalidInputException as {@link #register(NewTicket, CurrentUser, String)}
	 */
	public Ticket registerBySms(NewTicket demand, String number, @Nullable Long groupId, CurrentUser by) {
		return register(new NewTicket(demand.type(), demand.title(), demand.description(), demand.requesterId(),
				Channel.SMS, demand.categoryId(), demand.urgency(), demand.impact(), demand.observerIds(),
				demand.followUpOf()), by, null, new Origin(number, groupId, List.of(), false));
	}

	/**
	 * Registers a demand filed through an item of the service catalogue (module catalogue), with
	 * the channel the demand names (the catalogue gives {@link Channel#PORTAL} or {@link Channel#API}).
	 * The routing rules apply as to any demand; when they name no group, the ticket goes to the
	 * item's group. The item's tasks are added to the ticket, unassigned, by whoever registers it.
	 *
	 * @param item the item's name, named in the history as the routing that chose its group
	 * @param groupId the item's group, or null for none; an unknown group is left out
	 * @param tasks the titles of the tasks to add, in order; none for no task
	 * @param forReport whether the catalogue lets {@code by}, not of the IT team, file for the
	 *        demand's requester as their manager: the requester must then be active and have
	 *        {@code by} for manager in the directory
	 * @throws InvalidInputException as {@link #register(NewTicket, CurrentUser, String)}
	 * @throws ForbiddenException when someone not of the IT team files for another person without
	 *         {@code forReport}, or for someone whose manager they are not
	 */
	public Ticket registerFromCatalogue(NewTicket demand, String item, @Nullable Long groupId, List<String> tasks,
			boolean forReport, CurrentUser by) {
		return register(demand, by, null, new Origin(item, groupId, List.copyOf(tasks), forReport));
	}

	/**
	 * Where a demand that came by e-mail or through the catalogue goes when routing names no group
	 * ({@code name}: the mailbox or the catalogue item), the tasks it starts with, and whether a
	 * manager files it for one of their direct reports.
	 */
	private record Origin(String name, @Nullable Long groupId, List<String> tasks, boolean forReport) {
	}

	private Ticket register(NewTicket demand, CurrentUser by, @Nullable String idempotencyKey,
			@Nullable Origin origin) {
		if (idempotencyKey != null) {
			Optional<Ticket> earlier = idempotencyKeys.findById(new IdempotencyKey.Key(by.id(), idempotencyKey))
				.flatMap(k -> tickets.findById(k.ticketId()));
			if (earlier.isPresent()) {
				return earlier.get();
			}
			if (idempotencyKey.length() > 200) {
				throw new InvalidInputException("Idempotency-Key", "field.too-long", "The idempotency key is too long",
						200);
			}
		}
		Instant now = clock.instant();
		User registrar = users.getReferenceById(by.id());
		User requester = registrar;
		Impact impact = Impact.LOW;
		Channel channel = demand.channel();
		InputChecks input = new InputChecks();
		if (by.isAgent()) {
			if (demand.requesterId() != null) {
				User chosen = input.check(() -> activeUser("requesterId", demand.requesterId()));
				requester = chosen == null ? requester : chosen;
			}
			if (demand.impact() != null) {
				impact = demand.impact();
			}
		}
		else if (demand.requesterId() != null && demand.requesterId() != by.id()) {
			User report = origin != null && origin.forReport()
					? users.findWithManagerById(demand.requesterId()).filter(User::isActive).orElse(null) : null;
			if (report == null || report.getManager() == null || !Objects.equals(report.getManager().getId(), by.id())) {
				throw new ForbiddenException("ticket.register.for-others", "Only the IT team registers for someone else");
			}
			requester = report;
		}
		else if (channel != Channel.API && origin == null) {
			channel = Channel.PORTAL;
		}
		if (demand.requesterId() == null || demand.requesterId() == by.id()) {
			requester = users.findById(by.id()).orElseThrow();
		}
		Category category = demand.categoryId() == null ? null : input.check(() -> category(demand.categoryId()));
		Ticket earlier = demand.followUpOf() == null ? null : input.check(() -> followedUp(demand.followUpOf(), by));
		input.check(() -> Ticket.checkDemand(demand.title(), demand.description()));
		input.refuseIfAny();
		TicketRouter.Decision routing = route(demand, requester, channel, by.isAgent() ? demand.impact() : null, now);
		// An agent chose the urgency, and the impact when given, in the form: routing does not override them.
		Urgency urgency = routing.urgency() != null && !by.isAgent() ? routing.urgency() : demand.urgency();
		if (routing.impact() != null && (!by.isAgent() || demand.impact() == null)) {
			impact = routing.impact();
		}
		Ticket ticket = new Ticket(demand.type(), demand.title(), demand.description(), requester, registrar, channel,
				category, urgency, impact, settings.priorityMatrix(), now);
		for (Long observerId : demand.observerIds()) {
			ticket.addObserver(activeUser("observerIds", observerId), registrar, now);
		}
		tickets.save(ticket);
		if (!routing.rules().isEmpty()) {
			applyRouting(ticket, routing, now);
		}
		if (origin != null && origin.groupId() != null && ticket.getGroup() == null) {
			SupportGroup group = groups.findById(origin.groupId()).orElse(null);
			if (group != null) {
				ticket.route(List.of(origin.name()), group, autoAssigned(group, ticket), List.of(), now);
			}
		}
		if (origin != null) {
			for (String task : origin.tasks()) {
				ticket.addTask(task, null, null, registrar, now);
			}
		}
		if (earlier != null) {
			links.save(ticket.link(TicketLinkKind.FOLLOW_UP_OF, earlier, registrar, now));
		}
		if (idempotencyKey != null) {
			idempotencyKeys.save(new IdempotencyKey(by.id(), idempotencyKey, ticket.id().value(), now));
		}
		// the ticket has no participant yet: recorded without a look-up each
		participants.recordNew(ticket);
		events.publishEvent(new TicketCreated(ticket.id(), ticket.getType(), ticket.getPriority(),
				category == null ? null : category.getId(), ticket.getChannel(), requester.id().value(), now,
				routing.slaPolicyId()));
		published(ticket);
		return ticket;
	}

	private Ticket followedUp(long ticketId, CurrentUser by) {
		return tickets.findWithPeople(ticketId)
			.filter(t -> access.canSee(t, by))
			.orElseThrow(() -> new InvalidInputException("followUpOf", "ticket.follow-up.unknown",
					"No ticket " + ticketId + " to follow up", String.valueOf(ticketId)));
	}

	private TicketRouter.Decision route(NewTicket demand, User requester, Channel channel, @Nullable Impact impact,
			Instant now) {
		TicketRouter ticketRouter = router.getIfAvailable();
		if (ticketRouter == null) {
			return TicketRouter.Decision.NONE;
		}
		return ticketRouter.route(new TicketRouter.Demand(demand.type(), demand.title(), demand.description(),
				demand.categoryId(), channel, requester.getDepartment(), requester.getLocation(), requester.isVip(),
				demand.urgency(), impact, now));
	}

	/**
	 * A group, technician or observer that no longer exists or is no longer active is left out:
	 * the demand is registered all the same.
	 */
	private void applyRouting(Ticket ticket, TicketRouter.Decision routing, Instant now) {
		SupportGroup group = routing.groupId() == null ? null : groups.findById(routing.groupId()).orElse(null);
		User technician = routing.technicianId() == null ? null
				: users.findById(routing.technicianId())
					.filter(u -> u.isActive() && u.getRole().isAgent())
					.orElse(null);
		List<User> observers = users.findAllById(routing.observerIds()).stream().filter(User::isActive).toList();
		ticket.route(routing.rules(), group, technician, observers, now);
	}

	// --- Reading ----------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public Ticket get(TicketId id, CurrentUser reader) {
		return visible(id, reader);
	}

	/**
	 * The ticket, for a part of it that is the IT team's own work (its tasks, its escalations,
	 * and whatever another module keeps to the team, such as the SLA when requesters may not see
	 * it). Anyone else gets the same 404 as for a ticket they may not see, whether or not they
	 * see the ticket: for them that part does not exist, and reading or writing it is alike.
	 *
	 * @throws NotFoundException for a reader outside the IT team, or who may not see the ticket
	 */
	@Transactional(readOnly = true)
	public Ticket internal(TicketId id, CurrentUser reader) {
		Ticket ticket = visible(id, reader);
		if (!reader.isAgent()) {
			throw new NotFoundException("ticket.internal-part", "This part of ticket " + id + " is the IT team's",
					id.toString());
		}
		return ticket;
	}

	/**
	 * The ticket with its timeline; a requester never receives internal notes or files.
	 */
	@Transactional(readOnly = true)
	public TicketView view(TicketId id, CurrentUser reader) {
		Ticket ticket = visible(id, reader);
		long ticketId = id.value();
		boolean agent = reader.isAgent();
		List<Comment> timeline = agent ? comments.findTimeline(ticketId) : comments.findPublicTimeline(ticketId);
		List<Attachment> files = attachments.findByTicket(ticketId)
			.stream()
			.filter(a -> agent || !a.isInternal())
			.toList();
		ticket.getObservers().size();
		boolean observer = ticket.getObservers().stream().anyMatch(o -> o.getId() == reader.id());
		return new TicketView(ticket, timeline, files, agent ? tasks.findByTicket(ticketId) : List.of(), observer);
	}

	/**
	 * Whether the reader, who sees the ticket, may act on it beyond replying and adding notes: a
	 * member of the IT team reads the tickets they took part in wherever they moved, but works only
	 * on those of their groups, unrouted, assigned to them or requested by them (see ARCHITECTURE.md,
	 * Security). False for anyone outside the IT team.
	 */
	@Transactional(readOnly = true)
	public boolean mayWorkOn(Ticket ticket, CurrentUser reader) {
		return access.canWorkOn(ticket, reader);
	}

	@Transactional(readOnly = true)
	public TicketSlice search(TicketQuery query, CurrentUser reader) {
		return search.search(query, reader);
	}

	/**
	 * The audit trail; a requester does not see the IT team's own work in it (tasks, files,
	 * which may be internal, the routing rules that fired, escalations and their reasons, SLA
	 * deadlines), as they do not see internal notes.
	 */
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(TicketId id, CurrentUser reader) {
		visible(id, reader);
		List<HistoryEntry> entries = history.findByTicket(id.value());
		return reader.isAgent() ? entries
				: entries.stream().filter(e -> !TEAM_WORK_FIELDS.contains(e.getField())).toList();
	}

	/**
	 * Records who of the IT team took part in a ticket written outside the lifecycle's entry
	 * points (the demo's past tickets, an import), just after it was persisted, so that they keep
	 * reading it like any other ticket they worked on. Its events are not published.
	 */
	public void recordParticipantsOfNew(Ticket ticket) {
		participants.recordNew(ticket);
	}

	/**
	 * The ticket when the reader may see it, else nothing (never an exception): for a caller that
	 * decides what to do with a message that names a ticket, such as the mail ingestion.
	 */
	@Transactional(readOnly = true)
	public Optional<Ticket> findVisible(TicketId id, CurrentUser reader) {
		return tickets.findWithPeople(id.value()).filter(t -> access.canSee(t, reader));
	}

	/**
	 * A ticket as it is stored, for another module's own work (not a person's reading: no
	 * visibility rule applies).
	 *
	 * @throws NotFoundException if there is no such ticket
	 */
	@Transactional(readOnly = true)
	public Ticket find(TicketId id) {
		return tickets.findById(id.value())
			.orElseThrow(() -> new NotFoundException("ticket.not-found", "No ticket " + id, id.toString()));
	}

	/**
	 * The whole audit trail of a ticket, oldest first, for another module's own work such as
	 * recomputing SLA clocks (no visibility rule applies).
	 */
	@Transactional(readOnly = true)
	public List<HistoryEntry> auditTrail(TicketId id) {
		return history.findByTicket(id.value());
	}

	/**
	 * The audit trails of many tickets read by one query, each oldest first, as
	 * {@link #auditTrail(TicketId)} gives them: for work on a batch of tickets. A ticket without
	 * history, or unknown, gets an empty list.
	 */
	@Transactional(readOnly = true)
	public Map<TicketId, List<HistoryEntry>> auditTrails(List<TicketId> ids) {
		Map<TicketId, List<HistoryEntry>> trails = new HashMap<>();
		ids.forEach(id -> trails.put(id, new ArrayList<>()));
		if (!ids.isEmpty()) {
			history.findByTickets(ids.stream().map(TicketId::value).toList())
				.forEach(entry -> trails.get(new TicketId(Objects.requireNonNull(entry.ticketId()))).add(entry));
		}
		return trails;
	}

	/**
	 * The solutions the ticket had and lost (refused, or withdrawn by a reopening), oldest first:
	 * none of them is its solution.
	 */
	@Transactional(readOnly = true)
	public List<PastSolution> pastSolutions(TicketId id, CurrentUser reader) {
		visible(id, reader);
		return PastSolution.from(history.findFieldsOfTicket(id.value(), PastSolution.FIELDS));
	}

	/** The tickets linked to this one that the reader may see, oldest link first. */
	@Transactional(readOnly = true)
	public List<LinkedTicket> links(TicketId id, CurrentUser reader) {
		visible(id, reader);
		return links.findOfTicket(id.value()).stream().map(link -> {
			boolean inverse = link.getTarget().id().equals(id);
			return new LinkedTicket(Objects.requireNonNull(link.getId()), link.getKind(), inverse, inverse ? link.getSource() : link.getTarget());
		}).filter(linked -> access.canSee(linked.ticket(), reader)).toList();
	}

	@Transactional(readOnly = true)
	public List<Comment> comments(TicketId id, CurrentUser reader) {
		return view(id, reader).comments();
	}

	@Transactional(readOnly = true)
	public AttachmentFile download(TicketId id, long attachmentId, CurrentUser reader) {
		visible(id, reader);
		Attachment attachment = attachments.findOnTicket(id.value(), attachmentId)
			.filter(a -> reader.isAgent() || !a.isInternal())
			.orElseThrow(() -> new NotFoundException("attachment.not-found", "No such attachment", attachmentId));
		byte[] content = contents.findById(attachmentId).orElseThrow().content();
		return new AttachmentFile(attachment, content);
	}

	/**
	 * The files of a ticket its requester reads (none internal), oldest first, for a module that
	 * shows them to people who do not see the ticket (an approver reads what they approve): no
	 * visibility rule applies, the caller's does.
	 */
	@Transactional(readOnly = true)
	public List<Attachment> requesterFiles(TicketId id) {
		return attachments.findByTicket(id.value()).stream().filter(a -> !a.isInternal()).toList();
	}

	/**
	 * One of {@link #requesterFiles}, with its content; no visibility rule applies, the caller's does.
	 *
	 * @throws NotFoundException when the ticket has no such file, or it is internal
	 */
	@Transactional(readOnly = true)
	public AttachmentFile requesterFile(TicketId id, long attachmentId) {
		Attachment attachment = attachments.findOnTicket(id.value(), attachmentId)
			.filter(a -> !a.isInternal())
			.orElseThrow(() -> new NotFoundException("attachment.not-found", "No such attachment", attachmentId));
		return new AttachmentFile(attachment, contents.findById(attachmentId).orElseThrow().content());
	}

	// --- Assignment and lifecycle -----------------------------------------------------------

	public Ticket assign(TicketId id, @Nullable Long groupId, @Nullable Long technicianId,
			@Nullable Long expectedVersion, CurrentUser by) {
		Ticket ticket = forUpdate(forTeam(id, by), expectedVersion);
		SupportGroup group = groupId == null ? null
				: groups.findById(groupId)
					.orElseThrow(() -> new InvalidInputException("groupId", "group.unknown", "No such group", groupId));
		User technician = technicianId == null ? null : activeUser("assigneeId", technicianId);
		if (technician != null && !technician.getRole().isAgent()) {
			throw new InvalidInputException("assigneeId", "ticket.assign.not-agent",
					"Only a member of the IT team can be assigned", technician.getUsername());
		}
		if (technician != null && group != null && !group.hasMember(technician.id().value())) {
			throw new InvalidInputException("assigneeId", "ticket.assign.not-member",
					"The technician is not a member of the group", technician.getUsername(), group.getName());
		}
		ticket.assign(group, technician, actor(by), clock.instant());
		return published(ticket);
	}

	public Ticket transition(TicketId id, Transition transition, @Nullable Long expectedVersion, CurrentUser by) {
		Ticket ticket = forUpdate(id, by, expectedVersion);
		User actor = actor(by);
		Instant now = clock.instant();
		TicketAction action = transition.action();
		if (!action.isTransition()) {
			throw new InvalidInputException("action", "ticket.transition.unknown", "Not a transition: " + action,
					action.name());
		}
		if (action.isRequesterAnswer()) {
			if (ticket.getRequester().getId() != by.id()) {
				throw new ForbiddenException("ticket.transition.requester-only",
						"Only the requester accepts or refuses the solution");
			}
		}
		else if (action == TicketAction.CANCEL) {
			if (!by.isAgent() && ticket.getRequester().getId() != by.id()) {
				throw new ForbiddenException("ticket.transition.agent-only", "Only the IT team can do this");
			}
			if (by.isAgent()) {
				requireWork(ticket, by);
			}
		}
		else {
			requireAgent(by);
			requireWork(ticket, by);
		}
		switch (action) {
			case TAKE -> ticket.take(actor, now);
			case PENDING -> ticket.putPending(required("pendingReason", transition.pendingReason()), actor, now);
			case RESUME -> ticket.resume(actor, now);
			case RESOLVE -> resolve(ticket, required("solution", transition.solution()),
					required("solutionKind", transition.solutionKind()), actor, now);
			case ACCEPT -> ticket.accept(actor, transition.reason(), now);
			case REFUSE -> ticket.refuse(required("reason", transition.reason()), actor, now);
			case REOPEN -> ticket.reopen(actor, now);
			case CANCEL -> ticket.cancel(required("reason", transition.reason()), actor, now);
			case ASSIGN, ESCALATE, AUTO_CLOSE -> throw new IllegalStateException("not a transition: " + action);
		}
		return published(ticket);
	}

	/**
	 * The requester confirms that an article solved their problem: the ticket is resolved by
	 * self-service and closed ({@link Ticket#resolveBySelfService}). Whether the article may be
	 * offered for this ticket is the caller's rule (module assist); this checks who acts and the
	 * ticket's state.
	 *
	 * @param solution the solution's text (Markdown: the article's title and link)
	 * @param article the article as the history names it, {@code "#id title"}
	 * @throws NotFoundException when {@code by} may not see the ticket
	 * @throws ForbiddenException ({@code ticket.self-service.requester-only}) unless {@code by} is its requester
	 * @throws IllegalTransitionException when someone took it already, or it is no longer open
	 */
	public Ticket resolveBySelfService(TicketId id, String solution, String article, CurrentUser by) {
		Ticket ticket = forUpdate(id, by, null);
		if (ticket.getRequester().getId() != by.id()) {
			throw new ForbiddenException("ticket.self-service.requester-only",
					"Only the requester resolves their ticket with an article");
		}
		ticket.resolveBySelfService(solution, article, actor(by), clock.instant());
		return published(ticket);
	}

	/** Without requester validation ({@link ClosureSettings}) the resolution closes the ticket. */
	private void resolve(Ticket ticket, String solution, SolutionKind kind, User actor, Instant now) {
		if (kind == SolutionKind.SELF_SERVICE) {
			throw new InvalidInputException("solutionKind", "ticket.solution-kind.self-service",
					"Only the requester resolves a ticket by self-service, from an article offered to them");
		}
		if (settings.closure().requesterValidation()) {
			ticket.resolve(solution, kind, actor, now);
		}
		else {
			ticket.resolveAndClose(solution, kind, actor, now);
		}
	}

	/**
	 * The requester rates a closed ticket while its satisfaction survey is open ({@link Surveys}).
	 *
	 * @throws InvalidInputException on {@code rating} when the ticket is not surveyed or its survey
	 * expired, or the rating is outside 1 to 5
	 */
	public Ticket rate(TicketId id, int rating, @Nullable String comment, CurrentUser by) {
		Ticket ticket = forUpdate(id, by, null);
		if (ticket.getRequester().getId() != by.id()) {
			throw new ForbiddenException("ticket.rating.requester-only", "Only the requester rates the service");
		}
		Instant now = clock.instant();
		surveys.requireAnswerable(ticket, now);
		ticket.rate(rating, comment, actor(by), now);
		return published(ticket);
	}

	/**
	 * Closes the resolved tickets whose requester did not answer within the configured delay. A
	 * ticket whose requester replied waits until the IT team takes the reply up, then the whole
	 * delay again.
	 *
	 * @return how many were closed
	 */
	public int closeUnanswered(int batchSize) {
		int days = settings.autoCloseDays();
		if (days == 0) {
			return 0;
		}
		Instant now = clock.instant();
		Instant before = now.minus(java.time.Duration.ofDays(days));
		List<Long> due = tickets.findResolvedBefore(before, PageRequest.of(0, batchSize));
		for (Long ticketId : due) {
			Ticket ticket = tickets.findById(ticketId).orElseThrow();
			ticket.closeUnanswered(now);
			published(ticket);
		}
		return due.size();
	}

	// --- Escalation -------------------------------------------------------------------------

	/**
	 * An agent escalates a ticket, with a reason: {@link EscalationKind#FUNCTIONAL} to the group
	 * {@code groupId} of a higher support level (and optionally its member {@code technicianId}),
	 * or {@link EscalationKind#HIERARCHICAL} to the manager of the ticket's technician, else of
	 * the agent, who is added as observer.
	 */
	public Escalation escalate(TicketId id, @Nullable EscalationKind kind, @Nullable Long groupId,
			@Nullable Long technicianId, @Nullable String reason, @Nullable Long expectedVersion, CurrentUser by) {
		Ticket ticket = forUpdate(teamWork(id, by), expectedVersion);
		User actor = users.findById(by.id()).orElseThrow();
		Instant now = clock.instant();
		String why = required("reason", reason);
		Escalation escalation = switch (required("kind", kind)) {
			case FUNCTIONAL -> {
				long targetId = required("groupId", groupId);
				SupportGroup target = groups.findById(targetId)
					.orElseThrow(() -> new InvalidInputException("groupId", "group.unknown", "No such group", targetId));
				User technician = technicianId == null ? autoAssigned(target, ticket)
						: activeUser("assigneeId", technicianId);
				if (technician != null && !target.hasMember(technician.id().value())) {
					throw new InvalidInputException("assigneeId", "ticket.assign.not-member",
							"The technician is not a member of the group", technician.getUsername(), target.getName());
				}
				yield ticket.escalate(target, technician, why, actor, now);
			}
			case HIERARCHICAL -> ticket.escalateToSupervisor(supervisorOf(ticket, actor), why, actor, now);
			case AUTOMATIC -> throw new InvalidInputException("kind", "escalation.automatic-by-hand",
					"Automatic escalations come from the SLA policy's levels");
		};
		escalations.save(escalation);
		published(ticket);
		return escalation;
	}

	/**
	 * A level of the ticket's SLA policy fired: Guichet raises its priority one step, moves it
	 * to {@code groupId} or else to the first group of the next support level, adds an
	 * observer, as the level says, and records the escalation.
	 *
	 * @param level names the level, for the history
	 * @return the ticket as it is after the escalation
	 */
	public Ticket escalateAutomatically(TicketId id, String level, boolean raisePriority, boolean reassign,
			@Nullable Long groupId, @Nullable Long observerId, Instant at) {
		Ticket ticket = tickets.findById(id.value())
			.orElseThrow(() -> new NotFoundException("ticket.not-found", "No ticket " + id, id.toString()));
		SupportGroup target = null;
		if (reassign) {
			target = groupId != null ? groups.findById(groupId).orElse(null) : nextLevelGroup(ticket.getGroup());
		}
		User technician = target == null ? null : autoAssigned(target, ticket);
		User observer = observerId == null ? null : users.findById(observerId).filter(User::isActive).orElse(null);
		escalations.save(ticket.escalateAutomatically(level, raisePriority, target, technician, observer, at));
		return published(ticket);
	}

	/** The ticket's escalations, oldest first. */
	@Transactional(readOnly = true)
	public List<Escalation> escalations(TicketId id, CurrentUser reader) {
		internal(id, reader);
		return escalations.findByTicket(id.value());
	}

	/** The ticket's tasks, oldest first; a part of the ticket only the IT team sees. */
	@Transactional(readOnly = true)
	public List<Task> tasks(TicketId id, CurrentUser reader) {
		internal(id, reader);
		return tasks.findByTicket(id.value());
	}

	/** The member of the group its auto-assignment picks for the ticket, if it auto-assigns. */
	private @Nullable User autoAssigned(SupportGroup group, Ticket ticket) {
		TicketRouter ticketRouter = router.getIfAvailable();
		Long technicianId = ticketRouter == null || group.getId() == null ? null
				: ticketRouter.technicianFor(group.getId(),
						ticket.getCategory() == null ? null : ticket.getCategory().getId());
		return technicianId == null ? null : users.findById(technicianId).filter(User::isActive).orElse(null);
	}

	private User supervisorOf(Ticket ticket, User actor) {
		User technician = ticket.getAssignee();
		User supervisor = technician != null && technician.getManager() != null ? technician.getManager()
				: actor.getManager();
		if (supervisor == null || !supervisor.isActive()) {
			throw new ConflictException("escalation.no-supervisor",
					"Neither the ticket's technician nor you have an active manager to escalate to");
		}
		return supervisor;
	}

	private @Nullable SupportGroup nextLevelGroup(@Nullable SupportGroup current) {
		SupportLevel level = current == null ? SupportLevel.N1 : current.getLevel();
		if (level == SupportLevel.N3) {
			return null;
		}
		SupportLevel next = SupportLevel.values()[level.ordinal() + 1];
		return groups.findAll(Sort.by("name", "id")).stream().filter(g -> g.getLevel() == next).findFirst().orElse(null);
	}

	// --- Timeline ---------------------------------------------------------------------------

	/**
	 * A public reply or an internal note (IT team only). What a reply of the requester's side does
	 * to a ticket waiting on them is {@link Ticket#reply}'s, with the desk's
	 * {@link DeskSettings#replyToResolved() rule} for a resolved ticket. Colleagues a member of
	 * the IT team names in it ({@code @login}) take part in the ticket and are told.
	 *
	 * @throws TicketClosedException when the requester's side replies to a closed or cancelled ticket
	 */
	public Comment comment(TicketId id, String body, boolean internal, CurrentUser by) {
		return comment(id, body, internal, false, by);
	}

	/**
	 * A public reply that came by e-mail: the same reply as {@link #comment} on the page, with its
	 * rules (what it does to a ticket waiting on the requester's side, the desk's rule for a
	 * resolved ticket, the first response of the IT team), marked as come by e-mail
	 * ({@link Comment#isByMail()}). The comment is written at once, so that its id is known: the
	 * mail it came from is kept under that id.
	 *
	 * @throws TicketClosedException when the requester's side replies to a closed or cancelled ticket
	 */
	public Comment replyByMail(TicketId id, String body, CurrentUser by) {
		Comment comment = comment(id, body, false, true, by);
		comments.flush();
		return comment;
	}

	private Comment comment(TicketId id, String body, boolean internal, boolean byMail, CurrentUser by) {
		Ticket ticket = forUpdate(id, by, null);
		User actor = actor(by);
		Comment comment;
		if (internal) {
			requireAgent(by);
			comment = ticket.addInternalNote(actor, body, clock.instant());
		}
		else {
			comment = ticket.reply(actor, body, settings.replyToResolved(), clock.instant());
		}
		if (byMail) {
			comment.cameByMail();
		}
		ticket.mention(mentions.colleaguesNamedIn(comment), comment, clock.instant());
		published(ticket);
		return comment;
	}

	public Attachment attach(TicketId id, String fileName, String contentType, byte[] content, boolean internal,
			CurrentUser by) {
		Ticket ticket = forUpdate(id, by, null);
		if (internal) {
			requireAgent(by);
		}
		String name = AttachmentRules.safeFileName(fileName);
		AttachmentRules.checkSize(content.length);
		Attachment attachment = ticket.attach(actor(by), name, AttachmentRules.normalisedType(contentType),
				content.length, internal, clock.instant());
		attachments.save(attachment);
		contents.save(new AttachmentContent(attachment.getId(), content));
		published(ticket);
		return attachment;
	}

	public Task addTask(TicketId id, String title, @Nullable Long assigneeId, @Nullable Integer plannedMinutes,
			CurrentUser by) {
		Ticket ticket = teamWork(id, by);
		User assignee = assigneeId == null ? null : activeUser("assigneeId", assigneeId);
		Task task = ticket.addTask(title, assignee, plannedMinutes, actor(by), clock.instant());
		published(ticket);
		return task;
	}

	public Task updateTask(TicketId id, long taskId, TaskStatus status, @Nullable Integer actualMinutes,
			CurrentUser by) {
		Ticket ticket = teamWork(id, by);
		Task task = tasks.findOnTicket(id.value(), taskId)
			.orElseThrow(() -> new NotFoundException("task.not-found", "No such task", taskId));
		ticket.updateTask(task, status, actualMinutes, actor(by), clock.instant());
		published(ticket);
		return task;
	}

	/**
	 * Records in the ticket's audit trail that {@code by}'s action just taken on it (in the same
	 * transaction) came in another way than the pages or the API, e.g. {@link #SIGNED_LINK}.
	 *
	 * @param way a name of a way in, among the constants of this class
	 */
	public void recordWayIn(TicketId id, String way, CurrentUser by) {
		Ticket ticket = tickets.findById(id.value())
			.orElseThrow(() -> new NotFoundException("ticket.not-found", "No ticket " + id, id.toString()));
		ticket.recordWayIn(actor(by), way, clock.instant());
	}

	/**
	 * Records in the ticket's audit trail what a member of the IT team did on it through another
	 * module, such as a step of a diagnosis procedure ticked (module knowledge), with them as the
	 * actor. It does not change the ticket's version.
	 *
	 * @param field the entry's field name, labelled {@code agent.history.field.<field>} in the bundles
	 * @throws NotFoundException when there is no such ticket or {@code by} may not work on it
	 */
	public void recordWork(TicketId id, String field, @Nullable String oldValue, @Nullable String newValue,
			CurrentUser by) {
		Ticket ticket = tickets.findById(id.value())
			.filter(t -> mayWorkOn(t, by))
			.orElseThrow(() -> new NotFoundException("ticket.not-found", "No ticket " + id, id.toString()));
		ticket.recordWork(actor(by), field, oldValue, newValue, clock.instant());
	}

	/**
	 * Records in the ticket's audit trail a change another module made on its behalf, such as a
	 * recomputed SLA deadline. Guichet itself is the actor.
	 */
	public void recordSystemChange(TicketId id, String field, @Nullable String oldValue, @Nullable String newValue,
			Instant at) {
		Ticket ticket = tickets.findById(id.value())
			.orElseThrow(() -> new NotFoundException("ticket.not-found", "No ticket " + id, id.toString()));
		ticket.recordSystemChange(field, oldValue, newValue, at);
	}

	// --- Approval (module approvals) --------------------------------------------------------

	/**
	 * Holds a ticket just registered for its approval: Pending with the reason APPROVAL, and no
	 * work action taken on it (only assignment, escalation, cancellation) until
	 * {@link #releaseFromApproval} or {@link #cancelAfterRefusal}.
	 *
	 * @throws NotFoundException when there is no such ticket
	 * @throws IllegalTransitionException unless the ticket is new or assigned
	 */
	public Ticket holdForApproval(TicketId id) {
		Ticket ticket = find(id);
		ticket.holdForApproval(clock.instant());
		return published(ticket);
	}

	/**
	 * Its approval is granted: the ticket goes to its group, new (or assigned when routing named
	 * a technician) as a ticket just registered.
	 *
	 * @throws IllegalTransitionException unless the ticket is held for approval
	 */
	public Ticket releaseFromApproval(TicketId id) {
		Ticket ticket = find(id);
		ticket.releaseFromApproval(clock.instant());
		return published(ticket);
	}

	/**
	 * Its approval is refused: the ticket is cancelled with that reason, by the approver who
	 * refused (who need not be of the IT team); its requester is told as of any cancellation.
	 *
	 * @param reason what the requester reads, at most 2,000 characters
	 * @throws IllegalTransitionException unless the ticket is held for approval
	 */
	public Ticket cancelAfterRefusal(TicketId id, String reason, long refusedById) {
		Ticket ticket = find(id);
		if (!ticket.isHeldForApproval()) {
			throw new IllegalTransitionException(id, TicketAction.CANCEL, ticket.getStatus());
		}
		ticket.cancel(reason, users.getReferenceById(refusedById), clock.instant());
		return published(ticket);
	}

	/**
	 * Records in the ticket's audit trail what a person did on it through another module who
	 * need not be of the IT team, such as an approver's decision, with them as the actor. It
	 * does not change the ticket's version.
	 *
	 * @param field the entry's field name, labelled {@code agent.history.field.<field>} in the bundles
	 */
	public void recordOnBehalf(TicketId id, long actorId, String field, @Nullable String oldValue,
			@Nullable String newValue) {
		find(id).recordWork(users.getReferenceById(actorId), field, oldValue, newValue, clock.instant());
	}

	/**
	 * Stores the SLA state and the next deadline the sla module computed, for lists and queues,
	 * and the SLA columns of the ticket's facts ({@link SlaFacts}, {@link SlaFacts#NONE} without
	 * SLA), written with its facts before the transaction commits. Written apart from the ticket's
	 * other fields: it does not change the ticket's version.
	 */
	public void recordSla(TicketId id, SlaState state, @Nullable Instant dueAt, SlaFacts facts) {
		recordSla(List.of(new SlaHandOver(id, state, dueAt, facts)));
	}

	/**
	 * As {@link #recordSla(TicketId, SlaState, Instant, SlaFacts)} for many tickets at once (the
	 * hand-over of a whole batch of {@link TicketEvents.TicketFactsReset}), in one batch of
	 * statements.
	 */
	public void recordSla(List<SlaHandOver> handOvers) {
		slaColumns.write(handOvers);
		factsKeeper.handedOver(handOvers);
	}

	// --- Fields -----------------------------------------------------------------------------

	public Ticket update(TicketId id, TicketChanges changes, @Nullable Long expectedVersion, CurrentUser by) {
		Ticket ticket = forUpdate(forTeam(id, by), expectedVersion);
		User actor = actor(by);
		Instant now = clock.instant();
		if (changes.title() != null) {
			ticket.retitle(changes.title(), actor, now);
		}
		if (changes.description() != null) {
			ticket.describe(changes.description(), actor, now);
		}
		if (changes.type() != null) {
			ticket.retype(changes.type(), actor, now);
		}
		if (changes.categoryId() != null) {
			ticket.categorise(changes.categoryId() == 0 ? null : category(changes.categoryId()), actor, now);
		}
		if (changes.urgency() != null || changes.impact() != null) {
			ticket.prioritise(changes.urgency() == null ? ticket.getUrgency() : changes.urgency(),
					changes.impact() == null ? ticket.getImpact() : changes.impact(), settings.priorityMatrix(), actor,
					now);
		}
		if (changes.clearPriorityOverride()) {
			ticket.clearPriorityOverride(settings.priorityMatrix(), actor, now);
		}
		else if (changes.priority() != null) {
			ticket.overridePriority(changes.priority(), changes.priorityOverrideReason(), actor, now);
		}
		if (changes.observerIds() != null) {
			List<Long> wanted = changes.observerIds();
			for (User current : List.copyOf(ticket.getObservers())) {
				if (!wanted.contains(current.getId())) {
					ticket.removeObserver(current, actor, now);
				}
			}
			for (Long observerId : wanted) {
				ticket.addObserver(activeUser("observerIds", observerId), actor, now);
			}
		}
		return published(ticket);
	}

	// --- Helpers ----------------------------------------------------------------------------

	/**
	 * Publishes what the last actions did. A loaded ticket is saved by Hibernate's dirty
	 * checking at commit: it is never merged, which would copy the timeline entries just added.
	 */
	Ticket published(Ticket ticket) {
		participants.record(ticket);
		ticket.pullEvents().forEach(events::publishEvent);
		return ticket;
	}

	Ticket visible(TicketId id, CurrentUser reader) {
		return tickets.findWithPeople(id.value())
			.filter(t -> access.canSee(t, reader))
			.orElseThrow(() -> new NotFoundException("ticket.not-found", "No ticket " + id, id.toString()));
	}

	/**
	 * A ticket the IT team acts on: 404 when it is not visible, then 403 outside the team or when
	 * the agent only reads it.
	 */
	Ticket forTeam(TicketId id, CurrentUser by) {
		Ticket ticket = visible(id, by);
		requireAgent(by);
		return requireWork(ticket, by);
	}

	/** A part of the ticket that is the team's own work, to change: as {@link #internal}, then 403 when the agent only reads it. */
	private Ticket teamWork(TicketId id, CurrentUser by) {
		return requireWork(internal(id, by), by);
	}

	/** 403 for a member of the IT team who reads the ticket because they took part in it, but does not work on it. */
	Ticket requireWork(Ticket ticket, CurrentUser by) {
		if (!access.canWorkOn(ticket, by)) {
			throw new ForbiddenException("ticket.read-only",
					"Ticket " + ticket.id() + " is with another group: you may read it, reply and add notes",
					ticket.id().toString(), ticket.getGroup() == null ? "" : ticket.getGroup().getName());
		}
		return ticket;
	}

	private Ticket forUpdate(TicketId id, CurrentUser by, @Nullable Long expectedVersion) {
		return forUpdate(visible(id, by), expectedVersion);
	}

	Ticket forUpdate(Ticket ticket, @Nullable Long expectedVersion) {
		StaleTicketException.check(ticket, expectedVersion);
		return ticket;
	}

	User actor(CurrentUser by) {
		return users.getReferenceById(by.id());
	}

	User activeUser(String field, long userId) {
		return users.findById(userId)
			.filter(User::isActive)
			.orElseThrow(() -> new InvalidInputException(field, "user.unknown", "No active user " + userId, userId));
	}

	/** A category that may be chosen: active, and so is every category above it. */
	private Category category(long categoryId) {
		return categories.findById(categoryId)
			.filter(c -> categoryTree.tree().isOffered(categoryId))
			.orElseThrow(() -> new InvalidInputException("categoryId", "category.unknown", "No such category",
					categoryId));
	}

	private static void requireAgent(CurrentUser by) {
		if (!by.isAgent()) {
			throw new ForbiddenException("ticket.transition.agent-only", "Only the IT team can do this");
		}
	}

	private static <T> T required(String field, @Nullable T value) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			throw new InvalidInputException(field, "field.required", "The field " + field + " is required");
		}
		return value;
	}

}

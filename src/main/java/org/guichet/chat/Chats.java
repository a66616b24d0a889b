package org.guichet.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.guichet.calendars.Calendars;
import org.guichet.calendars.NamedCalendar;
import org.guichet.directory.AddressBook;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.knowledge.RelevantArticles;
import org.guichet.system.ConflictException;
import org.guichet.system.ForbiddenException;
import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;
import org.guichet.system.NotFoundException;
import org.guichet.system.OneLine;
import org.guichet.tickets.Channel;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.Queue;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.StatusGroup;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketQuery;
import org.guichet.tickets.TicketSort;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Transition;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The chat's entry point: a requester starts a conversation and writes; an agent of the chat
 * groups ({@link ChatSettings#groups()}) takes it, answers, closes it or turns it into a ticket.
 * Each message is stored in the transaction of its post; the conversation's streams are told after
 * the commit, through the {@link ChatRelay}. Who may do what: the requester on their own
 * conversations; the chat agents read every conversation and write in the ones they took.
 * A conversation one may not read answers 404.
 */
@Service
@Transactional
public class Chats {

	/** The longest message, in characters (the column's size). */
	public static final int TEXT_MAX = 2000;

	private static final Set<ChatState> OPEN = EnumSet.of(ChatState.WAITING, ChatState.ACTIVE);

	/** How much of what the requester wrote, at its end, the suggested articles are found from. */
	private static final int SUGGESTED_FROM = 2000;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	/** The longest name a visitor may give, in characters (an account's full name). */
	public static final int VISITOR_NAME_MAX = 120;

	/** The longest address a visitor may give, in characters (an account's address). */
	public static final int VISITOR_EMAIL_MAX = 200;

	/**
	 * Who is counted by the per-person message limit: an account, or a visitor, who has none and is
	 * counted by their conversation (their token opens that one only).
	 */
	private record Writer(long id, boolean visitor) {

		static Writer account(long id) {
			return new Writer(id, false);
		}

		static Writer visitorOf(Conversation conversation) {
			return new Writer(conversation.getId(), true);
		}

	}

	private final SecureRandom random = new SecureRandom();

	private final ConversationRepository conversations;

	private final ChatMessageRepository messages;

	private final UserRepository users;

	private final SupportGroupRepository groups;

	private final Calendars calendars;

	private final TicketManagement tickets;

	private final ChatSettings settings;

	private final ChatPresence presence;

	private final ChatRelay relay;

	private final PostingLimit<Writer> limit;

	private final PostingLimit<String> visitorStarts;

	private final AddressBook addresses;

	private final MessageSource texts;

	private final RelevantArticles articles;

	private final ZoneId zone;

	private final Clock clock;

	Chats(ConversationRepository conversations, ChatMessageRepository messages, UserRepository users,
			SupportGroupRepository groups, Calendars calendars, TicketManagement tickets, ChatSettings settings,
			ChatPresence presence, ChatRelay relay, MessageSource texts, RelevantArticles articles, AddressBook addresses,
			@Value("${guichet.time-zone:Europe/Paris}") String zone, Clock clock) {
		this.conversations = conversations;
		this.messages = messages;
		this.users = users;
		this.groups = groups;
		this.calendars = calendars;
		this.tickets = tickets;
		this.settings = settings;
		this.presence = presence;
		this.relay = relay;
		this.limit = new PostingLimit<>(settings.messagesPerWindow(), settings.window());
		this.visitorStarts = new PostingLimit<>(settings.visitorsPerAddress(), settings.visitorWindow());
		this.addresses = addresses;
		this.texts = texts;
		this.articles = articles;
		this.zone = ZoneId.of(zone);
		this.clock = clock;
	}

	/** Every ten minutes, forgets the people and addresses whose posts and starts all left their windows. */
	@Scheduled(fixedDelay = 600_000, initialDelay = 600_000)
	void forgetIdleLimits() {
		Instant now = clock.instant();
		limit.forgetIdle(now);
		visitorStarts.forgetIdle(now);
	}

	// --- Who answers ---------------------------------------------------------------------------

	/**
	 * Whether someone would answer now: within the chat's calendar (when one is set) and with an
	 * agent of the chat groups online. A calendar name that names no stored calendar sets no hours.
	 */
	@Transactional(readOnly = true)
	public ChatAvailability availability() {
		Instant now = clock.instant();
		if (!settings.calendar().isBlank()) {
			Optional<NamedCalendar> hours = calendars.list().stream()
				.filter(calendar -> calendar.name().equals(settings.calendar()))
				.findFirst();
			if (hours.isPresent() && !hours.get().calendar().isWorkingTime(now)) {
				return ChatAvailability.closedUntil(hours.get().calendar().nextOpening(now));
			}
		}
		Set<Long> online = presence.online();
		boolean someone = chatGroups().stream()
			.flatMap(group -> group.getMembers().stream())
			.anyMatch(member -> member.isActive() && online.contains(member.id().value()));
		return someone ? ChatAvailability.OPEN : ChatAvailability.NOBODY_ONLINE;
	}

	/** Whether {@code user} is an agent of a chat group, who sees the queue and takes conversations. */
	@Transactional(readOnly = true)
	public boolean isChatAgent(CurrentUser user) {
		if (!user.isAgent()) {
			return false;
		}
		Set<Long> theirs = new HashSet<>(groups.findGroupIdsOfMember(user.id()));
		return groups.findAll().stream().anyMatch(group -> isChatGroup(group) && theirs.contains(group.getId()));
	}

	/** The chat groups, their members read in the same query. */
	private List<SupportGroup> chatGroups() {
		return groups.findAllWithMembers().stream().filter(this::isChatGroup).toList();
	}

	private boolean isChatGroup(SupportGroup group) {
		return settings.groups().isEmpty() ? group.getLevel() == SupportLevel.N1
				: settings.groups().contains(group.getName());
	}

	private @Nullable SupportGroup groupOf(CurrentUser agent) {
		return chatGroups().stream().filter(group -> group.hasMember(agent.id())).findFirst().orElse(null);
	}

	// --- The requester's side ----------------------------------------------------------------

	/**
	 * A conversation started, or the open one a start went to.
	 *
	 * @param added whether the first message was added to a conversation open already (a second tab,
	 *        a form sent again) rather than starting one: the page says so
	 */
	public record Started(Conversation conversation, boolean added) {
	}

	/**
	 * Starts a conversation with its first message, or adds the message to the requester's open
	 * conversation when they have one (a second tab, a form sent again).
	 *
	 * @throws InvalidInputException (field {@code text}) when the text is blank or too long
	 * @throws ConflictException ({@code chat.unavailable.*}) when no one would answer now
	 * @throws TooManyMessagesException when the requester posts faster than the limit
	 */
	public Started start(String text, CurrentUser requester) {
		String body = checked(text);
		Optional<Conversation> open = conversations.findFirstByRequesterIdAndVisitorNameIsNullAndStateInOrderByIdDesc(requester.id(), OPEN);
		if (open.isPresent()) {
			post(open.get().getId(), body, requester);
			return new Started(open.get(), true);
		}
		ChatAvailability now = availability();
		if (!now.available()) {
			throw new ConflictException(now.reason(), "No one is available to chat now: file a ticket instead");
		}
		count(Writer.account(requester.id()));
		Conversation conversation = conversations.save(new Conversation(requester.id(), clock.instant()));
		store(conversation, body, requester.id(), requester.fullName());
		afterCommit(new ChatSignal(0, ChatSignal.Kind.QUEUE, null, requester.id()));
		return new Started(conversation, false);
	}

	/** The requester's open conversation, if any. */
	@Transactional(readOnly = true)
	public Optional<ConversationView> openConversationOf(CurrentUser requester) {
		return conversations.findFirstByRequesterIdAndVisitorNameIsNullAndStateInOrderByIdDesc(requester.id(), OPEN).map(this::view);
	}

	// --- Visitors (not logged in) ------------------------------------------------------------------

	/**
	 * Whether the chat is offered to visitors now: the option is on ({@link ChatSettings#visitors()})
	 * and someone would answer ({@link #availability()}). The login page shows its link then.
	 */
	@Transactional(readOnly = true)
	public boolean offeredToVisitors() {
		return settings.visitors() && availability().available();
	}

	/**
	 * A visitor's conversation and the token of their cookie, the only key to it.
	 *
	 * @param added as {@link Started#added()}: the token opened a conversation still open, which took
	 *        the message; the token is the one given
	 */
	public record VisitorStart(Conversation conversation, String token, boolean added) {
	}

	/**
	 * A visitor, not logged in, starts a conversation with a name, an e-mail address and a first
	 * message. Anyone may type anyone's address: the conversation has no requester, nothing is
	 * looked up or created for the address until an agent turns it into a ticket
	 * ({@link #turnIntoTicket}). The token opens this conversation only, and its pages name the
	 * visitor by the name they typed. A visitor's conversation is never a logged-in requester's open
	 * conversation. When the browser's token ({@code token}) opens a conversation still open (a second
	 * tab, a form sent again), the message is added to it as {@link #visitorPost} adds one, and no
	 * conversation starts: the name and address typed again are not read, the conversation keeps those
	 * of its start.
	 *
	 * @param address the visitor's IP address: {@link ChatSettings#visitorsPerAddress()} conversations
	 *        per {@link ChatSettings#visitorWindow()} at most from one network ({@link VisitorNetwork})
	 * @param token the token of the browser's cookie; null when it has none
	 * @throws org.guichet.system.NotFoundException ({@code chat.visitors.off}) when visitors may not chat
	 * @throws InvalidInputException on {@code name} (blank, over 120 characters, not one line:
	 *         {@code field.one-line}), {@code email} (over 200 characters, not an address) and
	 *         {@code text} (as {@link #start}): every one refused, the others in
	 *         {@link InvalidInputException#others()}; only {@code text} when the message goes to the
	 *         open conversation
	 * @throws ConflictException ({@code chat.unavailable.*}) when no one would answer now
	 * @throws TooManyMessagesException ({@code chat.visitors.too-many}) past the network's limit; as
	 *         {@link #visitorPost} when the message goes to the open conversation
	 */
	public VisitorStart startAsVisitor(String name, String email, String text, String address, @Nullable String token) {
		settings.requireVisitors();
		Optional<Conversation> open = token == null ? Optional.empty()
				: conversations.findByVisitorToken(digest(token)).filter(Conversation::isOpen);
		if (open.isPresent()) {
			postAsVisitor(open.get(), text);
			return new VisitorStart(open.get(), token, true);
		}
		String visitor = name.strip();
		String mail = email.strip();
		InputChecks checks = new InputChecks();
		checks.check(() -> {
			if (visitor.isEmpty()) {
				throw new InvalidInputException("name", "field.required", "Give your name");
			}
			InvalidInputException.atMost("name", visitor, VISITOR_NAME_MAX);
			OneLine.Check.check("name", visitor);
		});
		checks.check(() -> {
			InvalidInputException.atMost("email", mail, VISITOR_EMAIL_MAX);
			if (!isAddress(mail)) {
				throw new InvalidInputException("email", "field.email-invalid", "Not an e-mail address");
			}
		});
		String body = checks.check(() -> checked(text));
		checks.refuseIfAny();
		ChatAvailability now = availability();
		if (!now.available()) {
			throw new ConflictException(now.reason(), "No one is available to chat now: file a ticket instead");
		}
		if (!visitorStarts.tryPost(VisitorNetwork.of(address), clock.instant())) {
			throw new TooManyMessagesException("chat.visitors.too-many", settings.visitorsPerAddress(),
					settings.visitorWindow().toMinutes());
		}
		String newToken = newToken();
		Conversation conversation = conversations.save(new Conversation(visitor, mail, digest(newToken), clock.instant()));
		count(Writer.visitorOf(conversation));
		store(conversation, Objects.requireNonNull(body), null, visitor);
		afterCommit(new ChatSignal(0, ChatSignal.Kind.QUEUE, null, ChatSignal.VISITOR));
		return new VisitorStart(conversation, newToken, false);
	}

	/**
	 * The visitor's conversation that the token of their cookie opens, for its whole life.
	 *
	 * @throws org.guichet.system.NotFoundException ({@code chat.visitors.off}) when visitors may not
	 *         chat; ({@code chat.visitor.lost}) when the token opens none (a cookie cleared, expired or
	 *         forged: the message says the chat can no longer be reached from this browser)
	 */
	@Transactional(readOnly = true)
	public ConversationView visitorConversation(String token) {
		return view(visited(token));
	}

	/** The visitor's messages after {@code afterId}, as {@link #messagesAfter}; refusals as {@link #visitorConversation}. */
	@Transactional(readOnly = true)
	public List<MessageView> visitorMessagesAfter(String token, long afterId) {
		Conversation conversation = visited(token);
		return messagesOf(conversation, afterId);
	}

	/**
	 * The visitor posts in their conversation while it is open; refusals as {@link #post} and
	 * {@link #visitorConversation}.
	 */
	public MessageView visitorPost(String token, String text) {
		return postAsVisitor(visited(token), text);
	}

	private MessageView postAsVisitor(Conversation conversation, String text) {
		String body = checked(text);
		conversation.refuseWhenClosed();
		count(Writer.visitorOf(conversation));
		return store(conversation, body, null, Objects.requireNonNull(conversation.getVisitorName()));
	}

	/** Tells the agent that the visitor is typing; refusals as {@link #visitorConversation}. */
	@Transactional(readOnly = true)
	public void visitorTyping(String token) {
		Conversation conversation = visited(token);
		if (conversation.isOpen()) {
			afterCommit(new ChatSignal(conversation.getId(), ChatSignal.Kind.TYPING, null, ChatSignal.VISITOR));
		}
	}

	/**
	 * The visitor ends their conversation.
	 *
	 * @throws ConflictException ({@code chat.closed}) when it was closed already; else as
	 *         {@link #visitorConversation}
	 */
	public void visitorClose(String token) {
		Conversation conversation = visited(token);
		boolean wasWaiting = conversation.getState() == ChatState.WAITING;
		conversation.close(clock.instant());
		afterCommit(new ChatSignal(conversation.getId(), ChatSignal.Kind.STATE, null, ChatSignal.VISITOR));
		if (wasWaiting) {
			afterCommit(new ChatSignal(0, ChatSignal.Kind.QUEUE, null, ChatSignal.VISITOR));
		}
	}

	private Conversation visited(String token) {
		settings.requireVisitors();
		return conversations.findByVisitorToken(digest(token))
			.orElseThrow(() -> new NotFoundException("chat.visitor.lost",
					"This chat can no longer be reached from this browser: start a new one"));
	}

	/** Whether the text reads as one plain address, such as name@example.org. */
	private static boolean isAddress(String text) {
		if (text.isEmpty() || !text.matches("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\"]+")) {
			return false;
		}
		try {
			new InternetAddress(text, true).validate();
			return true;
		}
		catch (AddressException notOne) {
			return false;
		}
	}

	private String newToken() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String digest(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException missing) {
			throw new IllegalStateException("every Java has SHA-256", missing);
		}
	}

	// --- Reading ---------------------------------------------------------------------------------

	/**
	 * The conversation, for its requester or a chat agent.
	 *
	 * @throws NotFoundException ({@code chat.not-found}) otherwise, or when there is none
	 */
	@Transactional(readOnly = true)
	public ConversationView conversation(long id, CurrentUser reader) {
		return view(readable(id, reader));
	}

	/**
	 * The messages of the conversation after the one {@code afterId} (0: all), in the order sent.
	 *
	 * @throws NotFoundException as {@link #conversation}
	 */
	@Transactional(readOnly = true)
	public List<MessageView> messagesAfter(long id, long afterId, CurrentUser reader) {
		return messagesOf(readable(id, reader), afterId);
	}

	private List<MessageView> messagesOf(Conversation conversation, long afterId) {
		List<ChatMessage> found = messages.findByConversationIdAndIdGreaterThanOrderByIdAsc(conversation.getId(),
				Math.max(0, afterId));
		Map<Long, String> names = names(found.stream().map(ChatMessage::getAuthorId).filter(Objects::nonNull).toList());
		return found.stream().map(message -> view(conversation, message, names)).toList();
	}

	/**
	 * The conversations waiting to be taken by {@code agent} (those transferred to a group only for
	 * its members), the longest waiting first: the waiting time counts from the start of the
	 * conversation, a transfer does not restart it. For the chat agents.
	 */
	@Transactional(readOnly = true)
	public List<ConversationView> waiting(CurrentUser agent) {
		requireAgent(agent);
		Set<Long> mine = chatGroups().stream()
			.filter(group -> group.hasMember(agent.id()))
			.map(SupportGroup::getId)
			.collect(Collectors.toSet());
		return views(conversations.findByStateOrderByStartedAtAsc(ChatState.WAITING).stream()
			.filter(conversation -> conversation.getGroupId() == null || mine.contains(conversation.getGroupId()))
			.toList());
	}

	/** The conversations {@code agent} has (took, or was transferred) and has not closed, the oldest first. */
	@Transactional(readOnly = true)
	public List<ConversationView> activeOf(CurrentUser agent) {
		requireAgent(agent);
		return views(conversations.findByAgentIdAndStateOrderByTakenAtAsc(agent.id(), ChatState.ACTIVE));
	}

	/**
	 * Whom {@code agent} may transfer a conversation to: the other active agents of the chat groups
	 * and the chat groups, by name, with who has the chat open now.
	 */
	@Transactional(readOnly = true)
	public TransferTargets transferTargets(CurrentUser agent) {
		requireAgent(agent);
		Set<Long> online = presence.online();
		Map<Long, TransferTargets.Target> colleagues = new HashMap<>();
		List<TransferTargets.Target> teams = new ArrayList<>();
		for (SupportGroup group : chatGroups()) {
			boolean someone = false;
			for (User member : group.getMembers()) {
				boolean here = member.isActive() && online.contains(member.id().value());
				someone |= here;
				if (member.isActive() && member.getRole().isAgent() && member.id().value() != agent.id()) {
					colleagues.putIfAbsent(member.id().value(),
							new TransferTargets.Target(member.id().value(), member.getFullName(), here));
				}
			}
			teams.add(new TransferTargets.Target(group.getId(), group.getName(), someone));
		}
		Comparator<TransferTargets.Target> byName = Comparator
			.comparing(TransferTargets.Target::name, String.CASE_INSENSITIVE_ORDER);
		return new TransferTargets(colleagues.values().stream().sorted(byName).toList(),
				teams.stream().sorted(byName).toList());
	}

	/**
	 * The published articles relevant to what the requester wrote in the conversation (their last
	 * {@value #SUGGESTED_FROM} characters), best first, at most {@link RelevantArticles#MAX}: only
	 * those the requester may read, in the requester's language where an article has a translation.
	 * A visitor is nobody's account, whatever address they typed: they are suggested what any
	 * requester may read, in the agent's language. Empty when the requester wrote nothing yet. For
	 * the chat agents.
	 */
	@Transactional(readOnly = true)
	public List<SuggestedArticle> suggestedArticles(long id, CurrentUser agent) {
		requireAgent(agent);
		Conversation conversation = readable(id, agent);
		String written = messages.findByConversationIdAndIdGreaterThanOrderByIdAsc(id, 0).stream()
			.filter(message -> message.getKind() == ChatMessage.Kind.MESSAGE && conversation.isRequester(message.getAuthorId()))
			.map(ChatMessage::getBody)
			.collect(Collectors.joining("\n"));
		CurrentUser reader = conversation.isVisitor()
				? new CurrentUser(ChatSignal.VISITOR, "", Objects.requireNonNull(conversation.getVisitorName()),
						Role.REQUESTER, null, "", false)
				: users.findById(Objects.requireNonNull(conversation.getRequesterId())).map(CurrentUser::new).orElse(null);
		if (written.isBlank() || reader == null) {
			return List.of();
		}
		String recent = written.substring(Math.max(0, written.length() - SUGGESTED_FROM));
		Locale language = reader.language() == null ? LocaleContextHolder.getLocale()
				: Locale.forLanguageTag(reader.language());
		return articles.forDraft(null, recent, null, reader, language).stream()
			.map(article -> new SuggestedArticle(article.getId(), article.getTitle(),
					"/portal/knowledge/" + article.getId()))
			.toList();
	}

	/**
	 * The open tickets of the conversation's requester that {@code agent} may see, the newest first,
	 * at most 10. A visitor's conversation without a requester shows those of the account of the
	 * address they typed, when there is one (the page says the address is not verified); none else.
	 *
	 * @throws NotFoundException as {@link #conversation}
	 */
	@Transactional(readOnly = true)
	public List<RequesterTicket> openTicketsOf(long id, CurrentUser agent) {
		requireAgent(agent);
		Conversation conversation = readable(id, agent);
		Long requesterId = conversation.getRequesterId() != null ? conversation.getRequesterId()
				: addresses.withAddress(Objects.requireNonNull(conversation.getVisitorEmail())).map(user -> user.id().value())
					.orElse(null);
		if (requesterId == null) {
			return List.of();
		}
		return tickets.search(new TicketQuery(Queue.ALL, null, null, null, null, null, requesterId, null, null,
				TicketSort.NEWEST, 0, 10, StatusGroup.OPEN), agent).tickets().stream()
			.map(ticket -> new RequesterTicket(ticket.id().value(), ticket.getNumber(), ticket.getTitle(),
					ticket.getStatus()))
			.toList();
	}

	// --- Writing ----------------------------------------------------------------------------------

	/**
	 * Posts a message: the requester while the conversation is open, the agent who took it while
	 * it is active.
	 *
	 * @throws InvalidInputException (field {@code text}) when the text is blank or too long
	 * @throws ConflictException ({@code chat.closed}) when the conversation has ended
	 * @throws ForbiddenException ({@code chat.not-yours}) when an agent writes in a conversation
	 *         they did not take
	 * @throws TooManyMessagesException when {@code by} posts faster than the limit
	 */
	public MessageView post(long id, String text, CurrentUser by) {
		String body = checked(text);
		Conversation conversation = readable(id, by);
		conversation.refuseWhenClosed();
		if (!isRequester(conversation, by)) {
			requireHolder(conversation, by);
		}
		count(Writer.account(by.id()));
		return store(conversation, body, by.id(), by.fullName());
	}

	/** Tells the other side that {@code by} is typing; nothing is stored. */
	@Transactional(readOnly = true)
	public void typing(long id, CurrentUser by) {
		Conversation conversation = readable(id, by);
		if (conversation.isOpen()) {
			afterCommit(new ChatSignal(id, ChatSignal.Kind.TYPING, null, by.id()));
		}
	}

	/**
	 * The agent takes a waiting conversation, for the first of the chat groups they belong to.
	 *
	 * @throws ForbiddenException ({@code chat.agents-only}) when {@code agent} is not in a chat group
	 * @throws ConflictException ({@code chat.taken-already}) when it is no longer waiting
	 */
	public Conversation take(long id, CurrentUser agent) {
		SupportGroup group = requireAgent(agent);
		Conversation conversation = readable(id, agent);
		Long waitsFor = conversation.getState() == ChatState.WAITING ? conversation.getGroupId() : null;
		if (waitsFor != null) {
			group = chatGroups().stream()
				.filter(chatGroup -> chatGroup.getId().equals(waitsFor) && chatGroup.hasMember(agent.id()))
				.findFirst()
				.orElseThrow(() -> new ForbiddenException("chat.other-group",
						"This conversation was transferred to another group"));
		}
		conversation.take(agent.id(), group.getId(), clock.instant());
		afterCommit(new ChatSignal(id, ChatSignal.Kind.STATE, null, agent.id()));
		afterCommit(new ChatSignal(0, ChatSignal.Kind.QUEUE, null, agent.id()));
		return conversation;
	}

	/**
	 * The agent who has the conversation hands it to a colleague of the chat groups, who has it at
	 * once; the conversation says so to both sides (a line of the service, in the transcript too).
	 *
	 * @throws ForbiddenException ({@code chat.not-yours}) when {@code agent} does not have it
	 * @throws InvalidInputException (field {@code to}, {@code chat.transfer.unknown}) when the colleague
	 *         is not another active agent of a chat group
	 * @throws ConflictException ({@code chat.closed}) when it has ended
	 * @return the colleague's full name
	 */
	public String transferToAgent(long id, long colleagueId, CurrentUser agent) {
		Conversation conversation = readable(id, agent);
		requireHolder(conversation, agent);
		SupportGroup group = colleagueId == agent.id() ? null : chatGroups().stream()
			.filter(chatGroup -> chatGroup.getMembers().stream()
				.anyMatch(member -> member.id().value() == colleagueId && member.isActive() && member.getRole().isAgent()))
			.findFirst()
			.orElse(null);
		if (group == null) {
			throw new InvalidInputException("to", "chat.transfer.unknown", "Choose a colleague or a group of the chat");
		}
		conversation.transferToAgent(colleagueId, group.getId(), clock.instant());
		String name = names(List.of(colleagueId)).getOrDefault(colleagueId, "?");
		messages.save(new ChatMessage(id, agent.id(), ChatMessage.Kind.TRANSFER_TO_AGENT, name, clock.instant()));
		afterCommit(new ChatSignal(id, ChatSignal.Kind.STATE, null, agent.id()));
		afterCommit(new ChatSignal(0, ChatSignal.Kind.QUEUE, null, agent.id()));
		return name;
	}

	/**
	 * The agent who has the conversation hands it to a chat group: it waits in the queue of that
	 * group's members, its waiting time still counted from its start; the conversation says so.
	 *
	 * @throws ForbiddenException ({@code chat.not-yours}) when {@code agent} does not have it
	 * @throws InvalidInputException (field {@code to}, {@code chat.transfer.unknown}) when the group is
	 *         not a chat group
	 * @throws ConflictException ({@code chat.closed}) when it has ended
	 * @return the group's name
	 */
	public String transferToGroup(long id, long groupId, CurrentUser agent) {
		Conversation conversation = readable(id, agent);
		requireHolder(conversation, agent);
		SupportGroup group = chatGroups().stream()
			.filter(chatGroup -> chatGroup.getId() == groupId)
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("to", "chat.transfer.unknown",
					"Choose a colleague or a group of the chat"));
		conversation.transferToGroup(group.getId());
		messages.save(new ChatMessage(id, agent.id(), ChatMessage.Kind.TRANSFER_TO_GROUP, group.getName(),
				clock.instant()));
		afterCommit(new ChatSignal(id, ChatSignal.Kind.STATE, null, agent.id()));
		afterCommit(new ChatSignal(0, ChatSignal.Kind.QUEUE, null, agent.id()));
		return group.getName();
	}

	/**
	 * Closes the conversation: its requester, or the agent who took it.
	 *
	 * @throws ConflictException ({@code chat.closed}) when it was closed already
	 */
	public Conversation close(long id, CurrentUser by) {
		Conversation conversation = readable(id, by);
		if (!isRequester(conversation, by)) {
			requireHolder(conversation, by);
		}
		boolean wasWaiting = conversation.getState() == ChatState.WAITING;
		conversation.close(clock.instant());
		afterCommit(new ChatSignal(id, ChatSignal.Kind.STATE, null, by.id()));
		if (wasWaiting) {
			afterCommit(new ChatSignal(0, ChatSignal.Kind.QUEUE, null, by.id()));
		}
		return conversation;
	}

	/**
	 * Turns the conversation into a ticket registered by the agent who took it on the requester's
	 * behalf, channel {@link Channel#CHAT}, its transcript as the description ({@link Transcript});
	 * the conversation links to it. The agent categorises and prioritises it on the ticket's page.
	 * A visitor's conversation becomes the ticket of the account of the address they typed, found as
	 * the mail channel finds a sender, else created as its {@code CREATE_REQUESTER} policy does (active,
	 * password-less, named as the visitor typed); its history says the address was not verified
	 * ({@link TicketManagement#VISITOR_CHAT}).
	 *
	 * @param title the ticket's title, as for any ticket
	 * @param solution when the conversation solved the problem ("Solved in the chat"), what the agent
	 *        did: the ticket is then assigned to the agent (and their chat group, when routing gave it
	 *        none), resolved at once with it as a permanent solution, and the conversation ends; null
	 *        for a ticket to work on
	 * @throws ForbiddenException ({@code chat.not-yours}) when {@code agent} did not take it
	 * @throws ConflictException ({@code chat.ticket-already}) when it is a ticket already;
	 *         ({@code chat.visitor.account-inactive}) when a visitor's address has only deactivated accounts
	 * @throws InvalidInputException as {@link TicketManagement#register(NewTicket, CurrentUser)}; on
	 *         {@code solution} when it is given blank
	 */
	public Ticket turnIntoTicket(long id, String title, TicketType type, @Nullable String solution, CurrentUser agent) {
		if (solution != null && solution.isBlank()) {
			throw new InvalidInputException("solution", "chat.solution.blank", "Say how the problem was solved");
		}
		Conversation conversation = readable(id, agent);
		requireHolder(conversation, agent);
		conversation.refuseWhenTicket();
		List<ChatMessage> all = messages.findByConversationIdAndIdGreaterThanOrderByIdAsc(id, 0);
		Map<Long, String> names = names(all.stream().map(ChatMessage::getAuthorId).filter(Objects::nonNull).toList());
		String description = Transcript.of(all.stream()
			.map(message -> new Transcript.Line(message.getSentAt(), transcriptAuthor(conversation, message, names),
					message.getKind() == ChatMessage.Kind.MESSAGE ? message.getBody() : Transcript.transfer(message.getBody())))
			.toList(), zone, Ticket.TEXT_MAX);
		long requester = conversation.getRequesterId() != null ? conversation.getRequesterId() : accountOf(conversation);
		Ticket ticket = tickets.register(new NewTicket(type, title.strip(), description,
				requester, Channel.CHAT, null, Urgency.MEDIUM, null, List.of()), agent);
		conversation.becameTicket(ticket.id().value(), requester);
		if (conversation.isVisitor()) {
			tickets.recordWayIn(ticket.id(), TicketManagement.VISITOR_CHAT, agent);
		}
		if (solution != null) {
			if (ticket.getGroup() == null) {
				tickets.assign(ticket.id(), conversation.getGroupId(), agent.id(), null, agent);
			}
			ticket = tickets.transition(ticket.id(),
					new Transition(TicketAction.RESOLVE, null, null, solution.strip(), SolutionKind.PERMANENT), null, agent);
			conversation.close(clock.instant());
		}
		afterCommit(new ChatSignal(id, ChatSignal.Kind.STATE, null, agent.id()));
		return ticket;
	}

	/**
	 * The account of the address a visitor typed: an active one first; none, a new active requester
	 * without a password, named as the visitor typed.
	 *
	 * @throws ConflictException ({@code chat.visitor.account-inactive}) when the address's only
	 *         accounts are deactivated: the IT team files for no one who left; an administrator
	 *         reactivates the account, or the agent files the ticket for another requester
	 */
	private long accountOf(Conversation visitor) {
		String mail = Objects.requireNonNull(visitor.getVisitorEmail());
		User account = addresses.withAddress(mail)
			.orElseGet(() -> addresses.createRequester(mail, visitor.getVisitorName(), true));
		if (!account.isActive()) {
			throw new ConflictException("chat.visitor.account-inactive",
					"The address belongs to a deactivated account: reactivate it, or file the ticket for another requester", mail);
		}
		return account.id().value();
	}

	/**
	 * Who wrote the line, as the transcript says it in any reader's language: a visitor by the name
	 * and the address they typed (the ticket's history says the address was not verified).
	 */
	private static String transcriptAuthor(Conversation conversation, ChatMessage message, Map<Long, String> names) {
		String author = authorOf(conversation, message, names);
		return message.getAuthorId() == null ? author + " <" + conversation.getVisitorEmail() + ">" : author;
	}

	// --- Rules -------------------------------------------------------------------------------------

	private static String checked(@Nullable String text) {
		String body = text == null ? "" : text.strip();
		if (body.isEmpty()) {
			throw new InvalidInputException("text", "chat.text.blank", "Write a message first");
		}
		if (body.length() > TEXT_MAX) {
			throw new InvalidInputException("text", "field.too-long", "The message is too long", TEXT_MAX);
		}
		return body;
	}

	private void count(Writer by) {
		if (!limit.tryPost(by, clock.instant())) {
			throw new TooManyMessagesException(settings.messagesPerWindow(), limit.window().toSeconds());
		}
	}

	private Conversation readable(long id, CurrentUser reader) {
		Conversation conversation = conversations.findById(id).orElse(null);
		if (conversation == null || (!isRequester(conversation, reader) && !isChatAgent(reader))) {
			throw new NotFoundException("chat.not-found", "No conversation " + id, id);
		}
		return conversation;
	}

	/**
	 * Whether {@code person} is the requester who chats, logged in: never in a visitor's conversation,
	 * which the account of its address does not open even once it became that account's ticket.
	 */
	private static boolean isRequester(Conversation conversation, CurrentUser person) {
		return !conversation.isVisitor() && Objects.equals(conversation.getRequesterId(), person.id());
	}

	private SupportGroup requireAgent(CurrentUser agent) {
		SupportGroup group = agent.isAgent() ? groupOf(agent) : null;
		if (group == null) {
			throw new ForbiddenException("chat.agents-only", "Only the agents of the chat groups answer the chat");
		}
		return group;
	}

	private static void requireHolder(Conversation conversation, CurrentUser agent) {
		if (conversation.getAgentId() == null || conversation.getAgentId() != agent.id()) {
			throw new ForbiddenException("chat.not-yours", "Take the conversation first: it is not yours");
		}
	}

	/** @param by the author's account; null for the visitor */
	private MessageView store(Conversation conversation, String body, @Nullable Long by, String byName) {
		ChatMessage message = messages.save(new ChatMessage(conversation.getId(), by, body, clock.instant()));
		MessageView view = view(conversation, message, by == null ? Map.of() : Map.of(by, byName));
		afterCommit(new ChatSignal(conversation.getId(), ChatSignal.Kind.MESSAGE, view,
				by == null ? ChatSignal.VISITOR : by));
		return view;
	}

	private void afterCommit(ChatSignal signal) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				relay.relay(signal);
			}
		});
	}

	/** @param names the full names of the accounts who wrote, by id */
	private MessageView view(Conversation conversation, ChatMessage message, Map<Long, String> names) {
		String author = authorOf(conversation, message, names);
		boolean note = message.getKind() != ChatMessage.Kind.MESSAGE;
		return new MessageView(message.getId(), message.getAuthorId(), author,
				!conversation.isRequester(message.getAuthorId()), note ? note(message, author) : message.getBody(),
				TIME.format(message.getSentAt().atZone(zone)), message.getSentAt().toString(), note);
	}

	/**
	 * Who wrote the line, by name: in a visitor's conversation the visitor is named by the name they
	 * typed, never by the account's; anyone else by their account's full name.
	 */
	private static String authorOf(Conversation conversation, ChatMessage message, Map<Long, String> names) {
		Long author = message.getAuthorId();
		return author == null ? Objects.requireNonNull(conversation.getVisitorName()) : names.getOrDefault(author, "?");
	}

	/** What a line of the service says, in the reader's language. */
	private String note(ChatMessage message, String author) {
		String key = "chat.transfer.note." + (message.getKind() == ChatMessage.Kind.TRANSFER_TO_GROUP ? "group" : "agent");
		return texts.getMessage(key, new Object[] { message.getBody(), author }, LocaleContextHolder.getLocale());
	}

	/** The views of many conversations, read in three queries whatever their number. */
	private List<ConversationView> views(List<Conversation> found) {
		if (found.isEmpty()) {
			return List.of();
		}
		Set<Long> people = new HashSet<>();
		for (Conversation conversation : found) {
			people.addAll(accountsOf(conversation));
		}
		Map<Long, String> names = names(people);
		Map<Long, String> firsts = messages.firstOf(found.stream().map(Conversation::getId).toList(),
				ChatMessage.Kind.MESSAGE).stream()
			.collect(Collectors.toMap(ChatMessage::getConversationId, ChatMessage::getBody));
		return found.stream().map(conversation -> view(conversation, names, firsts.getOrDefault(conversation.getId(), ""), 0))
			.toList();
	}

	private ConversationView view(Conversation conversation) {
		Map<Long, String> names = names(accountsOf(conversation));
		String first = messages.firstOf(List.of(conversation.getId()), ChatMessage.Kind.MESSAGE).stream()
			.map(ChatMessage::getBody)
			.findFirst()
			.orElse("");
		Long last = messages.lastIdOf(conversation.getId());
		return view(conversation, names, first, last == null ? 0 : last);
	}

	/** The conversation's requester's and agent's accounts, those it has. */
	private static List<Long> accountsOf(Conversation conversation) {
		return Stream.of(conversation.getRequesterId(), conversation.getAgentId())
			.filter(Objects::nonNull)
			.toList();
	}

	private ConversationView view(Conversation conversation, Map<Long, String> names, String first, long last) {
		return new ConversationView(conversation.getId(), conversation.getRequesterId(),
				conversation.isVisitor() ? Objects.requireNonNull(conversation.getVisitorName())
						: names.getOrDefault(Objects.requireNonNull(conversation.getRequesterId()), "?"),
				conversation.getState(),
				conversation.getAgentId(),
				conversation.getAgentId() == null ? null : names.get(conversation.getAgentId()),
				conversation.getTicketId(), conversation.getStartedAt(), first, last,
				conversation.getVisitorEmail());
	}

	private Map<Long, String> names(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		for (User user : users.findAllById(ids)) {
			names.put(user.id().value(), user.getFullName());
		}
		return names;
	}

}

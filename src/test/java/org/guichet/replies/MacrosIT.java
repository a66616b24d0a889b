package org.guichet.replies;

import java.util.List;
import java.util.Map;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Comment;
import org.guichet.tickets.HistoryEntry;
import org.guichet.tickets.IllegalTransitionException;
import org.guichet.tickets.Impact;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.StaleTicketException;
import org.guichet.tickets.Status;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Transition;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Macros applied to real tickets through the lifecycle's rules, all or nothing, and the API of
 * canned replies and macros.
 */
@GuichetIntegrationTest
class MacrosIT {

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private CannedReplies replies;

	@Autowired
	private Macros macros;

	@LocalServerPort
	private int port;

	private User technicianUser;

	private CurrentUser technician;

	private CurrentUser supervisor;

	private CurrentUser requester;

	private SupportGroup group;

	@BeforeEach
	void setUp() {
		technicianUser = fixtures.user("macro-tech", Role.TECHNICIAN);
		technician = TestFixtures.current(technicianUser);
		User supervisorUser = fixtures.user("macro-supervisor", Role.SUPERVISOR);
		supervisor = TestFixtures.current(supervisorUser);
		requester = TestFixtures.current(fixtures.user("Zoé <b>Müller</b>", Role.REQUESTER));
		group = fixtures.group(SupportLevel.N1, technicianUser, supervisorUser);
	}

	@Test
	void thePendingMacroPutsTheTicketPendingOnTheUserAndPostsTheCannedReplyExpanded() {
		CannedReply precisions = replies.create(new CannedReplyDefinition("Details",
				"Hello {{requester.firstName}}, about {{ticket.number}} ({{group.name}}): since when? {{agent.fullName}}",
				group.getId()), supervisor);
		Macro waiting = macros.create(new MacroDefinition("Waiting for the user's answer", group.getId(), false, null,
				null, null, MacroStatus.PENDING, PendingReason.USER, precisions.getId(), null, null, null, null), supervisor);
		TicketId id = takenTicket();
		long version = tickets.get(id, technician).getVersion();

		Ticket after = macros.apply(waiting.id(), id, version, technician);

		assertThat(after.getStatus()).isEqualTo(Status.PENDING);
		assertThat(after.getPendingReason()).isEqualTo(PendingReason.USER);
		assertThat(after.getVersion()).isGreaterThan(version);
		List<Comment> comments = tickets.comments(id, technician);
		assertThat(comments).singleElement().satisfies(c -> {
			assertThat(c.isInternal()).isFalse();
			assertThat(c.getBody()).isEqualTo("Hello Zoé, about " + after.getNumber() + " ("
					+ group.getName() + "): since when? " + technician.fullName());
		});
		assertThat(tickets.history(id, technician)).extracting(HistoryEntry::getField, HistoryEntry::getNewValue)
			.contains(org.assertj.core.groups.Tuple.tuple("pendingReason", "USER"),
					org.assertj.core.groups.Tuple.tuple("status", "PENDING"));
	}

	@Test
	void aMacroWithARefusedStepChangesNothingAndSaysWhichRuleRefused() {
		Macro macro = macros.create(new MacroDefinition("Urgent and pending", null, false, null, Urgency.VERY_HIGH,
				null, MacroStatus.PENDING, PendingReason.USER, null, "We are on it, {{requester.fullName}}.",
				"Raised by the macro", null, null), technician);
		// a new ticket may not be put pending: the urgency change before it must not stay
		TicketId id = tickets.register(demand(), requester).id();
		tickets.assign(id, group.getId(), null, null, technician);
		Ticket before = tickets.get(id, technician);
		long version = before.getVersion();
		Urgency urgency = before.getUrgency();
		int history = tickets.history(id, technician).size();

		assertThatThrownBy(() -> macros.apply(macro.id(), id, version, technician))
			.isInstanceOf(IllegalTransitionException.class);

		Ticket unchanged = tickets.get(id, technician);
		assertThat(unchanged.getVersion()).isEqualTo(version);
		assertThat(unchanged.getUrgency()).isEqualTo(urgency);
		assertThat(unchanged.getStatus()).isEqualTo(Status.NEW);
		assertThat(tickets.comments(id, technician)).isEmpty();
		assertThat(tickets.history(id, technician)).hasSize(history);
	}

	@Test
	void aMacroAppliedToAnOlderVersionOfTheTicketIsRefusedWithNothingChanged() {
		Macro macro = macros.create(new MacroDefinition("Note", null, false, null, null, null, null, null, null, null,
				"Seen by {{agent.firstName}}", null, null), technician);
		TicketId id = takenTicket();
		long seen = tickets.get(id, technician).getVersion();
		tickets.comment(id, "Someone else's note", true, supervisor);
		tickets.transition(id, new Transition(TicketAction.PENDING, null, PendingReason.SUPPLIER, null, null), null,
				supervisor);

		assertThatThrownBy(() -> macros.apply(macro.id(), id, seen, technician)).isInstanceOf(StaleTicketException.class)
			.extracting(e -> ((StaleTicketException) e).messageKey())
			.isEqualTo("ticket.stale");
		assertThat(tickets.comments(id, technician)).extracting(Comment::getBody)
			.containsExactly("Someone else's note");
	}

	@Test
	void assignToMeAndUrgencyGoThroughTheLifecycleAndANoteIsInternal() {
		Macro macro = macros.create(new MacroDefinition("Mine, urgent", null, true, group.getId(), Urgency.HIGH, null,
				MacroStatus.TAKE, null, null, null, "Taken by {{agent.fullName}}", null, null), technician);
		TicketId id = tickets.register(demand(), requester).id();

		Ticket after = macros.apply(macro.id(), id, null, technician);

		assertThat(after.getAssignee().getId()).isEqualTo(technician.id());
		assertThat(after.getGroup().getId()).isEqualTo(group.getId());
		assertThat(after.getUrgency()).isEqualTo(Urgency.HIGH);
		assertThat(after.getStatus()).isEqualTo(Status.IN_PROGRESS);
		assertThat(tickets.comments(id, technician)).singleElement().satisfies(c -> assertThat(c.isInternal()).isTrue());
		assertThat(tickets.comments(id, requester)).isEmpty();
	}

	@Test
	void aMacroResolvesWithItsSolutionItsPlaceholdersFilledInAndItsReply() {
		Macro macro = macros.create(new MacroDefinition("Password reset", null, false, null, null, null,
				MacroStatus.RESOLVE, null, null, "Done, {{requester.firstName}}.",
				null, "Password of {{requester.fullName}} reset by {{agent.fullName}} ({{ticket.number}})",
				SolutionKind.WORKAROUND), technician);
		assertThat(macro.movesTheTicket()).isTrue();
		TicketId id = takenTicket();

		Ticket after = macros.apply(macro.id(), id, tickets.get(id, technician).getVersion(), technician);

		assertThat(after.getStatus()).isEqualTo(Status.RESOLVED);
		assertThat(after.getSolution()).as("the name filled in as text, its markup escaped as in replies")
			.startsWith("Password of Zoé \\<b\\>Müller\\</b\\>")
			.endsWith(" reset by " + technician.fullName() + " (" + after.getNumber() + ")");
		assertThat(after.getSolutionKind()).isEqualTo(SolutionKind.WORKAROUND);
		assertThat(tickets.comments(id, requester)).extracting(Comment::getBody).containsExactly("Done, Zoé.");
	}

	@Test
	void aResolvingMacroNeedsASolutionWithKnownPlaceholdersAndAnotherStatusKeepsNone() {
		assertThatThrownBy(() -> macros.create(new MacroDefinition("Resolve", null, false, null, null, null,
				MacroStatus.RESOLVE, null, null, null, null, "  ", null), technician))
			.isInstanceOfSatisfying(InvalidDefinitionException.class,
					ex -> assertThat(ex.problems()).extracting(InvalidDefinitionException.Problem::field,
							InvalidDefinitionException.Problem::messageKey)
						.containsExactly(org.assertj.core.groups.Tuple.tuple("solution", "field.required")));
		assertThatThrownBy(() -> macros.create(new MacroDefinition("Resolve", null, false, null, null, null,
				MacroStatus.RESOLVE, null, null, null, null, "Fixed {{ticket.id}}", null), technician))
			.isInstanceOfSatisfying(InvalidDefinitionException.class,
					ex -> assertThat(ex.problems()).extracting(InvalidDefinitionException.Problem::messageKey)
						.containsExactly("replies.placeholder.unknown"));

		Macro pending = macros.create(new MacroDefinition("Pending", null, false, null, null, null,
				MacroStatus.PENDING, PendingReason.USER, null, null, null, "A solution typed before", null),
				technician);
		assertThat(pending.getSolution()).isNull();
		assertThat(pending.getSolutionKind()).isNull();
		Macro permanent = macros.create(new MacroDefinition("Resolve", null, false, null, null, null,
				MacroStatus.RESOLVE, null, null, null, null, "Fixed", null), technician);
		assertThat(permanent.getSolutionKind()).as("unless told otherwise").isEqualTo(SolutionKind.PERMANENT);
	}

	@Test
	void aResolvingMacroRefusedByTheLifecycleChangesNothing() {
		Macro macro = macros.create(new MacroDefinition("Urgent and resolved", null, false, null, Urgency.VERY_HIGH,
				null, MacroStatus.RESOLVE, null, null, "Solved.", "Note", "Fixed", null), technician);
		TicketId id = takenTicket();
		tickets.transition(id, new Transition(TicketAction.RESOLVE, null, null, "First fix", SolutionKind.PERMANENT),
				null, technician);
		Ticket before = tickets.get(id, technician);
		int history = tickets.history(id, technician).size();

		assertThatThrownBy(() -> macros.apply(macro.id(), id, before.getVersion(), technician))
			.isInstanceOf(IllegalTransitionException.class);

		Ticket unchanged = tickets.get(id, technician);
		assertThat(unchanged.getVersion()).isEqualTo(before.getVersion());
		assertThat(unchanged.getUrgency()).isEqualTo(before.getUrgency());
		assertThat(unchanged.getSolution()).isEqualTo("First fix");
		assertThat(tickets.comments(id, technician)).isEmpty();
		assertThat(tickets.history(id, technician)).hasSize(history);
	}

	@Test
	void theApiDefinesAResolvingMacroAndAppliesIt() {
		ApiClient api = ApiClient.bearer(port, fixtures.token(technicianUser));
		TicketId id = takenTicket();
		Response refused = api.post("/api/v1/macros", Map.of("name", "Solved", "status", "RESOLVE"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("field").asString()).isEqualTo("solution");

		Response macro = api.post("/api/v1/macros", Map.of("name", "Solved", "status", "RESOLVE", "solution",
				"Restarted for {{requester.firstName}}", "solutionKind", "WORKAROUND"));
		assertThat(macro.status()).as(macro.toString()).isEqualTo(201);
		assertThat(macro.json().get("solution").asString()).isEqualTo("Restarted for {{requester.firstName}}");
		assertThat(macro.json().get("solutionKind").asString()).isEqualTo("WORKAROUND");

		Response applied = api.post("/api/v1/tickets/" + id.value() + "/macros/" + macro.json().get("id").asLong(),
				Map.of());
		assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
		assertThat(applied.json().get("status").asString()).isEqualTo("RESOLVED");
		assertThat(tickets.get(id, technician).getSolution()).isEqualTo("Restarted for Zoé");
	}

	@Test
	void aTextWithUnknownPlaceholdersIsRefusedNamingThemWithEveryOtherProblem() {
		assertThatThrownBy(() -> replies.create(new CannedReplyDefinition("", "Hi {{requester.name}} {{ticket.id}}",
				null), technician))
			.isInstanceOfSatisfying(InvalidDefinitionException.class, ex -> {
				assertThat(ex.problems()).extracting(InvalidDefinitionException.Problem::field)
					.containsExactly("name", "body");
				assertThat(ex.problems().get(1).arguments().get(0)).isEqualTo("{{requester.name}}, {{ticket.id}}");
			});
	}

	@Test
	void anAgentUsesTheirOwnAndTheirGroupsSharedRepliesOnly() {
		CurrentUser outsider = TestFixtures.current(fixtures.user("outsider", Role.TECHNICIAN));
		CannedReply mine = replies.create(new CannedReplyDefinition("Mine " + group.getName(), "a", null), technician);
		CannedReply shared = replies.create(new CannedReplyDefinition("Shared " + group.getName(), "b", group.getId()),
				supervisor);
		replies.create(new CannedReplyDefinition("Other's " + group.getName(), "c", null), outsider);

		assertThat(replies.usable(group.getName(), technician)).extracting(CannedReply::getId)
			.containsExactly(mine.getId(), shared.getId());
		assertThat(replies.usable("shared " + group.getName().toUpperCase(), technician)).extracting(CannedReply::getId)
			.containsExactly(shared.getId());
		assertThatThrownBy(() -> replies.get(mine.id(), outsider)).hasMessageContaining("No such");
		assertThatThrownBy(() -> replies.update(shared.id(), null, new CannedReplyDefinition("x", "y", null),
				technician))
			.isInstanceOfSatisfying(org.guichet.system.ForbiddenException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("replies.canned.manage-forbidden"));
	}

	// --- API -----------------------------------------------------------------------------------

	@Test
	void theApiManagesCannedRepliesAndExpandsOneForATicket() {
		ApiClient api = ApiClient.bearer(port, fixtures.token(technicianUser));
		TicketId id = takenTicket();

		Response created = api.post("/api/v1/canned-replies",
				Map.of("name", "Thanks", "body", "Thanks {{requester.firstName}} for {{ticket.title}}"));
		assertThat(created.status()).isEqualTo(201);
		long replyId = created.json().get("id").asLong();
		assertThat(created.header("Location")).isEqualTo("/api/v1/canned-replies/" + replyId);

		Response expanded = api.get("/api/v1/canned-replies/" + replyId + "/expanded?ticketId=" + id.value());
		assertThat(expanded.status()).isEqualTo(200);
		assertThat(expanded.json().get("body").asString()).isEqualTo("Thanks Zoé for Écran noir");
		Response withoutTicket = api.get("/api/v1/canned-replies/" + replyId + "/expanded");
		assertThat(withoutTicket.status()).isEqualTo(400);
		assertThat(withoutTicket.header("Content-Type")).as("a refusal Spring answers for us is a problem too")
			.startsWith("application/problem+json");

		Response changed = api.put("/api/v1/canned-replies/" + replyId,
				Map.of("name", "Thanks!", "body", "Thanks", "version", created.json().get("version").asLong()));
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().get("name").asString()).isEqualTo("Thanks!");
		Response stale = api.put("/api/v1/canned-replies/" + replyId,
				Map.of("name", "Again", "body", "Thanks", "version", created.json().get("version").asLong()));
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.json().get("code").asString()).isEqualTo("record.version-stale");
		assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(changed.json().get("version").asLong());
		assertThat(stale.header("ETag")).isEqualTo("\"" + changed.json().get("version").asLong() + "\"");

		assertThat(api.delete("/api/v1/canned-replies/" + replyId).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/canned-replies/" + replyId).status()).isEqualTo(404);
	}

	@Test
	void aCannedReplyChangedWithAStaleIfMatchIsRefusedAndNothingChanges() {
		ApiClient api = ApiClient.bearer(port, fixtures.token(technicianUser));
		Response created = api.post("/api/v1/canned-replies", Map.of("name", "Hello", "body", "Hello"));
		long replyId = created.json().get("id").asLong();
		String readTag = created.header("ETag");
		Response changed = api.put("/api/v1/canned-replies/" + replyId, Map.of("name", "Hello!", "body", "Hello"),
				"If-Match", readTag);
		assertThat(changed.status()).isEqualTo(200);

		Response stale = api.put("/api/v1/canned-replies/" + replyId, Map.of("name", "Overwritten", "body", "Hello"),
				"If-Match", readTag);

		assertThat(stale.status()).as("API.md: a change naming an older version by If-Match is refused").isEqualTo(412);
		assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
		assertThat(api.get("/api/v1/canned-replies/" + replyId).json().get("name").asString()).isEqualTo("Hello!");
	}

	@Test
	void theApiRefusesADefinitionWithEveryErrorAsProblemJson() {
		ApiClient api = ApiClient.bearer(port, fixtures.token(technicianUser));

		Response refused = api.post("/api/v1/canned-replies",
				Map.of("name", " ", "body", "Hi {{requester.nickname}}", "groupId", group.getId()));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = refused.json();
		assertThat(problem.get("field").asString()).isEqualTo("name");
		assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("name", "body", "groupId");
		assertThat(problem.get("errors").get(1).get("detail").asString()).contains("{{requester.nickname}}");
	}

	@Test
	void theApiAppliesAMacroAndRefusesAnOlderVersion() {
		ApiClient api = ApiClient.bearer(port, fixtures.token(technicianUser));
		TicketId id = takenTicket();
		Response macro = api.post("/api/v1/macros", Map.of("name", "Waiting", "status", "PENDING", "pendingReason",
				"USER", "replyBody", "Could you tell us more, {{requester.firstName}}?"));
		assertThat(macro.status()).isEqualTo(201);
		long macroId = macro.json().get("id").asLong();
		long version = tickets.get(id, technician).getVersion();

		Response stale = api.post("/api/v1/tickets/" + id.value() + "/macros/" + macroId, Map.of(), "If-Match",
				"\"" + (version - 1) + "\"");
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.json().get("code").asString()).isEqualTo("ticket.version-stale");
		assertThat(stale.json().get("currentVersion").asLong()).isGreaterThan(0);

		Response applied = api.post("/api/v1/tickets/" + id.value() + "/macros/" + macroId,
				Map.of("version", version));
		assertThat(applied.status()).isEqualTo(200);
		assertThat(applied.json().get("status").asString()).isEqualTo("PENDING");
		assertThat(applied.json().get("version").asLong()).isGreaterThan(version);

		Response again = api.post("/api/v1/tickets/" + id.value() + "/macros/" + macroId, Map.of());
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("code").asString()).isEqualTo("ticket.transition.illegal");
		assertThat(tickets.comments(id, technician)).hasSize(1);
	}

	@Test
	void aRequesterHasNoCannedRepliesNorMacros() {
		User requesterUser = fixtures.user("api-requester", Role.REQUESTER);
		ApiClient api = ApiClient.bearer(port, fixtures.token(requesterUser));
		assertThat(api.get("/api/v1/canned-replies").status()).isEqualTo(403);
		assertThat(api.get("/api/v1/macros").status()).isEqualTo(403);
	}

	private TicketId takenTicket() {
		TicketId id = tickets.register(demand(), requester).id();
		tickets.assign(id, group.getId(), technician.id(), null, technician);
		tickets.transition(id, Transition.of(TicketAction.TAKE), null, technician);
		return id;
	}

	private static NewTicket demand() {
		return new NewTicket(TicketType.INCIDENT, "Écran noir", "Plus d'affichage depuis ce matin", null,
				Channel.PORTAL, null, Urgency.MEDIUM, Impact.LOW, List.of());
	}

}

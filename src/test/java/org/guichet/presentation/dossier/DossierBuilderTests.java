package org.guichet.presentation.dossier;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.presentation.dossier.TicketDossier.LifecycleStep;
import org.guichet.presentation.dossier.TicketDossier.Person;
import org.guichet.presentation.dossier.TicketDossier.PriorityField;
import org.guichet.sla.SlaView;
import org.guichet.tickets.Attachment;
import org.guichet.tickets.Category;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Comment;
import org.guichet.tickets.Escalation;
import org.guichet.tickets.EscalationKind;
import org.guichet.tickets.HistoryEntry;
import org.guichet.tickets.Impact;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.Priority;
import org.guichet.tickets.PriorityMatrix;
import org.guichet.tickets.ReplyToResolved;
import org.guichet.tickets.SlaState;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Status;
import org.guichet.tickets.Task;
import org.guichet.tickets.TaskStatus;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The dossier drawn up from a ticket built by hand through its own actions, history included. */
class DossierBuilderTests {

	private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

	private final PriorityMatrix matrix = PriorityMatrix.standard();

	private final User alice = user(1, "alice", "Alice Martin", Role.REQUESTER);

	private final User tech1 = user(2, "tech1", "Tom Leroy", Role.TECHNICIAN);

	private final User tech2 = user(3, "tech2", "Sam Petit", Role.TECHNICIAN);

	private final SupportGroup desk = group(10, "Service desk", SupportLevel.N1);

	private final SupportGroup network = group(11, "Network", SupportLevel.N2);

	private final List<Comment> comments = new ArrayList<>();

	private Ticket ticket;

	private Escalation escalation;

	private Task task;

	@BeforeEach
	void aPrinterThatJamsEscalatedPendingRefusedAndClosed() {
		alice.setVip(true);
		Category jam = new Category("Paper jam", new Category("Printer", null));
		ticket = new Ticket(TicketType.INCIDENT, "Printer jams on every page", "The **3rd floor** printer jams.", alice,
				tech1, Channel.PHONE, jam, Urgency.HIGH, Impact.MEDIUM, matrix, T0);
		ReflectionTestUtils.setField(ticket, "id", 42L);
		ticket.assign(desk, tech1, tech1, at(1));
		ticket.take(tech1, at(2));
		comments.add(ticket.reply(tech1, "Could you *open* tray 2?", ReplyToResolved.FLAG, at(3)));
		comments.add(ticket.addInternalNote(tech1, "Driver bug suspected", at(4)));
		ticket.putPending(PendingReason.USER, tech1, at(5));
		comments.add(ticket.reply(alice, "Opened it, still jams", ReplyToResolved.FLAG, at(6)));
		escalation = ticket.escalate(network, null, "Needs the print server team", tech1, at(7));
		ticket.assign(network, tech2, tech2, at(8));
		ticket.take(tech2, at(9));
		ticket.overridePriority(Priority.MAJOR, "Board meeting at noon", tech2, at(10));
		task = ticket.addTask("Replace the fuser", tech2, 30, tech2, at(11));
		ticket.updateTask(task, TaskStatus.DONE, 45, tech2, at(12));
		ticket.resolve("Replaced the **fuser**", SolutionKind.WORKAROUND, tech2, at(13));
		comments.add(ticket.refuse("Still jams on A3", alice, at(14)));
		ticket.resolve("Replaced the whole unit", SolutionKind.PERMANENT, tech2, at(15));
		ticket.accept(alice, null, at(16));
		ticket.rate(4, "Quick once escalated", alice, at(17));
	}

	@Test
	void theTeamsDossierTellsTheWholeStoryWithPeopleAsReferences() {
		TicketDossier dossier = build(true, false);

		assertThat(dossier.summary().number()).isEqualTo("#42");
		assertThat(dossier.summary().category()).isEqualTo("Printer › Paper jam");
		assertThat(dossier.summary().requester()).isEqualTo(new Person(1L, Role.REQUESTER, "Alice Martin"));
		assertThat(dossier.summary().registeredBy()).isEqualTo(new Person(2L, Role.TECHNICIAN, "Tom Leroy"));
		assertThat(dossier.summary().description()).as("Markdown as typed").isEqualTo("The **3rd floor** printer jams.");

		assertThat(dossier.priority().matrixCell()).isEqualTo(matrix.cell(Urgency.HIGH, Impact.MEDIUM));
		assertThat(dossier.priority().vip()).isTrue();
		assertThat(dossier.priority().fromMatrix()).isEqualTo(matrix.cell(Urgency.HIGH, Impact.MEDIUM).raised());
		assertThat(dossier.priority().priority()).isEqualTo(Priority.MAJOR);
		assertThat(dossier.priority().overrideReason()).isEqualTo("Board meeting at noon");
		assertThat(dossier.priority().changes()).filteredOn(c -> c.field() == PriorityField.OVERRIDE)
			.singleElement()
			.satisfies(c -> assertThat(c.reason()).isEqualTo("Board meeting at noon"))
			.satisfies(c -> assertThat(c.by().name()).isEqualTo("Sam Petit"));

		assertThat(dossier.assignments()).as("group and technician set together make one step")
			.extracting(a -> a.group() + "/" + (a.technician() == null ? null : a.technician().name()))
			.containsExactly("Service desk/Tom Leroy", "Network/null", "null/Sam Petit");
		assertThat(dossier.assignments().get(0).technician()).isEqualTo(new Person(2L, Role.TECHNICIAN, "Tom Leroy"));

		assertThat(dossier.escalations()).singleElement().satisfies(e -> {
			assertThat(e.kind()).isEqualTo(EscalationKind.FUNCTIONAL);
			assertThat(e.toLevel()).isEqualTo(SupportLevel.N2);
			assertThat(e.toGroup()).isEqualTo("Network");
			assertThat(e.reason()).isEqualTo("Needs the print server team");
			assertThat(e.by().name()).isEqualTo("Tom Leroy");
		});

		assertThat(dossier.sla()).isNotNull();
		assertThat(dossier.sla().ttoState()).isEqualTo(SlaState.MET);
		assertThat(dossier.sla().ttrState()).isEqualTo(SlaState.MISSED);

		assertThat(dossier.steps()).extracting(LifecycleStep::to)
			.containsExactly(Status.NEW, Status.ASSIGNED, Status.IN_PROGRESS, Status.PENDING, Status.IN_PROGRESS,
					Status.NEW, Status.ASSIGNED, Status.IN_PROGRESS, Status.RESOLVED, Status.IN_PROGRESS,
					Status.RESOLVED, Status.CLOSED);
		assertThat(dossier.steps()).filteredOn(s -> s.to() == Status.PENDING)
			.singleElement()
			.satisfies(s -> assertThat(s.pendingReason()).isEqualTo(PendingReason.USER));
		assertThat(dossier.steps()).filteredOn(s -> s.reopening() != null)
			.singleElement()
			.satisfies(s -> assertThat(s.reopening()).isEqualTo("REFUSAL"))
			.satisfies(s -> assertThat(s.by().name()).isEqualTo("Alice Martin"));

		assertThat(dossier.timeline()).as("public replies only unless asked")
			.extracting(e -> e.author().name() + ": " + e.body())
			.containsExactly("Tom Leroy: Could you *open* tray 2?", "Alice Martin: Opened it, still jams",
					"Alice Martin: Still jams on A3");

		assertThat(dossier.tasks()).singleElement().satisfies(t -> {
			assertThat(t.title()).isEqualTo("Replace the fuser");
			assertThat(t.plannedMinutes()).isEqualTo(30);
			assertThat(t.actualMinutes()).isEqualTo(45);
			assertThat(t.status()).isEqualTo(TaskStatus.DONE);
		});

		assertThat(dossier.solution()).isNotNull();
		assertThat(dossier.solution().kind()).isEqualTo(SolutionKind.PERMANENT);
		assertThat(dossier.solution().text()).isEqualTo("Replaced the whole unit");

		assertThat(dossier.closure().status()).isEqualTo(Status.CLOSED);
		assertThat(dossier.closure().reopenCount()).isEqualTo(1);
		assertThat(dossier.closure().closedAutomatically()).as("the requester accepted").isFalse();
		assertThat(dossier.closure().satisfaction()).isEqualTo(4);
		assertThat(dossier.closure().satisfactionComment()).isEqualTo("Quick once escalated");
	}

	@Test
	void internalNotesComeOnlyWhenTheTeamAsksForThem() {
		assertThat(build(true, true).timeline()).filteredOn(TicketDossier.TimelineEntry::internal)
			.extracting(TicketDossier.TimelineEntry::body)
			.containsExactly("Driver bug suspected");
		assertThat(build(false, true).timeline()).as("never in a requester's, even asked")
			.noneMatch(TicketDossier.TimelineEntry::internal);
		assertThat(build(false, true).internal()).isFalse();
	}

	@Test
	void aRequestersDossierLeavesOutTheTeamsOwnWork() {
		TicketDossier dossier = build(false, false);
		assertThat(dossier.teamView()).isFalse();
		assertThat(dossier.escalations()).isEmpty();
		assertThat(dossier.tasks()).isEmpty();
		assertThat(dossier.routing()).isEmpty();
		assertThat(dossier.sla()).isNull();
		assertThat(dossier.solution()).isNotNull();
		assertThat(dossier.closure().satisfaction()).isEqualTo(4);
	}

	@Test
	void aTicketClosedByGuichetSaysSo() {
		Ticket quiet = new Ticket(TicketType.ASSISTANCE, "How do I print A3?", "Which tray?", alice, alice,
				Channel.PORTAL, null, Urgency.LOW, Impact.LOW, matrix, T0);
		ReflectionTestUtils.setField(quiet, "id", 43L);
		quiet.take(tech1, at(1));
		quiet.resolve("Tray 2", SolutionKind.PERMANENT, tech1, at(2));
		quiet.closeUnanswered(at(3));
		TicketDossier dossier = DossierBuilder.build(new DossierBuilder.Source(quiet, historyOf(quiet), List.of(), List.of(),
				List.of(), List.of(), null, matrix, Map.of(), true, false, at(4), List.of(), List.of(), null));
		assertThat(dossier.closure().closedAutomatically()).isTrue();
		assertThat(dossier.steps()).last().satisfies(s -> assertThat(s.by().isGuichet()).isTrue());
		assertThat(dossier.summary().category()).isNull();
		assertThat(dossier.sla()).isNull();
		assertThat(dossier.priority().vip()).isTrue();
	}

	@Test
	void attachedFilesAreNamedTheInternalOnesOnlyWithTheInternalNotes() {
		List<Attachment> files = List.of(attachment("driver-dump.zip", 2048, true, at(5)),
				attachment("photo tray 2.jpg", 300_000, false, at(4)));
		TicketDossier dossier = DossierBuilder.build(new DossierBuilder.Source(ticket, historyOf(ticket), comments,
				files, List.of(task), List.of(escalation), null, matrix, Map.of(), true, false, at(20), List.of(), List.of(), null));
		TicketDossier withNotes = DossierBuilder.build(new DossierBuilder.Source(ticket, historyOf(ticket), comments,
				files, List.of(task), List.of(escalation), null, matrix, Map.of(), true, true, at(20), List.of(), List.of(), null));

		assertThat(dossier.attachments()).singleElement()
			.isEqualTo(new TicketDossier.AttachmentLine(at(4), new Person(1L, Role.REQUESTER, "Alice Martin"),
					"photo tray 2.jpg", 300_000, false));
		assertThat(withNotes.attachments()).as("oldest first").extracting(TicketDossier.AttachmentLine::fileName)
			.containsExactly("photo tray 2.jpg", "driver-dump.zip");
	}

	private Attachment attachment(String name, long size, boolean internal, Instant at) {
		Attachment file = BeanUtils.instantiateClass(Attachment.class);
		ReflectionTestUtils.setField(file, "ticket", ticket);
		ReflectionTestUtils.setField(file, "uploadedBy", internal ? tech1 : alice);
		ReflectionTestUtils.setField(file, "fileName", name);
		ReflectionTestUtils.setField(file, "sizeBytes", size);
		ReflectionTestUtils.setField(file, "internal", internal);
		ReflectionTestUtils.setField(file, "createdAt", at);
		return file;
	}

	private TicketDossier build(boolean team, boolean internal) {
		SlaView sla = new SlaView("Standard", at(3), at(12), SlaState.MISSED, SlaState.MET, SlaState.MISSED,
				Duration.ofMinutes(20), false, null, null);
		return DossierBuilder.build(new DossierBuilder.Source(ticket, historyOf(ticket), comments, List.of(), List.of(task),
				List.of(escalation), sla, matrix, Map.of("tech1", tech1, "tech2", tech2), team, internal, at(20), List.of(), List.of(), null));
	}

	@SuppressWarnings("unchecked")
	private static List<HistoryEntry> historyOf(Ticket ticket) {
		return List.copyOf((List<HistoryEntry>) ReflectionTestUtils.getField(ticket, "history"));
	}

	private static Instant at(int minutes) {
		return T0.plus(Duration.ofMinutes(minutes));
	}

	private static User user(long id, String username, String name, Role role) {
		User user = new User(username, "{noop}x", name, role, T0);
		ReflectionTestUtils.setField(user, "id", id);
		return user;
	}

	private static SupportGroup group(long id, String name, SupportLevel level) {
		SupportGroup group = new SupportGroup(name, level);
		ReflectionTestUtils.setField(group, "id", id);
		return group;
	}

}

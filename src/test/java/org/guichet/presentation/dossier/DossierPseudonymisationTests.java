package org.guichet.presentation.dossier;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.guichet.approvals.ApprovalOutcome;
import org.guichet.approvals.Quorum;
import org.guichet.approvals.StepKind;
import org.guichet.approvals.StepState;
import org.guichet.approvals.Verdict;
import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.knowledge.ArticleKind;
import org.guichet.knowledge.ArticleLanguage;
import org.guichet.knowledge.ArticleStatus;
import org.guichet.presentation.anonymise.IdentityScan;
import org.guichet.presentation.anonymise.Pseudonyms;
import org.guichet.presentation.anonymise.Suspect;
import org.guichet.presentation.anonymise.Words;
import org.guichet.presentation.dossier.TicketDossier.ApprovalDecisionLine;
import org.guichet.presentation.dossier.TicketDossier.ApprovalStepLine;
import org.guichet.presentation.dossier.TicketDossier.AssignmentStep;
import org.guichet.presentation.dossier.TicketDossier.AttachmentLine;
import org.guichet.presentation.dossier.TicketDossier.Closure;
import org.guichet.presentation.dossier.TicketDossier.EscalationStep;
import org.guichet.presentation.dossier.TicketDossier.LifecycleStep;
import org.guichet.presentation.dossier.TicketDossier.Person;
import org.guichet.presentation.dossier.TicketDossier.PriorityChange;
import org.guichet.presentation.dossier.TicketDossier.PriorityDerivation;
import org.guichet.presentation.dossier.TicketDossier.PriorityField;
import org.guichet.presentation.dossier.TicketDossier.Sla;
import org.guichet.presentation.dossier.TicketDossier.Solution;
import org.guichet.presentation.dossier.TicketDossier.Summary;
import org.guichet.presentation.dossier.TicketDossier.TaskLine;
import org.guichet.presentation.dossier.TicketDossier.TimelineEntry;
import org.guichet.tickets.Channel;
import org.guichet.tickets.EscalationKind;
import org.guichet.tickets.Impact;
import org.guichet.tickets.Priority;
import org.guichet.tickets.SlaState;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Status;
import org.guichet.tickets.TaskStatus;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The anonymisation of a whole dossier built by hand, every field naming someone. */
class DossierPseudonymisationTests {

	private static final Words FRENCH = new Words("Demandeur {0}", "Technicien {0}", "Personne {0}", "téléphone de {0}",
			"téléphone n° {0}", "hote-{0}");

	private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

	private static final org.guichet.presentation.anonymise.Person ALICE = person(1, "Alice Martin", "amartin",
			"alice.martin@acme.fr", "04 72 11 22 33");

	private static final org.guichet.presentation.anonymise.Person TOM = person(2, "Tom Leroy", "tleroy",
			"tom.leroy@acme.fr", null);

	private static final org.guichet.presentation.anonymise.Person SAM = person(3, "Sam Girard", "sgirard", null, null);

	private static final org.guichet.presentation.anonymise.Person BOB = person(4, "Bob Wilson", "bwilson", null, null);

	private static final org.guichet.presentation.anonymise.Person EVE = person(5, "Ève Lambert", "elambert", null, null);

	private final Person alice = new Person(1L, Role.REQUESTER, "Alice Martin");

	private final Person tom = new Person(2L, Role.TECHNICIAN, "Tom Leroy");

	private final Person sam = new Person(3L, Role.TECHNICIAN, "Sam Girard");

	private final Person bob = new Person(4L, Role.REQUESTER, "Bob Wilson");

	@Test
	void everyPersonAndEveryTextOfTheDossierIsAnonymised() {
		TicketDossier dossier = dossier(42, alice, List.of(bob));
		Pseudonyms pseudonyms = pseudonyms(dossier);

		TicketDossier anonymised = DossierPseudonymisation.anonymise(dossier, pseudonyms, true);

		assertThat(IdentityScan.of(List.of(ALICE, TOM, SAM, BOB, EVE)).leaks(anonymised.toString())).isEmpty();
		assertThat(anonymised.summary().requester()).isEqualTo(new Person(1L, Role.REQUESTER, "Demandeur A"));
		assertThat(anonymised.summary().registeredBy().name()).isEqualTo("Technicien 1");
		assertThat(anonymised.assignments()).extracting(a -> a.technician().name()).containsExactly("Technicien 1",
				"Technicien 2");
		assertThat(anonymised.summary().observers()).extracting(Person::name).containsExactly("Personne A");
		assertThat(anonymised.summary().title()).isEqualTo("Imprimante de Demandeur A bloquée");
		assertThat(anonymised.summary().description()).contains("hote-1", "192.0.2.1", "téléphone de Demandeur A")
			.doesNotContain("PC-COMPTA-12", "10.12.0.54");
		assertThat(anonymised.timeline()).extracting(TimelineEntry::body)
			.containsExactly("Technicien 2 regarde, écrire à demandeur-a@example.invalid",
					"Merci Technicien 1, voir aussi Personne B");
		assertThat(anonymised.solution().text()).isEqualTo("Pilote réinstallé sur hote-2.example.invalid");
		assertThat(anonymised.closure().satisfactionComment()).isEqualTo("Technicien 2 au top");
		assertThat(anonymised.closure().cancelReason()).isNull();
		assertThat(anonymised.escalations().get(0).reason()).isEqualTo("Technicien 2 connaît le serveur");
		assertThat(anonymised.escalations().get(0).toUser().name()).isEqualTo("Technicien 2");
		assertThat(anonymised.priority().overrideReason()).isEqualTo("Demandeur A présente au comité");
		assertThat(anonymised.priority().changes().get(0).reason()).isEqualTo("Demandeur A présente au comité");
		assertThat(anonymised.tasks().get(0).title()).isEqualTo("Appeler Demandeur A");
		assertThat(anonymised.attachments()).extracting(AttachmentLine::fileName)
			.containsExactly("capture demandeur-a.png");
		assertThat(anonymised.routing()).containsExactly("Imprimantes");
		assertThat(anonymised.assignments().get(0).group()).isEqualTo("Équipe de Technicien 1");
	}

	@Test
	void theApproversTheirDelegateTheCommentsTheSkipReasonsAndTheGroupsOfTheApprovalArePseudonymised() {
		TicketDossier dossier = dossier(42, alice, List.of(bob));

		TicketDossier anonymised = DossierPseudonymisation.anonymise(dossier, pseudonyms(dossier), true);

		TicketDossier.Approval approval = anonymised.approval();
		assertThat(IdentityScan.of(List.of(ALICE, TOM, SAM, BOB, EVE)).leaks(approval.toString())).isEmpty();
		ApprovalDecisionLine decision = approval.steps().get(0).decisions().get(0);
		assertThat(approval.steps().get(0).asked()).extracting(Person::name).containsExactly("Personne B");
		assertThat(decision.approver().name()).as("Ève, named in a reply before").isEqualTo("Personne B");
		assertThat(decision.decidedBy().name()).as("Bob, an observer").isEqualTo("Personne A");
		assertThat(decision.comment()).isEqualTo("Demandeur A a déjà un poste");
		assertThat(approval.steps().get(1).skipReason()).isEqualTo("Montant < 500 (demandé par Demandeur A)");
		assertThat(approval.steps().get(1).group()).as("a group's name goes through the texts, as the assignments' groups")
			.isEqualTo("Achats (avec Demandeur A)");
		assertThat(approval.steps().get(0).group()).isNull();
		assertThat(approval.delay()).isEqualTo(Duration.ofMinutes(10));
		assertThat(approval.outcome()).isEqualTo(ApprovalOutcome.REFUSED);
		assertThat(decision.at()).isEqualTo(dossier.approval().steps().get(0).decisions().get(0).at());
	}

	@Test
	void codesInstantsAndGuichetItselfStayAsTheyWere() {
		TicketDossier dossier = dossier(42, alice, List.of());
		TicketDossier anonymised = DossierPseudonymisation.anonymise(dossier, pseudonyms(dossier), true);

		assertThat(anonymised.steps()).extracting(LifecycleStep::to).containsExactly(Status.NEW, Status.CLOSED);
		assertThat(anonymised.steps().get(1).by()).isEqualTo(Person.guichet());
		assertThat(anonymised.summary().number()).isEqualTo("#42");
		assertThat(anonymised.priority().priority()).isEqualTo(Priority.MAJOR);
		assertThat(anonymised.sla()).isEqualTo(dossier.sla());
		assertThat(anonymised.generatedAt()).isEqualTo(dossier.generatedAt());
	}

	@Test
	void attachmentsAreLeftOutUnlessChosen() {
		TicketDossier dossier = dossier(42, alice, List.of());

		assertThat(DossierPseudonymisation.anonymise(dossier, pseudonyms(dossier), false).attachments()).isEmpty();
	}

	@Test
	void onePseudonymsGiveEachPersonTheSamePseudonymAcrossTickets() {
		TicketDossier first = dossier(42, alice, List.of());
		TicketDossier second = dossier(43, bob, List.of());
		Set<Long> requesters = new LinkedHashSet<>();
		Set<Long> technicians = new LinkedHashSet<>();
		DossierPseudonymisation.people(first, requesters, technicians);
		DossierPseudonymisation.people(second, requesters, technicians);
		assertThat(requesters).containsExactly(1L, 4L);
		assertThat(technicians).as("the team in order of appearance").containsExactly(2L, 3L);
		Pseudonyms pseudonyms = build(requesters, technicians);

		TicketDossier one = DossierPseudonymisation.anonymise(first, pseudonyms, false);
		TicketDossier two = DossierPseudonymisation.anonymise(second, pseudonyms, false);

		assertThat(one.summary().requester().name()).isEqualTo("Demandeur A");
		assertThat(two.summary().requester().name()).isEqualTo("Demandeur B");
		assertThat(two.summary().title()).isEqualTo("Imprimante de Demandeur B bloquée");
		assertThat(two.timeline().get(0).author().name()).isEqualTo(one.timeline().get(0).author().name())
			.isEqualTo("Technicien 2");
		assertThat(two.timeline().get(1).body()).as("the colleague named has one pseudonym across the tickets")
			.isEqualTo(one.timeline().get(1).body());
	}

	@Test
	void whatCannotBeRecognisedIsListed() {
		TicketDossier dossier = dossier(42, alice, List.of());
		Pseudonyms pseudonyms = pseudonyms(dossier);

		DossierPseudonymisation.anonymise(dossier(42, alice, List.of(), "Mme Lefort a résolu"), pseudonyms, false);

		assertThat(pseudonyms.unrecognised()).extracting(Suspect::text, Suspect::reason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Lefort", Suspect.Reason.AFTER_TITLE));
	}

	private Pseudonyms pseudonyms(TicketDossier dossier) {
		Set<Long> requesters = new LinkedHashSet<>();
		Set<Long> technicians = new LinkedHashSet<>();
		DossierPseudonymisation.people(dossier, requesters, technicians);
		return build(requesters, technicians);
	}

	private static Pseudonyms build(Set<Long> requesters, Set<Long> technicians) {
		Pseudonyms.Builder builder = Pseudonyms.builder(FRENCH);
		List<org.guichet.presentation.anonymise.Person> all = List.of(ALICE, TOM, SAM, BOB, EVE);
		requesters.forEach(id -> builder.person(withRole(all.get(id.intValue() - 1),
				org.guichet.presentation.anonymise.Person.Role.REQUESTER)));
		technicians.forEach(id -> builder.person(withRole(all.get(id.intValue() - 1),
				org.guichet.presentation.anonymise.Person.Role.TECHNICIAN)));
		all.stream().filter(p -> !requesters.contains(p.id()) && !technicians.contains(p.id())).forEach(builder::person);
		return builder.build();
	}

	/** A ticket of {@code requester}, registered by Tom, worked on by Tom and Sam, naming everyone. */
	private TicketDossier dossier(long id, Person requester, List<Person> observers) {
		return dossier(id, requester, observers, null);
	}

	private TicketDossier dossier(long id, Person requester, List<Person> observers, String cancelReason) {
		String first = requester.name().split(" ")[0];
		Summary summary = new Summary(id, "#" + id, "Imprimante de " + requester.name() + " bloquée", TicketType.INCIDENT,
				Channel.PHONE, Status.CLOSED,
				"Le poste PC-COMPTA-12 (10.12.0.54) ne voit plus l’imprimante, rappeler " + first + " au 04 72 11 22 33",
				requester, tom, "Imprimantes › Bourrage", observers, T0, false, List.of());
		String reason = first + " présente au comité";
		PriorityDerivation priority = new PriorityDerivation(Urgency.HIGH, Impact.MEDIUM, Priority.HIGH, false,
				Priority.HIGH, Priority.MAJOR, reason,
				List.of(new PriorityChange(T0.plusSeconds(60), sam, PriorityField.OVERRIDE, null, null, reason)));
		List<AssignmentStep> assignments = List.of(
				new AssignmentStep(T0.plusSeconds(10), Person.guichet(), true, "Équipe de Tom Leroy", true, tom),
				new AssignmentStep(T0.plusSeconds(20), tom, false, null, true, sam));
		List<EscalationStep> escalations = List.of(new EscalationStep(T0.plusSeconds(30), EscalationKind.FUNCTIONAL, tom,
				SupportLevel.N1, SupportLevel.N2, "Réseau", sam, "Sam connaît le serveur"));
		Sla sla = new Sla("Standard", T0.plusSeconds(3600), SlaState.MET, T0.plusSeconds(7200), SlaState.MET,
				Duration.ZERO);
		List<LifecycleStep> steps = List.of(new LifecycleStep(T0, tom, null, Status.NEW, null, null),
				new LifecycleStep(T0.plusSeconds(900), Person.guichet(), Status.RESOLVED, Status.CLOSED, null, null));
		List<TimelineEntry> timeline = List.of(
				new TimelineEntry(T0.plusSeconds(40), sam,
						"@sgirard regarde, écrire à " + (requester == alice ? "alice.martin@acme.fr" : "bwilson"), false,
						null, false),
				new TimelineEntry(T0.plusSeconds(50), requester, "Merci Tom, voir aussi Ève Lambert", false, null, true));
		List<TaskLine> tasks = List.of(new TaskLine(T0.plusSeconds(70), "Appeler " + requester.name(), tom,
				TaskStatus.DONE, 10, 15));
		Solution solution = new Solution("Pilote réinstallé sur srv-print01.acme.local", SolutionKind.PERMANENT,
				T0.plusSeconds(800));
		Closure closure = new Closure(Status.CLOSED, T0.plusSeconds(800), T0.plusSeconds(900), true, 0, cancelReason, 5,
				"Sam au top");
		List<AttachmentLine> attachments = List.of(new AttachmentLine(T0.plusSeconds(45), requester,
				"capture " + requester.name().toLowerCase() + ".png", 2048, false));
		return new TicketDossier(T0.plusSeconds(1000), true, false, summary, priority, List.of("Imprimantes"),
				assignments, escalations, sla, steps, timeline, tasks, solution, closure, attachments,
				List.of(new TicketDossier.ArticleLine(7, "Poste de " + requester.name() + " : réinstaller le pilote",
						ArticleKind.SOLUTION, ArticleStatus.PUBLISHED, ArticleLanguage.FR)),
				approval(requester));
	}

	/** Eve asked as the requester's manager; Bob, standing in for her, refused naming the requester. */
	private TicketDossier.Approval approval(Person requester) {
		Person eve = new Person(5L, null, "Ève Lambert");
		Person delegate = new Person(4L, null, "Bob Wilson");
		return new TicketDossier.Approval(ApprovalOutcome.REFUSED, T0.plusSeconds(5), T0.plusSeconds(605),
				Duration.ofMinutes(10),
				List.of(new ApprovalStepLine(1, StepKind.MANAGER, null, Quorum.ANY, null, StepState.REFUSED, null, false,
						T0.plusSeconds(5), T0.plusSeconds(605), List.of(eve),
						List.of(new ApprovalDecisionLine(T0.plusSeconds(605), eve, delegate, Verdict.REFUSE,
								requester.name() + " a déjà un poste"))),
						new ApprovalStepLine(2, StepKind.GROUP, "Achats (avec " + requester.name() + ")", Quorum.ALL, null,
								StepState.SKIPPED,
								"Montant < 500 (demandé par " + requester.name() + ")", false, null, null, List.of(),
								List.of())));
	}

	private static org.guichet.presentation.anonymise.Person person(long id, String name, String login,
			String email, String phone) {
		return new org.guichet.presentation.anonymise.Person(id, org.guichet.presentation.anonymise.Person.Role.OTHER,
				name, null, null, login, email, phone);
	}

	private static org.guichet.presentation.anonymise.Person withRole(org.guichet.presentation.anonymise.Person p,
			org.guichet.presentation.anonymise.Person.Role role) {
		return new org.guichet.presentation.anonymise.Person(p.id(), role, p.fullName(), p.firstName(), p.lastName(),
				p.login(), p.email(), p.phone());
	}

}

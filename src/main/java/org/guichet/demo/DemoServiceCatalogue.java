package org.guichet.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guichet.approvals.ApprovalView;
import org.guichet.approvals.Approvals;
import org.guichet.approvals.Quorum;
import org.guichet.approvals.StepKind;
import org.guichet.approvals.StepPlan;
import org.guichet.approvals.StepState;
import org.guichet.approvals.Verdict;
import org.guichet.catalogue.Catalogue;
import org.guichet.catalogue.CatalogueItem;
import org.guichet.catalogue.CatalogueRequests;
import org.guichet.catalogue.CatalogueSection;
import org.guichet.catalogue.FieldCondition;
import org.guichet.catalogue.FieldKind;
import org.guichet.catalogue.FieldOption;
import org.guichet.catalogue.Filing;
import org.guichet.catalogue.FormDefinition;
import org.guichet.catalogue.FormField;
import org.guichet.catalogue.ItemApprovalStep;
import org.guichet.catalogue.ItemDescription;
import org.guichet.catalogue.SkipCondition;
import org.guichet.demo.DemoOrganisation.Organisation;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.tickets.Category;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Transition;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo's service catalogue (issue 14): four sections, twelve items in French and English
 * with their forms (conditional fields among them), built as an administrator would, and a few
 * requests filed through them by the demo's people. The new workstation, the VPN access and the
 * software installation require approval; their requests stand in every approval state.
 */
@Component
@ConditionalOnProperty(name = "guichet.demo.enabled", havingValue = "true")
class DemoServiceCatalogue {

	/**
	 * The requests the demo files through the catalogue: each a ticket, in every approval state
	 * (waiting at step 1, waiting at step 2, approved — one of them filed by a manager for a
	 * direct report —, refused, withdrawn, every step skipped).
	 */
	static final int REQUESTS = 7;

	private final Catalogue catalogue;

	private final CatalogueRequests requests;

	private final Approvals approvals;

	private final UserRepository users;

	private final TicketManagement tickets;

	private final DemoClock clock;

	DemoServiceCatalogue(Catalogue catalogue, CatalogueRequests requests, Approvals approvals, UserRepository users,
			TicketManagement tickets, DemoClock clock) {
		this.catalogue = catalogue;
		this.requests = requests;
		this.approvals = approvals;
		this.users = users;
		this.tickets = tickets;
		this.clock = clock;
	}

	void create(Organisation organisation) {
		CurrentUser admin = new CurrentUser(organisation.person("admin"));
		Long n1 = organisation.n1().getId();
		SupportGroup n2 = organisation.n2();
		Map<String, Category> categories = organisation.leaves();

		CatalogueSection hardware = catalogue.addSection("Matériel", "Hardware", admin);
		CatalogueItem workstation = item(hardware, admin, "Nouveau poste de travail", "New workstation",
				"Un ordinateur portable configuré, pour une arrivée ou un remplacement.",
				"A configured laptop, for a newcomer or a replacement.", "laptop", category(categories, "Poste de travail/Portable"),
				n1, "Nouveau poste : {model} {other-model}",
				List.of("Commander le matériel", "Préparer l’image du poste", "Remettre le poste et le faire signer"),
				List.of(),
				choice("model", "Modèle", "Model", true, option("standard", "Standard (14 pouces)", "Standard (14 inch)"),
						option("developer", "Développeur (16 pouces, 32 Go)", "Developer (16 inch, 32 GB)"),
						option("other", "Autre", "Other")),
				shownWhen(text("other-model", "Lequel ?", "Which one?", true), "model", "other"),
				wholeNumber("screens", "Écrans supplémentaires", "Extra screens", "1", "0", "3"),
				date("needed-by", "Pour le", "Needed by", true),
				yesNo("replacement", "Remplace un poste existant", "Replaces an existing computer"),
				shownWhen(text("asset", "N° d’inventaire de l’ancien poste", "Asset number of the old computer", true),
						"replacement", "yes"),
				longText("comment", "Précisions", "Anything else", false));
		item(hardware, admin, "Écran supplémentaire", "Extra screen", "Un écran de plus sur votre bureau.",
				"One more screen on your desk.", "display", category(categories, "Poste de travail/Écran"), n1,
				"Écran {size}", List.of("Livrer et brancher l’écran"), List.of(),
				choice("size", "Taille", "Size", true, option("24", "24 pouces", "24 inch"), option("27", "27 pouces", "27 inch")),
				longText("reason", "Pourquoi ?", "Why?", false));
		item(hardware, admin, "Téléphone mobile", "Mobile phone", "Un smartphone professionnel et sa ligne.",
				"A work smartphone and its line.", "phone", category(categories, "Téléphonie/Mobile"), n1,
				"Mobile {model}", List.of("Commander le téléphone", "Activer la ligne"), List.of(),
				choice("model", "Modèle", "Model", true, option("standard", "Standard", "Standard"),
						option("premium", "Haut de gamme", "High end")),
				yesNo("data", "Forfait de données", "Data plan"),
				shownWhen(yesNo("abroad", "Utilisation à l’étranger", "Used abroad"), "data", "yes"));
		item(hardware, admin, "Périphériques", "Peripherals", "Clavier, souris, casque, station d’accueil.",
				"Keyboard, mouse, headset, docking station.", "mouse", category(categories, "Poste de travail/Périphériques"),
				n1, "Périphériques : {items}", List.of(), List.of(),
				multiple("items", "Quoi ?", "What?", option("keyboard", "Clavier", "Keyboard"), option("mouse", "Souris", "Mouse"),
						option("headset", "Casque", "Headset"), option("dock", "Station d’accueil", "Docking station")));

		CatalogueSection access = catalogue.addSection("Accès", "Access", admin);
		CatalogueItem vpn = item(access, admin, "Accès VPN", "VPN access", "Travailler depuis l’extérieur sur le réseau de l’entreprise.",
				"Work on the company network from outside.", "shield-lock", category(categories, "Réseau/VPN"), n2.getId(),
				"Accès VPN[ jusqu’au {until}]", List.of("Créer le compte VPN", "Envoyer le guide de connexion"), List.of(),
				longText("reason", "Pour quoi faire ?", "What for?", true), date("until", "Jusqu’au", "Until", false),
				yesNo("token", "Jeton matériel", "Hardware token"));
		item(access, admin, "Droits sur un dossier partagé", "Shared folder rights", "Lire ou modifier un dossier du serveur de fichiers.",
				"Read or change a folder of the file server.", "folder", category(categories, "Réseau/Partage de fichiers"),
				n1, "Droits sur {path}", List.of(), List.of(),
				new FormField("path", FieldKind.SHORT_TEXT, "Chemin du dossier", "Folder path", "Par exemple \\\\fichiers\\commercial",
						"For example \\\\fichiers\\commercial", true, null, null, 200, null, null, "\\\\\\\\.+", List.of(), null),
				choice("rights", "Droits", "Rights", true, option("read", "Lecture", "Read"), option("write", "Modification", "Change")),
				user("owner", "Responsable du dossier", "Owner of the folder", false));
		item(access, admin, "Compte pour un prestataire", "Contractor account", "Un compte temporaire pour une personne extérieure.",
				"A temporary account for someone from outside.", "person-badge", category(categories, "Comptes et accès/Nouvel arrivant"),
				n1, "Compte prestataire : {name}", List.of("Créer le compte", "Fixer sa date de fin"), List.of(),
				text("name", "Nom et prénom", "Full name", true), text("company", "Société", "Company", true),
				date("start", "Début", "Start", true, "today"), date("end", "Fin", "End", true, "{start}"),
				user("sponsor", "Responsable interne", "Internal sponsor", true));

		CatalogueSection software = catalogue.addSection("Logiciels", "Software", admin);
		CatalogueItem install = item(software, admin, "Installation d’un logiciel", "Software installation", "Un logiciel qui n’est pas sur votre poste.",
				"Software that is not on your computer.", "box-seam", category(categories, "Logiciels/Bureautique"), n1,
				"Installer {name}", List.of(), List.of(),
				text("name", "Logiciel", "Software", true),
				yesNo("licence", "Licence payante", "Paid licence"),
				shownWhen(attachment("quote", "Devis", "Quote", false), "licence", "yes"));
		item(software, admin, "Accès à l’ERP", "ERP access", "Un accès aux modules de l’ERP.", "Access to the ERP's modules.",
				"diagram-3", category(categories, "Logiciels/ERP"), n2.getId(), "Accès ERP : {modules}", List.of(),
				List.of("Comptabilité", "Achats", "Logistique", "Direction"),
				multiple("modules", "Modules", "Modules", option("accounting", "Comptabilité", "Accounting"),
						option("purchasing", "Achats", "Purchasing"), option("stock", "Stocks", "Stock")),
				choice("role", "Profil", "Role", true, option("read", "Consultation", "Read only"),
						option("user", "Utilisateur", "User")));
		item(software, admin, "Liste de diffusion", "Mailing list", "Créer une liste de diffusion ou en changer les membres.",
				"Create a mailing list or change its members.", "envelope", category(categories, "Logiciels/Messagerie"), n1,
				"Liste de diffusion {list}", List.of(), List.of(),
				text("list", "Adresse de la liste", "List address", true),
				longText("members", "Membres (un par ligne)", "Members (one per line)", true));

		CatalogueSection people = catalogue.addSection("Arrivées et départs", "Arrivals and departures", admin);
		item(people, admin, "Arrivée d’un collaborateur", "Newcomer", "Tout ce qu’il faut le premier jour : compte, poste, accès.",
				"All a newcomer needs on day one: account, computer, access.", "person-plus",
				category(categories, "Comptes et accès/Nouvel arrivant"), n1, "Arrivée de {name} le {start}",
				List.of("Créer le compte", "Préparer le poste", "Ouvrir les accès"), List.of(),
				text("name", "Nom et prénom", "Full name", true), date("start", "Premier jour", "First day", true),
				user("manager", "Responsable", "Manager", true), yesNo("laptop", "Poste portable", "Laptop"),
				shownWhen(choice("model", "Modèle", "Model", true, option("standard", "Standard", "Standard"),
						option("developer", "Développeur", "Developer")), "laptop", "yes"));
		item(people, admin, "Départ d’un collaborateur", "Departure", "Fermer les accès et récupérer le matériel.",
				"Close the accounts and collect the equipment.", "person-dash",
				category(categories, "Comptes et accès/Droits d'accès"), n1, "Départ de {person} le {last-day}",
				List.of("Désactiver le compte le dernier jour", "Récupérer le matériel", "Rediriger la messagerie"), List.of(),
				user("person", "Qui part ?", "Who is leaving?", true), date("last-day", "Dernier jour", "Last day", true),
				multiple("equipment", "Matériel à rendre", "Equipment to return", option("laptop", "Portable", "Laptop"),
						option("phone", "Téléphone", "Phone"), option("badge", "Badge", "Badge")),
				yesNo("forward", "Rediriger ses mails", "Forward their mail"),
				shownWhen(user("forward-to", "Vers qui ?", "To whom?", true), "forward", "yes"));

		// Approvals (docs/APPROVALS.md): the manager then the level-2 group for a workstation, the manager
		// for the VPN, the manager for software unless it needs no paid licence.
		ItemApprovalStep manager = new ItemApprovalStep(StepPlan.manager(), null);
		catalogue.requireApproval(workstation.getId(),
				List.of(manager, new ItemApprovalStep(new StepPlan(StepKind.GROUP, n2.getId(), Quorum.ANY, null, null), null)),
				admin);
		catalogue.requireApproval(vpn.getId(), List.of(manager), admin);
		catalogue.requireApproval(install.getId(), List.of(new ItemApprovalStep(StepPlan.manager(),
				new SkipCondition("licence", SkipCondition.Comparison.EQUALS, "no"))), admin);

		// The requests, filed and decided hours or days apart (DemoClock), so that the approval delay
		// reads as a desk's: in every approval state, one filed by a manager for a direct report.
		User alice = organisation.person("alice");
		User bob = organisation.person("bob");
		Ticket atStepTwo = file(workstation, alice, null, at(3, 9, 40), Map.of("model", List.of("developer"),
				"screens", List.of("2"), "needed-by", List.of("2027-01-11"), "replacement", List.of("yes"), "asset",
				List.of("PC-0412")));
		decide(atStepTwo, at(3, 14, 50), Verdict.APPROVE, "D’accord pour le remplacement : le poste a cinq ans.");
		file(workstation, bob, null, at(1, 14, 10), Map.of("model", List.of("other"), "other-model",
				List.of("MacBook Pro 14"), "needed-by", List.of("2027-01-18"), "replacement", List.of("no")));
		Ticket approved = file(vpn, bob, null, at(6, 10, 15), Map.of("reason",
				List.of("Customer visits in Lyon every week: I need the CRM from the hotel."), "until", List.of("2027-06-30"),
				"token", List.of("no")));
		decide(approved, at(5, 9, 5), Verdict.APPROVE, null);
		Ticket refused = file(install, alice, null, at(4, 11, 20),
				Map.of("name", List.of("Adobe Acrobat Pro"), "licence", List.of("yes")));
		decide(refused, at(4, 13, 45), Verdict.REFUSE,
				"Acrobat Reader suffit pour lire et signer les PDF ; voyez avec moi si vous devez les modifier.");
		// Isabelle Durand, Alice's manager, files for Mathieu Roussel, one of her reports: her filing is
		// her approval of the manager's step (docs/APPROVALS.md), the level-2 group approves the next day.
		User mroussel = organisation.person("mroussel");
		Ticket forReport = file(workstation, organisation.person("idurand"), mroussel.getId(), at(5, 16, 30),
				Map.of("model", List.of("standard"), "needed-by", List.of("2027-01-25"), "replacement", List.of("no")));
		decide(forReport, at(4, 10, 20), Verdict.APPROVE, "Poste standard en stock.");
		file(install, organisation.person("cfaure"), null, at(2, 15, 5),
				Map.of("name", List.of("7-Zip"), "licence", List.of("no")));
		Ticket withdrawn = file(vpn, organisation.person("cfournier"), null, at(2, 8, 50), Map.of("reason",
				List.of("Télétravail le vendredi."), "token", List.of("no")));
		clock.at(at(2, 11, 30), () -> tickets.transition(withdrawn.id(),
				new Transition(TicketAction.CANCEL, "Finalement, je reste au bureau le vendredi.", null, null, null), null,
				new CurrentUser(organisation.person("cfournier"))));
	}

	/** That many working days ago, at that time of day in Paris. */
	private Instant at(int workingDaysAgo, int hour, int minute) {
		return DemoTickets.workingDaysBefore(LocalDate.ofInstant(clock.instant(), DemoTickets.ZONE), workingDaysAgo)
			.atTime(hour, minute)
			.atZone(DemoTickets.ZONE)
			.toInstant();
	}

	/** The first approver asked on the ticket's open step decides, at that instant. */
	private void decide(Ticket ticket, Instant at, Verdict verdict, @Nullable String comment) {
		ApprovalView approval = approvals.ofTicket(ticket.id()).orElseThrow();
		long approverId = approval.steps().stream().filter(step -> step.state() == StepState.OPEN).findFirst()
			.orElseThrow().approvers().get(0).id();
		clock.at(at, () -> approvals.decide(approval.id(), verdict, comment,
				new CurrentUser(users.findById(approverId).orElseThrow())));
	}

	/** Filed by {@code by}, for {@code requesterId} (null: themselves), at that instant. */
	private Ticket file(CatalogueItem item, User by, @Nullable Long requesterId, Instant at,
			Map<String, List<String>> answers) {
		return clock.at(at, () -> requests.file(item.getId(), new Filing(answers, requesterId, Channel.PORTAL, List.of()),
				new CurrentUser(by), by.locale() == null ? Locale.FRENCH : by.locale()).ticket());
	}

	private CatalogueItem item(CatalogueSection section, CurrentUser admin, String labelFr, String labelEn,
			String descriptionFr, String descriptionEn, String icon, @Nullable Long categoryId, @Nullable Long groupId,
			String title, List<String> tasks, List<String> departments, FormField... fields) {
		CatalogueItem item = catalogue.addItem(section.getId(), new ItemDescription(labelFr, labelEn, descriptionFr,
				descriptionEn, icon, TicketType.SERVICE_REQUEST, categoryId, groupId, title, tasks), departments, List.of(),
				admin);
		catalogue.saveForm(item.getId(), new FormDefinition(List.of(fields)), admin);
		return item;
	}

	private static @Nullable Long category(Map<String, Category> categories, String path) {
		Category category = categories.get(path);
		return category == null ? null : category.getId();
	}

	private static FieldOption option(String value, String fr, String en) {
		return new FieldOption(value, fr, en);
	}

	private static FormField text(String key, String fr, String en, boolean required) {
		return field(key, FieldKind.SHORT_TEXT, fr, en, required, null, null, null);
	}

	private static FormField longText(String key, String fr, String en, boolean required) {
		return field(key, FieldKind.LONG_TEXT, fr, en, required, null, null, null);
	}

	private static FormField wholeNumber(String key, String fr, String en, String defaultValue, String min, String max) {
		return field(key, FieldKind.WHOLE_NUMBER, fr, en, false, defaultValue, min, max);
	}

	private static FormField date(String key, String fr, String en, boolean required) {
		return field(key, FieldKind.DATE, fr, en, required, null, null, null);
	}

	/** A date not before {@code earliest}: {@code today}, or an earlier date field's answer as {@code {key}}. */
	private static FormField date(String key, String fr, String en, boolean required, String earliest) {
		return field(key, FieldKind.DATE, fr, en, required, null, earliest, null);
	}

	private static FormField yesNo(String key, String fr, String en) {
		return field(key, FieldKind.YES_NO, fr, en, true, "no", null, null);
	}

	private static FormField user(String key, String fr, String en, boolean required) {
		return field(key, FieldKind.USER, fr, en, required, null, null, null);
	}

	private static FormField attachment(String key, String fr, String en, boolean required) {
		return field(key, FieldKind.ATTACHMENT, fr, en, required, null, null, null);
	}

	private static FormField choice(String key, String fr, String en, boolean required, FieldOption... options) {
		return new FormField(key, FieldKind.CHOICE, fr, en, null, null, required, null, null, null, null, null, null,
				List.of(options), null);
	}

	private static FormField multiple(String key, String fr, String en, FieldOption... options) {
		return new FormField(key, FieldKind.MULTIPLE_CHOICE, fr, en, null, null, true, null, null, null, null, null,
				null, List.of(options), null);
	}

	private static FormField field(String key, FieldKind kind, String fr, String en, boolean required,
			@Nullable String defaultValue, @Nullable String min, @Nullable String max) {
		return new FormField(key, kind, fr, en, null, null, required, defaultValue, null, null, min, max, null, List.of(),
				null);
	}

	private static FormField shownWhen(FormField field, String key, String value) {
		return new FormField(field.key(), field.kind(), field.labelFr(), field.labelEn(), field.helpFr(), field.helpEn(),
				field.required(), field.defaultValue(), field.minLength(), field.maxLength(), field.min(), field.max(),
				field.pattern(), field.options(), new FieldCondition(key, value));
	}

}

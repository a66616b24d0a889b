package org.guichet.assist;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.guichet.announcements.AnnouncementDraft;
import org.guichet.announcements.AnnouncementKind;
import org.guichet.announcements.Announcements;
import org.guichet.catalogue.Catalogue;
import org.guichet.catalogue.CatalogueItem;
import org.guichet.catalogue.CatalogueRequests;
import org.guichet.catalogue.CatalogueSection;
import org.guichet.catalogue.FieldKind;
import org.guichet.catalogue.Filing;
import org.guichet.catalogue.FormDefinition;
import org.guichet.catalogue.FormField;
import org.guichet.catalogue.ItemDescription;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.system.InvalidInputException;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.testing.UniqueWords;
import org.guichet.tickets.Category;
import org.guichet.tickets.MajorIncidents;
import org.guichet.tickets.Channel;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.ResolvedTickets;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Transition;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Triage learnt from the desk's tickets: only resolved ones are read, a training keeps one model
 * per field in the database, and the suggestions give each field's value with its label and
 * confidence, abstaining above the threshold; on an open ticket, a suggestion is applied through the
 * tickets module and recorded in its history with the agent who accepted it. The database is shared with the other tests: their
 * resolved tickets are learnt too, so this desk's words are its own (a random word in each text).
 * Similar tickets and the likely duplicate, lexical half only (the embedding model is off here).
 */
@GuichetIntegrationTest
class TriageSuggestionsIT {

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private ResolvedTickets resolved;

	@Autowired
	private TriageTraining training;

	@Autowired
	private TriageSuggestions suggestions;

	@Autowired
	private AssistSettings settings;

	@Autowired
	private TriageModels models;

	@Autowired
	private TicketSuggestions ticketSuggestions;

	@Autowired
	private Catalogue catalogue;

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private CatalogueRequests requests;

	@Autowired
	private SimilarTickets similarTickets;

	@Autowired
	private MajorIncidents majorIncidents;

	@Autowired
	private Announcements announcements;

	@Test
	void learnsFromResolvedTicketsOnlySuggestsEachFieldAboveTheThresholdAndRecordsTheAgentWhoAppliedOne() throws Exception {
		String word = "zq" + UUID.randomUUID().toString().substring(0, 6);
		User technician = fixtures.user("triage-tech", Role.TECHNICIAN);
		User requester = fixtures.user("triage-requester", Role.REQUESTER);
		SupportGroup printers = fixtures.group(SupportLevel.N1, technician);
		SupportGroup accounts = fixtures.group(SupportLevel.N1, technician);
		Category printing = fixtures.category("Printing");
		Category access = fixtures.category("Access");
		CurrentUser agent = TestFixtures.current(technician);
		learn(word, printing, access, printers, accounts, requester, agent);
		// by e-mail: no field is a person's choice, each may be suggested
		Ticket open = tickets.registerByMail(new NewTicket(TicketType.INCIDENT, word + "printer toner jam, still open",
				"Not resolved", null, Channel.EMAIL, null, Urgency.LOW, null, List.of()), "helpdesk@example.org", null,
				TestFixtures.current(requester));

		assertThat(resolved.after(open.id().value() - 1, 1000)).extracting(ResolvedTickets.ResolvedTicket::id)
			.doesNotContain(open.id().value());
		TriageTraining.Outcome outcome = training.train();

		assertThat(outcome.trained()).containsKeys(TriageField.values());
		assertThat(outcome.tickets()).isGreaterThanOrEqualTo(20);
		assertThat(models.trained()).extracting(TriageModels.Trained::field).containsExactlyInAnyOrder(TriageField.values());
		double threshold = settings.threshold();
		try {
			settings.setThresholds(0.3, null);
			List<FieldSuggestion> printer = suggestions.suggest(word + "printer jammed again", "paper stuck in the "
					+ word + "printer", requester.getId(), Locale.ENGLISH);
			assertThat(printer).extracting(FieldSuggestion::field)
				.containsExactly(TriageField.CATEGORY, TriageField.TYPE, TriageField.URGENCY, TriageField.GROUP);
			assertThat(printer.get(0).value()).isEqualTo(printing.getId().toString());
			assertThat(printer.get(0).label()).isEqualTo(printing.getName());
			assertThat(printer.get(1)).extracting(FieldSuggestion::value, FieldSuggestion::label)
				.containsExactly("INCIDENT", "Incident");
			assertThat(printer.get(2).value()).isEqualTo("HIGH");
			assertThat(printer.get(3)).extracting(FieldSuggestion::value, FieldSuggestion::label)
				.containsExactly(printers.getId().toString(), printers.getName());
			assertThat(printer).allSatisfy(s -> assertThat(s.confidence()).isBetween(0.3, 1.0));
			assertThat(suggestions.suggest("", word + "account password to reset", null, Locale.FRENCH))
				.filteredOn(s -> s.field() == TriageField.GROUP)
				.extracting(FieldSuggestion::value)
				.containsExactly(accounts.getId().toString());

			List<TicketSuggestions.Suggestion> onTicket = ticketSuggestions.forTicket(open.id(), agent, Locale.ENGLISH);
			assertThat(onTicket).filteredOn(t -> t.suggestion().field() == TriageField.CATEGORY)
				.singleElement()
				.satisfies(t -> assertThat(t.alreadySet()).isFalse());
			assertThat(onTicket).filteredOn(t -> t.suggestion().field() == TriageField.TYPE)
				.singleElement()
				.satisfies(t -> assertThat(t.alreadySet()).isTrue());
			assertThatThrownBy(() -> ticketSuggestions.accept(open.id(), TriageField.CATEGORY, access.getId().toString(),
					agent, Locale.ENGLISH)).isInstanceOf(InvalidInputException.class);
			ticketSuggestions.accept(open.id(), TriageField.CATEGORY, printing.getId().toString(), agent, Locale.ENGLISH);

			assertThat(tickets.get(open.id(), agent).getCategory().getId()).isEqualTo(printing.getId());
			assertThat(tickets.history(open.id(), agent)).filteredOn(h -> h.getField().equals(TicketSuggestions.HISTORY_FIELD))
				.singleElement()
				.satisfies(h -> {
					assertThat(h.getActor().getId()).isEqualTo(technician.getId());
					assertThat(h.getNewValue()).startsWith("Category: " + printing.getName() + " (confidence ");
				});
			assertThat(ticketSuggestions.forTicket(open.id(), agent, Locale.ENGLISH))
				.as("a category the agent set is theirs")
				.extracting(t -> t.suggestion().field())
				.doesNotContain(TriageField.CATEGORY);
			assertThatThrownBy(() -> ticketSuggestions.accept(open.id(), TriageField.CATEGORY,
					printing.getId().toString(), agent, Locale.ENGLISH))
				.as("applied again from a stale tab")
				.isInstanceOf(InvalidInputException.class);
			assertThat(tickets.history(open.id(), agent)).filteredOn(h -> h.getField().equals(TicketSuggestions.HISTORY_FIELD))
				.hasSize(1);

			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
			assertThat(mvc.perform(get("/portal/assist/category").param("title", word + "printer jammed again")
				.param("description", "").with(user(TestFixtures.current(requester))))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
				.as("the portal's form is offered the category")
				.contains("data-category-id=\"" + printing.getId() + "\"", printing.getName());

			settings.setThresholds(1, null);
			assertThat(suggestions.suggest(word + "printer jammed again", "", null, Locale.ENGLISH)).isEmpty();
			assertThat(mvc.perform(get("/portal/assist/category").param("title", word + "printer jammed again")
				.with(user(TestFixtures.current(requester)))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString()).doesNotContain("data-category-id");
		}
		finally {
			settings.setThresholds(threshold, null);
		}
	}

	@Test
	void suggestsNoFieldThatAPersonOrTheCatalogueItemDecided() {
		String word = "zk" + UUID.randomUUID().toString().substring(0, 6);
		User technician = fixtures.user("settled-tech", Role.TECHNICIAN);
		User requester = fixtures.user("settled-requester", Role.REQUESTER);
		CurrentUser admin = TestFixtures.current(fixtures.user("settled-admin", Role.ADMINISTRATOR));
		SupportGroup printers = fixtures.group(SupportLevel.N1, technician);
		SupportGroup accounts = fixtures.group(SupportLevel.N1, technician);
		Category printing = fixtures.category("Printing");
		Category access = fixtures.category("Access");
		CurrentUser agent = TestFixtures.current(technician);
		learn(word, printing, access, printers, accounts, requester, agent);
		training.train();
		CatalogueSection section = catalogue.addSection("Impression " + word, "Printing " + word, admin);
		CatalogueItem item = catalogue.addItem(section.getId(), new ItemDescription("Toner " + word, "Toner " + word,
				null, null, "printer", TicketType.SERVICE_REQUEST, printing.getId(), printers.getId(), "Toner", List.of()),
				List.of(), List.of(), admin);
		catalogue.saveForm(item.getId(), new FormDefinition(List.of(new FormField("colour", FieldKind.SHORT_TEXT,
				"Couleur", "Colour", null, null, false, null, null, null, null, null, null, List.of(), null))), admin);
		double threshold = settings.threshold();
		try {
			settings.setThresholds(0, null);
			String title = word + "printer toner jam";
			Ticket byMail = tickets.registerByMail(new NewTicket(TicketType.SERVICE_REQUEST, title, "paper stuck", null,
					Channel.EMAIL, null, Urgency.LOW, null, List.of()), "helpdesk@example.org", null,
					TestFixtures.current(requester));
			Ticket byAgent = tickets.register(new NewTicket(TicketType.SERVICE_REQUEST, title, "paper stuck",
					requester.getId(), Channel.PHONE, access.getId(), Urgency.LOW, null, List.of()), agent);
			Ticket onPortal = tickets.register(new NewTicket(TicketType.SERVICE_REQUEST, title, "paper stuck", null,
					Channel.PORTAL, null, Urgency.LOW, null, List.of()), TestFixtures.current(requester));
			Ticket fromCatalogue = requests.file(item.getId(), new Filing(Map.of(), null, Channel.PORTAL, List.of()),
					TestFixtures.current(requester), Locale.ENGLISH).ticket();

			assertThat(fields(byMail, agent)).containsExactly(TriageField.CATEGORY, TriageField.TYPE, TriageField.URGENCY,
					TriageField.GROUP);
			assertThat(fields(byAgent, agent)).as("the agent chose type, category and urgency")
				.containsExactly(TriageField.GROUP);
			assertThat(fields(onPortal, agent)).as("the requester chose type and urgency, and no category")
				.containsExactly(TriageField.CATEGORY, TriageField.GROUP);
			assertThat(fields(fromCatalogue, agent)).as("the item gave type, category and group; nobody the urgency")
				.containsExactly(TriageField.URGENCY);
			assertThatThrownBy(() -> ticketSuggestions.accept(fromCatalogue.id(), TriageField.TYPE, "INCIDENT", agent,
					Locale.ENGLISH)).isInstanceOf(InvalidInputException.class);

			tickets.assign(byMail.id(), accounts.getId(), null, null, agent);
			assertThat(fields(byMail, agent)).as("the agent chose the group").doesNotContain(TriageField.GROUP);
		}
		finally {
			settings.setThresholds(threshold, null);
		}
	}

	@Test
	void autoTriageAppliesConfidentSuggestionsAtRegistrationAsGuichetAndLeavesPeoplesChoicesAndGivenGroups() {
		String word = "zv" + UUID.randomUUID().toString().substring(0, 6);
		User technician = fixtures.user("auto-tech", Role.TECHNICIAN);
		User requester = fixtures.user("auto-requester", Role.REQUESTER);
		SupportGroup printers = fixtures.group(SupportLevel.N1, technician);
		SupportGroup accounts = fixtures.group(SupportLevel.N1, technician);
		Category printing = fixtures.category("Printing");
		Category access = fixtures.category("Access");
		CurrentUser agent = TestFixtures.current(technician);
		learn(word, printing, access, printers, accounts, requester, agent);
		training.train();
		String title = word + "printer toner jam";
		double threshold = settings.threshold();
		try {
			settings.setThresholds(0.3, null);
			Ticket whileOff = tickets.registerByMail(new NewTicket(TicketType.SERVICE_REQUEST, title, "paper stuck", null,
					Channel.EMAIL, null, Urgency.LOW, null, List.of()), "helpdesk@example.org", null,
					TestFixtures.current(requester));
			assertThat(tickets.get(whileOff.id(), agent).getCategory()).as("auto-triage is off by default").isNull();
			assertThatThrownBy(() -> settings.setThresholds(0.5, 0.4)).as("applied below what is shown")
				.isInstanceOfSatisfying(InvalidInputException.class,
						refused -> assertThat(refused.field()).isEqualTo("autoApplyThreshold"));

			settings.setThresholds(0.3, 0.3);
			Ticket byMail = tickets.registerByMail(new NewTicket(TicketType.SERVICE_REQUEST, title, "paper stuck", null,
					Channel.EMAIL, null, Urgency.LOW, null, List.of()), "helpdesk@example.org", null,
					TestFixtures.current(requester));
			Ticket triaged = tickets.get(byMail.id(), agent);
			assertThat(triaged.getCategory().getId()).isEqualTo(printing.getId());
			assertThat(triaged.getType()).isEqualTo(TicketType.INCIDENT);
			assertThat(triaged.getUrgency()).isEqualTo(Urgency.HIGH);
			assertThat(triaged.getGroup().getId()).isEqualTo(printers.getId());
			assertThat(tickets.history(byMail.id(), agent)).filteredOn(h -> h.getField().equals(TicketSuggestions.HISTORY_FIELD))
				.singleElement()
				.satisfies(h -> {
					assertThat(h.getActor()).as("Guichet itself").isNull();
					assertThat(h.getNewValue()).startsWith("Appliqué automatiquement (confiance d’au moins 30 %)")
						.contains(printing.getName(), printers.getName());
				});
			assertThat(tickets.history(byMail.id(), agent)).filteredOn(h -> h.getField().equals("category"))
				.singleElement()
				.satisfies(h -> assertThat(h.getActor()).isNull());

			Ticket toAccounts = tickets.registerByMail(new NewTicket(TicketType.SERVICE_REQUEST, title, "paper stuck",
					null, Channel.EMAIL, null, Urgency.LOW, null, List.of()), "helpdesk@example.org", accounts.getId(),
					TestFixtures.current(requester));
			assertThat(tickets.get(toAccounts.id(), agent).getGroup().getId())
				.as("a group given at registration (the mailbox's, a routing rule's) stays").isEqualTo(accounts.getId());
			Ticket onPortal = tickets.register(new NewTicket(TicketType.SERVICE_REQUEST, title, "paper stuck", null,
					Channel.PORTAL, access.getId(), Urgency.LOW, null, List.of()), TestFixtures.current(requester));
			Ticket chosen = tickets.get(onPortal.id(), agent);
			assertThat(chosen.getCategory().getId()).as("the requester's category").isEqualTo(access.getId());
			assertThat(chosen.getType()).isEqualTo(TicketType.SERVICE_REQUEST);
			assertThat(chosen.getUrgency()).isEqualTo(Urgency.LOW);
		}
		finally {
			settings.setThresholds(threshold, null);
		}
	}

	@Test
	void theAdministratorSetsAutoTriageAndARefusedThresholdIsSaidUnderItsFieldWithWhatWasTyped() throws Exception {
		CurrentUser admin = TestFixtures.current(fixtures.user("auto-admin", Role.ADMINISTRATOR));
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		double threshold = settings.threshold();
		try {
			String version = String.valueOf(settings.version());
			String refused = mvc.perform(post("/admin/assist/threshold").with(user(admin)).with(csrf())
				.header("Accept-Language", "en").param("threshold", "40").param("autoApplyThreshold", "30")
				.param("version", version)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(refused).contains("id=\"autoApplyThreshold-error\"", "value=\"30\"", "value=\"40\"",
					"name=\"version\" value=\"" + version + "\"");
			assertThat(settings.autoApplyThreshold()).isNull();

			mvc.perform(post("/admin/assist/threshold").with(user(admin)).with(csrf()).param("threshold", "40")
				.param("autoApplyThreshold", "90").param("version", version)).andExpect(status().is3xxRedirection());
			assertThat(settings.threshold()).isEqualTo(0.4);
			assertThat(settings.autoApplyThreshold()).isEqualTo(0.9);
			assertThat(mvc.perform(get("/admin/assist").with(user(admin))).andReturn().getResponse().getContentAsString())
				.contains("value=\"90\"");

			String stale = mvc.perform(post("/admin/assist/threshold").with(user(admin)).with(csrf())
				.header("Accept-Language", "en").param("threshold", "45").param("autoApplyThreshold", "95")
				.param("version", version)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(stale).as("a second administrator's form, opened before the save")
				.contains("id=\"stale-save\"", "Someone else changed this", "value=\"45\"", "value=\"95\"",
						"name=\"version\" value=\"" + settings.version() + "\"");
			assertThat(settings.autoApplyThreshold()).isEqualTo(0.9);

			mvc.perform(post("/admin/assist/threshold").with(user(admin)).with(csrf()).param("threshold", "40")
				.param("autoApplyThreshold", "").param("version", String.valueOf(settings.version())))
				.andExpect(status().is3xxRedirection());
			assertThat(settings.autoApplyThreshold()).as("empty: off").isNull();
		}
		finally {
			settings.setThresholds(threshold, null);
		}
	}

	private List<TriageField> fields(Ticket ticket, CurrentUser agent) {
		return ticketSuggestions.forTicket(ticket.id(), agent, Locale.ENGLISH)
			.stream()
			.map(t -> t.suggestion().field())
			.toList();
	}

	@Test
	void similarTicketsAreTheAgentsVisibleOnesResolvedFirstAndAnOpenNearTwinIsALikelyDuplicateUntilLinked() throws Exception {
		String word = "zq" + UUID.randomUUID().toString().substring(0, 6);
		// three words no other test writes: the shared database holds other tests' open "VPN disconnects
		// every morning", which two such words would leave near-identical (3 of 5 words, 0.6)
		String words = word + " " + UniqueWords.word("") + " " + UniqueWords.word("");
		User technician = fixtures.user("similar-tech", Role.TECHNICIAN);
		User other = fixtures.user("similar-other-tech", Role.TECHNICIAN);
		User alice = fixtures.user("similar-alice", Role.REQUESTER);
		User bob = fixtures.user("similar-bob", Role.REQUESTER);
		SupportGroup network = fixtures.group(SupportLevel.N1, technician);
		SupportGroup elsewhere = fixtures.group(SupportLevel.N1, other);
		CurrentUser agent = TestFixtures.current(technician);
		CurrentUser otherAgent = TestFixtures.current(other);
		Ticket solved = registered("VPN " + words + " disconnects every morning", "The tunnel drops at 9", alice, agent);
		tickets.assign(solved.id(), network.getId(), technician.getId(), null, agent);
		tickets.transition(solved.id(), new Transition(TicketAction.RESOLVE, null, null, "Renew the VPN certificate",
				SolutionKind.PERMANENT), null, agent);
		Ticket open = registered("VPN " + words + " disconnects every morning again", "Still dropping", alice, agent);
		tickets.assign(open.id(), network.getId(), technician.getId(), null, agent);
		Ticket hidden = registered("VPN " + words + " disconnects every morning here too", "Same", bob, otherAgent);
		tickets.assign(hidden.id(), elsewhere.getId(), other.getId(), null, otherAgent);
		Ticket unrelated = registered("Printer " + word + " out of toner", "Floor 2", bob, agent);
		Ticket fresh = registered("VPN " + words + " disconnects every morning", "Since Monday", bob, agent);

		SimilarTickets.Similar found = similarTickets.forTicket(fresh.id(), agent, Locale.ENGLISH);

		assertThat(found.tickets()).extracting(Ticket::id)
			.as("visible to the agent, resolved first, never itself nor another group's ticket")
			.startsWith(solved.id(), open.id())
			.doesNotContain(fresh.id(), hidden.id(), unrelated.id());
		assertThat(found.likelyDuplicateOf()).extracting(Ticket::id).isEqualTo(open.id());
		assertThat(similarTickets.forTicket(open.id(), agent, Locale.ENGLISH).likelyDuplicateOf())
			.as("the earlier ticket is not the duplicate of the later").isNull();
		assertThat(similarTickets.forTicket(fresh.id(), otherAgent, Locale.ENGLISH).tickets()).extracting(Ticket::id)
			.as("the other group's technician sees their own ticket, not the first group's")
			.contains(hidden.id())
			.doesNotContain(solved.id(), open.id());

		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		String panel = mvc.perform(get("/agent/tickets/" + fresh.id().value() + "/similar").with(user(agent)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(panel).contains("id=\"likely-duplicate\"", open.getNumber(), "Renew the VPN certificate",
				"action=\"/agent/tickets/" + fresh.id().value() + "/merge\"")
			.doesNotContain(hidden.getNumber() + " ");
		mvc.perform(get("/agent/tickets/" + fresh.id().value() + "/similar").with(user(TestFixtures.current(bob))))
			.andExpect(status().isForbidden());

		mvc.perform(post("/agent/tickets/" + fresh.id().value() + "/links").param("relation", "DUPLICATE_OF")
			.param("ticket", String.valueOf(open.id().value())).with(user(agent)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(similarTickets.forTicket(fresh.id(), agent, Locale.ENGLISH).likelyDuplicateOf())
			.as("once linked, no longer flagged").isNull();
	}

	@Test
	void onThePortalATitleTypedShowsThePersonsOwnNearOpenRequestNeverAnothersAndTheAnnouncedMajorIncident()
			throws Exception {
		String word = "zq" + UUID.randomUUID().toString().substring(0, 6);
		User technician = fixtures.user("draft-tech", Role.TECHNICIAN);
		User manager = fixtures.user("draft-manager", Role.SUPERVISOR);
		User alice = fixtures.user("draft-alice", Role.REQUESTER);
		User bob = fixtures.user("draft-bob", Role.REQUESTER);
		CurrentUser agent = TestFixtures.current(technician);
		CurrentUser supervisor = TestFixtures.current(manager);
		Ticket alices = registered("Laptop " + word + " battery swollen", "It bulges", alice, agent);
		Ticket bobs = registered("Laptop " + word + " battery swollen", "Mine too", bob, agent);
		Ticket incident = registered("Mail " + word + " relay down for everyone", "Queue stuck", alice, agent);
		majorIncidents.flag(incident.id(), null, null, supervisor);
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();

		String forAlice = mvc.perform(get("/portal/assist/duplicates").param("title", "laptop " + word + " battery swollen")
			.with(user(TestFixtures.current(alice)))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(forAlice).contains("id=\"draft-own-" + alices.id().value() + "\"")
			.doesNotContain("draft-own-" + bobs.id().value());

		long announcement = announcements.create(new AnnouncementDraft(AnnouncementKind.MAJOR_INCIDENT,
				"Messagerie " + word + " indisponible", "Mail " + word + " unavailable", null, null,
				Instant.now().minusSeconds(60), null, incident.id().value()), supervisor).getId();
		try {
			String forBob = mvc.perform(get("/portal/assist/duplicates").param("title", "Mail " + word + " relay down")
				.with(user(TestFixtures.current(bob)))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();

			assertThat(forBob).contains("id=\"draft-incident-" + announcement + "\"", "Mail " + word + " unavailable")
				.as("the incident's own title is not the requester's to read").doesNotContain("for everyone");
			assertThat(mvc.perform(get("/portal/assist/duplicates").param("title", "Printer " + word + " jammed")
				.with(user(TestFixtures.current(bob)))).andReturn().getResponse().getContentAsString())
				.doesNotContain("draft-duplicates");
		}
		finally {
			announcements.end(announcement, supervisor);
		}
	}

	private Ticket registered(String title, String description, User requester, CurrentUser by) {
		return tickets.register(new NewTicket(TicketType.INCIDENT, title, description, requester.getId(), Channel.PORTAL,
				null, Urgency.MEDIUM, null, List.of()), by);
	}

	/** Twenty resolved tickets, ten about printers and ten about accounts, each field set. */
	private void learn(String word, Category printing, Category access, SupportGroup printers, SupportGroup accounts,
			User requester, CurrentUser agent) {
		for (int i = 0; i < 10; i++) {
			resolvedTicket(word + "printer toner jam on floor " + i, "The " + word + "printer jams, paper stuck",
					TicketType.INCIDENT, printing, Urgency.HIGH, printers, requester, agent);
			resolvedTicket(word + "account password expired " + i, "Please reset my " + word + "account password",
					TicketType.SERVICE_REQUEST, access, Urgency.LOW, accounts, requester, agent);
		}
	}

	private void resolvedTicket(String title, String description, TicketType type, Category category, Urgency urgency,
			SupportGroup group, User requester, CurrentUser agent) {
		Ticket ticket = tickets.register(new NewTicket(type, title, description, requester.getId(), Channel.PORTAL,
				category.getId(), urgency, null, List.of()), agent);
		tickets.assign(ticket.id(), group.getId(), agent.id(), null, agent);
		tickets.transition(ticket.id(), new Transition(TicketAction.RESOLVE, null, null, "Done", SolutionKind.PERMANENT),
				null, agent);
	}


}

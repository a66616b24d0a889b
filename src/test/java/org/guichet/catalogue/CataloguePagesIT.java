package org.guichet.catalogue;

import java.util.List;
import java.util.Map;

import org.guichet.approvals.Quorum;
import org.guichet.approvals.StepKind;
import org.guichet.approvals.StepPlan;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Ticket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The catalogue's pages: an administrator builds an item and its form with a conditional field in
 * the editor (nothing saved until the form is), a change after a request makes the next version;
 * a requester's refused form comes back with its errors beside the fields and what was typed; the
 * answers block shows on the ticket pages to those who see the ticket only; an item's approval
 * steps are edited and saved, each refusal beside its input, and a field a step is skipped on
 * cannot be removed.
 */
@GuichetIntegrationTest
@DatabaseNeutral
class CataloguePagesIT {

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private Catalogue catalogue;

	@Autowired
	private CatalogueRequests requests;

	@Autowired
	private CatalogueRequestRepository filedRequests;

	@Autowired
	private org.guichet.directory.UserRepository users;

	@Autowired
	private org.guichet.tickets.TicketManagement tickets;

	private MockMvc mvc;

	private User administrator;

	private User requester;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		administrator = fixtures.user("cat-pages-admin", Role.ADMINISTRATOR);
		requester = fixtures.user("cat-pages-requester", Role.REQUESTER);
	}

	@Test
	void anAdministratorBuildsAFormWithAConditionalFieldAndAChangeAfterARequestMakesTheNextVersion() throws Exception {
		MockHttpSession admin = login(administrator);
		String sectionLabel = "Section " + System.nanoTime();
		mvc.perform(post("/admin/catalogue/sections").session(admin).with(csrf()).param("labelFr", sectionLabel)
			.param("labelEn", sectionLabel)).andExpect(status().is3xxRedirection());
		CatalogueSection section = catalogue.sections().stream().filter(s -> s.getLabelEn().equals(sectionLabel))
			.findFirst().orElseThrow();
		MvcResult created = mvc.perform(post("/admin/catalogue/items/new").session(admin).with(csrf())
			.param("sectionId", String.valueOf(section.getId())).param("labelFr", "Accès VPN").param("labelEn", "VPN access")
			.param("icon", "shield-lock").param("ticketType", "SERVICE_REQUEST").param("titleTemplate", "VPN {token}")
			.param("tasks", "Create the account\n\nSend the guide"))
			.andExpect(status().is3xxRedirection()).andReturn();
		String itemPage = created.getResponse().getRedirectedUrl();
		long itemId = Long.parseLong(itemPage.substring(itemPage.lastIndexOf('/') + 1));
		assertThat(catalogue.item(itemId, TestFixtures.current(administrator)).getTasks())
			.containsExactly("Create the account", "Send the guide");

		String added = mvc.perform(post(itemPage + "/form").session(admin).with(csrf()).param("op", "add")
			.param("fields[0].key", "token").param("fields[0].kind", "YES_NO").param("fields[0].labelFr", "Jeton")
			.param("fields[0].labelEn", "Token"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(added).as("the typed field is kept and a new one added, unsaved").contains("value=\"token\"",
				"id=\"editor-field-1\"");
		assertThat(catalogue.currentForm(itemId).form().fields()).isEmpty();

		String refused = mvc.perform(post(itemPage + "/form").session(admin).with(csrf()).param("op", "save")
			.param("fields[0].key", "token").param("fields[0].kind", "YES_NO").param("fields[0].labelFr", "Jeton")
			.param("fields[0].labelEn", "Token")
			.param("fields[1].key", "serial").param("fields[1].kind", "SHORT_TEXT").param("fields[1].labelFr", "N°")
			.param("fields[1].labelEn", "Serial").param("fields[1].shownWhenField", "token")
			.param("fields[1].shownWhenValue", "maybe"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"editor-field-1-errors\"", "The field token cannot have the answer maybe");

		mvc.perform(post(itemPage + "/form").session(admin).with(csrf()).param("op", "save")
			.param("fields[0].key", "token").param("fields[0].kind", "YES_NO").param("fields[0].labelFr", "Jeton")
			.param("fields[0].labelEn", "Token").param("fields[0].required", "true")
			.param("fields[1].key", "serial").param("fields[1].kind", "SHORT_TEXT").param("fields[1].labelFr", "N°")
			.param("fields[1].labelEn", "Serial").param("fields[1].required", "true")
			.param("fields[1].shownWhenField", "token").param("fields[1].shownWhenValue", "yes"))
			.andExpect(status().is3xxRedirection());
		FormVersion first = catalogue.currentForm(itemId);
		assertThat(first.getNumber()).isEqualTo(1);
		assertThat(first.form().fields().get(1).shownWhen()).isEqualTo(new FieldCondition("token", "yes"));

		Ticket filed = requests.file(itemId, new Filing(Map.of("token", List.of("yes"), "serial", List.of("AB-1")), null,
				Channel.PORTAL, List.of()), TestFixtures.current(requester), java.util.Locale.ENGLISH).ticket();
		mvc.perform(post(itemPage + "/form").session(admin).with(csrf()).param("op", "remove-1")
			.param("fields[0].key", "token").param("fields[0].kind", "YES_NO").param("fields[0].labelFr", "Jeton")
			.param("fields[0].labelEn", "Token")
			.param("fields[1].key", "serial").param("fields[1].kind", "SHORT_TEXT").param("fields[1].labelFr", "N°")
			.param("fields[1].labelEn", "Serial"))
			.andExpect(status().isOk());
		mvc.perform(post(itemPage + "/form").session(admin).with(csrf()).param("op", "save")
			.param("fields[0].key", "token").param("fields[0].kind", "YES_NO").param("fields[0].labelFr", "Jeton")
			.param("fields[0].labelEn", "Token"))
			.andExpect(status().is3xxRedirection());
		assertThat(catalogue.versions(itemId)).extracting(FormVersion::getNumber).containsExactly(1, 2);

		MockHttpSession reader = login(requester);
		String block = mvc.perform(get("/portal/tickets/" + filed.id().value() + "/form-answers").session(reader))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(block).contains("Request form: VPN access", "form version 1", "Serial", "AB-1");
		mvc.perform(get("/agent/tickets/" + filed.id().value() + "/form-answers").session(login(administrator)))
			.andExpect(status().isOk());
		mvc.perform(get("/portal/tickets/" + filed.id().value() + "/form-answers")
			.session(login(fixtures.user("cat-pages-other", Role.REQUESTER)))).andExpect(status().isNotFound());
	}

	@Test
	void aRefusedFormComesBackWithEachErrorBesideItsFieldAndEverythingTyped() throws Exception {
		CurrentUser admin = TestFixtures.current(administrator);
		CatalogueSection section = catalogue.addSection("Logiciels", "Software", admin);
		CatalogueItem item = catalogue.addItem(section.getId(), new ItemDescription("Logiciel", "Software", null, null,
				"box-seam", org.guichet.tickets.TicketType.SERVICE_REQUEST, null, null, "Install {name}", List.of()),
				List.of(), List.of(), admin);
		catalogue.saveForm(item.getId(), new FormDefinition(List.of(
				new FormField("name", FieldKind.SHORT_TEXT, "Logiciel", "Software", null, null, true, null, null, null,
						null, null, null, List.of(), null),
				new FormField("licence", FieldKind.YES_NO, "Licence", "Paid licence", null, null, true, null, null, null,
						null, null, null, List.of(), null),
				new FormField("seats", FieldKind.NUMBER, "Postes", "Seats", null, null, true, null, null, null, "1", "50",
						null, List.of(), new FieldCondition("licence", "yes")))), admin);
		MockHttpSession reader = login(requester);
		String page = "/portal/catalogue/items/" + item.getId();
		for (String words : List.of("logiciel", "logiciels", "LOGICIELS à", "logi")) {
			assertThat(mvc.perform(get("/portal/catalogue").param("q", words).session(reader)).andReturn().getResponse()
				.getContentAsString()).as(words).contains("id=\"catalogue-item-" + item.getId() + "\"");
		}
		assertThat(mvc.perform(get("/portal/catalogue").param("q", "logiciel imprimante").session(reader)).andReturn()
			.getResponse().getContentAsString()).doesNotContain("id=\"catalogue-item-" + item.getId() + "\"");

		String refused = mvc.perform(multipart(page).session(reader).with(csrf()).param("answers.name", "Inkscape <b>")
			.param("answers.licence", "yes").param("answers.seats", "80"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"answer-seats-error\"", "Enter 50 or less.", "value=\"Inkscape &lt;b&gt;\"",
				"value=\"80\"");
		assertThat(refused).doesNotContain("id=\"answer-seats-wrapper\" hidden");

		MvcResult filed = mvc.perform(multipart(page).session(reader).with(csrf()).param("answers.name", "Inkscape")
			.param("answers.licence", "no").param("answers.seats", "80"))
			.andExpect(status().is3xxRedirection()).andReturn();
		assertThat(filed.getResponse().getRedirectedUrl()).startsWith("/portal/tickets/");
	}

	@Test
	void aFileOverTheSizeLimitIsRefusedWithTheMessageBesideItsAttachmentField() throws Exception {
		CurrentUser admin = TestFixtures.current(administrator);
		CatalogueSection section = catalogue.addSection("Pièces", "Files", admin);
		CatalogueItem item = catalogue.addItem(section.getId(), new ItemDescription("Capture", "Screenshot", null, null,
				"box-seam", org.guichet.tickets.TicketType.SERVICE_REQUEST, null, null, "Screenshot", List.of()),
				List.of(), List.of(), admin);
		catalogue.saveForm(item.getId(), new FormDefinition(List.of(
				new FormField("shot", FieldKind.ATTACHMENT, "Capture", "Screenshot", null, null, false, null, null, null,
						null, null, null, List.of(), null))), admin);
		MockMultipartFile tooLarge = new MockMultipartFile("answers.shot", "big.png", "image/png",
				new byte[10 * 1024 * 1024 + 1]);

		String refused = mvc.perform(multipart("/portal/catalogue/items/" + item.getId()).file(tooLarge)
			.session(login(requester)).with(csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(refused).contains("id=\"answer-shot-error\"", "The file is larger than 10 MB");
	}

	@Test
	void aFileSentWithAnotherAnswerRefusedIsNamedBesideItsFieldToBeChosenAgain() throws Exception {
		CurrentUser admin = TestFixtures.current(administrator);
		CatalogueSection section = catalogue.addSection("Écrans", "Screens", admin);
		CatalogueItem item = catalogue.addItem(section.getId(), new ItemDescription("Écran", "Screen", null, null,
				"display", org.guichet.tickets.TicketType.SERVICE_REQUEST, null, null, "Screen", List.of()),
				List.of(), List.of(), admin);
		catalogue.saveForm(item.getId(), new FormDefinition(List.of(
				new FormField("office", FieldKind.SHORT_TEXT, "Bureau", "Office", null, null, true, null, null, null,
						null, null, null, List.of(), null),
				new FormField("quote", FieldKind.ATTACHMENT, "Devis", "Quote", null, null, false, null, null, null,
						null, null, null, List.of(), null))), admin);

		String refused = mvc.perform(multipart("/portal/catalogue/items/" + item.getId())
			.file(new MockMultipartFile("answers.quote", "quote.pdf", "application/pdf", new byte[] { 1, 2, 3 }))
			.session(login(requester)).with(csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(refused).contains("id=\"answer-office-error\"", "id=\"answer-quote-again\"",
				"You chose quote.pdf: choose it again");
		assertThat(refused).containsPattern("id=\"answer-quote\"[^>]*aria-describedby=\"answer-quote-again\"");
	}

	@Test
	void answersToFieldsTheFormNoLongerHasComeBackShownAndNothingIsFiled() throws Exception {
		CurrentUser admin = TestFixtures.current(administrator);
		CatalogueSection section = catalogue.addSection("Badges", "Badges", admin);
		CatalogueItem item = catalogue.addItem(section.getId(), new ItemDescription("Badge", "Badge", null, null,
				"person-badge", org.guichet.tickets.TicketType.SERVICE_REQUEST, null, null, "Badge", List.of()),
				List.of(), List.of(), admin);
		FormField floor = new FormField("floor", FieldKind.SHORT_TEXT, "Étage", "Floor", null, null, false, null, null,
				null, null, null, null, List.of(), null);
		catalogue.saveForm(item.getId(), new FormDefinition(List.of(floor,
				new FormField("reason", FieldKind.LONG_TEXT, "Motif", "Reason", null, null, false, null, null, null,
						null, null, null, List.of(), null))), admin);
		requests.file(item.getId(), new Filing(Map.of("floor", List.of("1")), null, Channel.PORTAL, List.of()),
				TestFixtures.current(requester), java.util.Locale.ENGLISH);
		catalogue.saveForm(item.getId(), new FormDefinition(List.of(floor)), admin);

		String page = mvc.perform(multipart("/portal/catalogue/items/" + item.getId()).param("answers.floor", "3")
			.param("answers.reason", "Lost mine on the train\nsecond line").session(login(requester)).with(csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(page).contains("id=\"form-changed\"", "no longer asks", "<dt>Reason</dt>",
				"Lost mine on the train\nsecond line", "value=\"3\"");
		assertThat(filedRequests.countByItemId(item.getId())).as("nothing more filed").isEqualTo(1);
	}

	@Test
	void aFormSavedByAnotherAdministratorSinceItWasOpenedIsNotOverwrittenAndWhatWasTypedStays() throws Exception {
		CurrentUser admin = TestFixtures.current(administrator);
		CatalogueSection section = catalogue.addSection("Accès", "Access", admin);
		CatalogueItem item = catalogue.addItem(section.getId(), new ItemDescription("Dossier", "Share", null, null,
				"folder", org.guichet.tickets.TicketType.SERVICE_REQUEST, null, null, "Share", List.of()),
				List.of(), List.of(), admin);
		catalogue.saveForm(item.getId(), new FormDefinition(List.of(new FormField("path", FieldKind.SHORT_TEXT,
				"Chemin", "Path", null, null, false, null, null, null, null, null, null, List.of(), null))), admin);
		String opened = catalogue.currentForm(item.getId()).stamp();
		String editor = "/admin/catalogue/items/" + item.getId() + "/form";
		MockHttpSession first = login(administrator);
		MockHttpSession second = login(fixtures.user("cat-pages-admin-2", Role.ADMINISTRATOR));

		mvc.perform(post(editor).session(first).with(csrf()).param("op", "save").param("openedAs", opened)
			.param("fields[0].key", "path").param("fields[0].kind", "SHORT_TEXT").param("fields[0].labelFr", "Chemin")
			.param("fields[0].labelEn", "Folder path")).andExpect(status().is3xxRedirection());
		String refused = mvc.perform(post(editor).session(second).with(csrf()).param("op", "save")
			.param("openedAs", opened).param("fields[0].key", "path").param("fields[0].kind", "SHORT_TEXT")
			.param("fields[0].labelFr", "Chemin").param("fields[0].labelEn", "Network path"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(refused).contains("id=\"form-conflict\"", "Another administrator saved this form",
				"value=\"Network path\"");
		assertThat(catalogue.currentForm(item.getId()).form().fields().get(0).labelEn()).isEqualTo("Folder path");
		String stampShown = refused.replaceAll("(?s).*name=\"openedAs\" value=\"([^\"]*)\".*", "$1");
		assertThat(stampShown).isEqualTo(catalogue.currentForm(item.getId()).stamp()).isNotEqualTo(opened);

		mvc.perform(post(editor).session(second).with(csrf()).param("op", "save").param("openedAs", stampShown)
			.param("fields[0].key", "path").param("fields[0].kind", "SHORT_TEXT").param("fields[0].labelFr", "Chemin")
			.param("fields[0].labelEn", "Network path")).andExpect(status().is3xxRedirection());
		assertThat(catalogue.currentForm(item.getId()).form().fields().get(0).labelEn()).isEqualTo("Network path");
	}

	@Test
	void anItemSavedByAnotherAdministratorSinceItWasOpenedIsNotOverwrittenAndWhatWasTypedStays() throws Exception {
		CurrentUser admin = TestFixtures.current(administrator);
		CatalogueSection section = catalogue.addSection("Téléphonie", "Phones", admin);
		CatalogueItem item = catalogue.addItem(section.getId(), new ItemDescription("Téléphone", "Phone", null, null,
				"phone", org.guichet.tickets.TicketType.SERVICE_REQUEST, null, null, "Phone", List.of()),
				List.of(), List.of(), admin);
		long opened = catalogue.item(item.getId(), admin).getVersion();
		String page = "/admin/catalogue/items/" + item.getId();

		mvc.perform(post(page).session(login(administrator)).with(csrf()).param("version", String.valueOf(opened))
			.param("sectionId", String.valueOf(section.getId())).param("labelFr", "Téléphone").param("labelEn", "Desk phone")
			.param("icon", "phone").param("ticketType", "SERVICE_REQUEST").param("titleTemplate", "Phone")
			.param("active", "true")).andExpect(status().is3xxRedirection());
		String refused = mvc.perform(post(page).session(login(fixtures.user("cat-pages-admin-3", Role.ADMINISTRATOR)))
			.with(csrf()).param("version", String.valueOf(opened)).param("sectionId", String.valueOf(section.getId()))
			.param("labelFr", "Téléphone").param("labelEn", "Mobile phone").param("icon", "phone")
			.param("ticketType", "SERVICE_REQUEST").param("titleTemplate", "Phone").param("active", "true"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(refused).contains("id=\"item-conflict\"", "Another administrator saved this item",
				"value=\"Mobile phone\"");
		assertThat(catalogue.item(item.getId(), admin).label(java.util.Locale.ENGLISH)).isEqualTo("Desk phone");
	}

	@Test
	void removingTheFieldAConditionTestsKeepsTheConditionMarkedAndSavingItIsRefusedNamingTheKey() throws Exception {
		CurrentUser admin = TestFixtures.current(administrator);
		CatalogueSection section = catalogue.addSection("Jetons", "Tokens", admin);
		CatalogueItem item = catalogue.addItem(section.getId(), new ItemDescription("Jeton", "Token", null, null,
				"key", org.guichet.tickets.TicketType.SERVICE_REQUEST, null, null, "Token", List.of()),
				List.of(), List.of(), admin);
		String editor = "/admin/catalogue/items/" + item.getId() + "/form";
		MockHttpSession session = login(administrator);

		String removed = mvc.perform(post(editor).session(session).with(csrf()).param("op", "remove-0")
			.param("fields[0].key", "token").param("fields[0].kind", "YES_NO").param("fields[0].labelFr", "Jeton")
			.param("fields[0].labelEn", "Token")
			.param("fields[1].key", "serial").param("fields[1].kind", "SHORT_TEXT").param("fields[1].labelFr", "N°")
			.param("fields[1].labelEn", "Serial").param("fields[1].shownWhenField", "token")
			.param("fields[1].shownWhenValue", "yes"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(removed).contains("id=\"editor-field-0-errors\"", "(token is not one)")
			.containsPattern("<option value=\"token\" selected=\"selected\">token \\(no longer");
		assertThat(removed).as("a summary links each field; each label names its input").contains("id=\"editor-summary\"", "id=\"jump-to-form\"",
				"href=\"#editor-field-0\"", "for=\"fields0.labelFr\"", "id=\"fields0.labelFr\"", "for=\"fields0.pattern\"",
				"id=\"fields0.pattern\"");

		String refused = mvc.perform(post(editor).session(session).with(csrf()).param("op", "save")
			.param("fields[0].key", "serial").param("fields[0].kind", "SHORT_TEXT").param("fields[0].labelFr", "N°")
			.param("fields[0].labelEn", "Serial").param("fields[0].shownWhenField", "token")
			.param("fields[0].shownWhenValue", "yes"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"editor-field-0-errors\"", "(token is not one)");
		assertThat(catalogue.currentForm(item.getId()).form().fields()).isEmpty();
	}

	@Test
	void aTitleTemplateNamingAKeyNoFieldHasIsRefusedOnceTheItemHasAForm() throws Exception {
		CurrentUser admin = TestFixtures.current(administrator);
		CatalogueSection section = catalogue.addSection("Licences", "Licences", admin);
		ItemDescription described = new ItemDescription("Licence", "Licence", null, null, "key",
				org.guichet.tickets.TicketType.SERVICE_REQUEST, null, null, "Licence {softwre}", List.of());
		CatalogueItem item = catalogue.addItem(section.getId(), described, List.of(), List.of(), admin);
		FormDefinition form = new FormDefinition(List.of(new FormField("software", FieldKind.SHORT_TEXT, "Logiciel",
				"Software", null, null, true, null, null, null, null, null, null, List.of(), null)));

		assertThatThrownBy(() -> catalogue.saveForm(item.getId(), form, admin))
			.isInstanceOfSatisfying(org.guichet.system.InvalidInputException.class, refused -> {
				assertThat(refused.field()).isEqualTo("fields");
				assertThat(refused.messageKey()).isEqualTo("catalogue.item.title-unknown-key");
				assertThat(refused.arguments()).containsExactly("softwre");
			});

		String page = "/admin/catalogue/items/" + item.getId();
		MockHttpSession session = login(administrator);
		mvc.perform(post(page).session(session).with(csrf()).param("sectionId", String.valueOf(section.getId()))
			.param("labelFr", "Licence").param("labelEn", "Licence").param("icon", "key")
			.param("ticketType", "SERVICE_REQUEST").param("titleTemplate", "Licence {software}").param("active", "true"))
			.andExpect(status().is3xxRedirection());
		catalogue.saveForm(item.getId(), form, admin);
		String refused = mvc.perform(post(page).session(session).with(csrf())
			.param("sectionId", String.valueOf(section.getId())).param("labelFr", "Licence").param("labelEn", "Licence")
			.param("icon", "key").param("ticketType", "SERVICE_REQUEST").param("titleTemplate", "Licence {editor}")
			.param("active", "true"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("names the key editor, which no field of the form has", "value=\"Licence {editor}\"");
	}

	@Test
	void anItemIsOfferedOnlyOnceItsFormHasAField() throws Exception {
		CurrentUser admin = TestFixtures.current(administrator);
		CatalogueSection section = catalogue.addSection("Projecteurs", "Projectors", admin);
		CatalogueItem item = catalogue.addItem(section.getId(), new ItemDescription("Vidéoprojecteur", "Projector", null,
				null, "projector", org.guichet.tickets.TicketType.SERVICE_REQUEST, null, null, "Projector", List.of()),
				List.of(), List.of(), admin);
		MockHttpSession reader = login(requester);
		String page = "/portal/catalogue/items/" + item.getId();

		mvc.perform(get(page).session(reader)).andExpect(status().isNotFound());
		assertThat(mvc.perform(get("/portal/catalogue").session(reader)).andReturn().getResponse().getContentAsString())
			.doesNotContain("id=\"catalogue-item-" + item.getId() + "\"");

		catalogue.saveForm(item.getId(), new FormDefinition(List.of(new FormField("room", FieldKind.SHORT_TEXT, "Salle",
				"Room", null, null, true, null, null, null, null, null, null, List.of(), null))), admin);
		mvc.perform(get(page).session(reader)).andExpect(status().isOk());
		assertThat(mvc.perform(get("/portal/catalogue").session(reader)).andReturn().getResponse().getContentAsString())
			.contains("id=\"catalogue-item-" + item.getId() + "\"");
	}

	@Test
	void anAdministratorSavesTwoApprovalStepsInOrderAndTheEditorShowsThemAgain() throws Exception {
		CatalogueItem item = itemWithAnAmount("Achat", "Purchase");
		SupportGroup buyers = fixtures.group(SupportLevel.N1);
		String steps = "/admin/catalogue/items/" + item.getId() + "/approval";
		MockHttpSession session = login(administrator);

		String moved = mvc.perform(post(steps).session(session).with(csrf()).param("op", "up-1")
			.param("steps[0].kind", "GROUP").param("steps[0].groupId", String.valueOf(buyers.getId()))
			.param("steps[0].quorum", "PERCENT").param("steps[0].percent", "50").param("steps[0].skipField", "amount")
			.param("steps[0].skipComparison", "LESS_THAN").param("steps[0].skipValue", "500")
			.param("steps[1].kind", "MANAGER"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(moved).as("moved, unsaved, everything typed kept").contains("id=\"approval-step-1\"", "value=\"500\"")
			.containsPattern("(?s)id=\"approval-step-0\".*<option value=\"MANAGER\" selected=\"selected\">.*id=\"approval-step-1\"");
		assertThat(catalogue.item(item.getId(), TestFixtures.current(administrator)).getApprovalSteps()).isEmpty();

		mvc.perform(post(steps).session(session).with(csrf()).param("op", "save")
			.param("steps[0].kind", "MANAGER")
			.param("steps[1].kind", "GROUP").param("steps[1].groupId", String.valueOf(buyers.getId()))
			.param("steps[1].quorum", "PERCENT").param("steps[1].percent", "50").param("steps[1].skipField", "amount")
			.param("steps[1].skipComparison", "LESS_THAN").param("steps[1].skipValue", "500"))
			.andExpect(status().is3xxRedirection());

		List<ItemApprovalStep> saved = catalogue.item(item.getId(), TestFixtures.current(administrator)).getApprovalSteps();
		assertThat(saved).extracting(ItemApprovalStep::getKind).containsExactly(StepKind.MANAGER, StepKind.GROUP);
		assertThat(saved.get(1).getTargetId()).isEqualTo(buyers.getId());
		assertThat(saved.get(1).getQuorum()).isEqualTo(Quorum.PERCENT);
		assertThat(saved.get(1).getPercent()).isEqualTo(50);
		assertThat(saved.get(1).skipWhen()).hasToString("amount < 500");
		String page = mvc.perform(get("/admin/catalogue/items/" + item.getId()).session(session))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"approval-step-1\"", "for=\"steps1.skipValue\"", "value=\"500\"")
			.containsPattern("<option value=\"" + buyers.getId() + "\" selected=\"selected\">");
	}

	@Test
	void aNamedPersonStepIsChosenWithThePersonPickerAndTheItemPageNeverListsTheDirectory() throws Exception {
		CatalogueItem item = itemWithAnAmount("Achat nommé", "Named purchase");
		User buyer = fixtures.user("cat-pages-buyer", Role.REQUESTER);
		User gone = fixtures.user("cat-pages-gone", Role.REQUESTER);
		User bystander = fixtures.user("cat-pages-bystander", Role.REQUESTER);
		String steps = "/admin/catalogue/items/" + item.getId() + "/approval";
		MockHttpSession session = login(administrator);

		String empty = mvc.perform(post(steps).session(session).with(csrf()).param("op", "add"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(empty).as("a type-ahead, not a list of the directory")
			.contains("id=\"steps0-userId\"", "role=\"combobox\"", "name=\"typed.step-0\"",
					"hx-get=\"/portal/catalogue/people?list=steps0-userId-options\"", "for=\"steps0-userId\"")
			.doesNotContain(buyer.getFullName(), "name=\"steps[0].userId\" class=\"form-select\"");

		String refused = mvc.perform(post(steps).session(session).with(csrf()).param("op", "save")
			.param("steps[0].kind", "USER").param("typed.step-0", "Dupo").param("steps[0].userId", ""))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(refused).as("nobody chosen: refused beside the picker, what was typed kept")
			.contains("id=\"steps0-userId-error\"", "value=\"Dupo\"");

		mvc.perform(post(steps).session(session).with(csrf()).param("op", "save")
			.param("steps[0].kind", "USER").param("steps[0].userId", String.valueOf(buyer.getId()))
			.param("steps[1].kind", "USER").param("steps[1].userId", String.valueOf(gone.getId())))
			.andExpect(status().is3xxRedirection());
		assertThat(catalogue.item(item.getId(), TestFixtures.current(administrator)).getApprovalSteps())
			.extracting(ItemApprovalStep::getTargetId).containsExactly(buyer.getId(), gone.getId());
		gone.setActive(false);
		users.save(gone);
		String page = mvc.perform(get("/admin/catalogue/items/" + item.getId()).session(session))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).as("the chosen people by name, the one who left marked")
			.contains("value=\"" + buyer.getFullName() + "\"", "value=\"" + buyer.getId() + "\"",
					"value=\"" + gone.getFullName() + " (not an active person)\"")
			.doesNotContain(bystander.getFullName());
	}

	@Test
	void aSectionIsRenamedAnEmptyOneDeletedAndOneHoldingItemsIsRefusedSayingToMoveThemFirst() throws Exception {
		CurrentUser admin = TestFixtures.current(administrator);
		MockHttpSession session = login(administrator);
		CatalogueSection held = itemWithAnAmount("Achat classé", "Filed purchase").getSection();
		CatalogueSection empty = catalogue.addSection("Vide", "Empty", admin);

		String blank = mvc.perform(post("/admin/catalogue/sections/" + held.getId()).session(session).with(csrf())
			.param("labelFr", "Achats groupés").param("labelEn", " "))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(blank).as("refused beside its input, its editor open, what was typed kept")
			.contains("id=\"section-" + held.getId() + "-labelEn-error\"", "value=\"Achats groupés\"")
			.containsPattern("<details[^>]*id=\"edit-section-" + held.getId() + "\"[^>]*open");
		mvc.perform(post("/admin/catalogue/sections/" + held.getId()).session(session).with(csrf())
			.param("labelFr", "Achats groupés").param("labelEn", "Grouped purchases"))
			.andExpect(status().is3xxRedirection());
		assertThat(catalogue.sections()).filteredOn(s -> s.getId() == held.getId())
			.extracting(CatalogueSection::getLabelEn).containsExactly("Grouped purchases");

		String refused = mvc.perform(post("/admin/catalogue/sections/" + held.getId() + "/delete").session(session)
			.with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"delete-section-refused-" + held.getId() + "\"",
				"This section holds one item: move it to another section first");
		assertThat(catalogue.sections()).extracting(CatalogueSection::getId).contains(held.getId());

		mvc.perform(post("/admin/catalogue/sections/" + empty.getId() + "/delete").session(session).with(csrf()))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("sectionDeleted", "Empty"));
		assertThat(catalogue.sections()).extracting(CatalogueSection::getId).doesNotContain(empty.getId());
		mvc.perform(post("/admin/catalogue/sections/" + held.getId() + "/delete").session(login(requester)).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void aWrongApprovalStepIsRefusedBesideItsInputAndNothingTypedIsLost() throws Exception {
		CatalogueItem item = itemWithAnAmount("Achat refusé", "Refused purchase");
		String steps = "/admin/catalogue/items/" + item.getId() + "/approval";
		MockHttpSession session = login(administrator);

		String refused = mvc.perform(post(steps).session(session).with(csrf()).param("op", "save")
			.param("steps[0].kind", "USER")
			.param("steps[1].kind", "MANAGER").param("steps[1].skipField", "amount")
			.param("steps[1].skipComparison", "GREATER_THAN").param("steps[1].skipValue", "lots"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"approval-errors\"", "id=\"steps0-userId-error\"",
				"id=\"steps1-skipValue-error\"", "is not a number", "value=\"lots\"")
			.doesNotContain("steps1-userId-error");

		String unknownField = mvc.perform(post(steps).session(session).with(csrf()).param("op", "save")
			.param("steps[0].kind", "MANAGER").param("steps[0].skipField", "budget")
			.param("steps[0].skipComparison", "EQUALS").param("steps[0].skipValue", "yes"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(unknownField).as("refused by Catalogue.requireApproval, beside the step's field")
			.contains("id=\"steps0-skipField-error\"", "The form has no field &quot;budget&quot;", "value=\"yes\"")
			.containsPattern("<option value=\"budget\" selected=\"selected\">budget \\(no longer");
		assertThat(catalogue.item(item.getId(), TestFixtures.current(administrator)).getApprovalSteps()).isEmpty();
	}

	@Test
	void removingAFieldAnApprovalStepIsSkippedOnIsRefusedNamingTheStep() throws Exception {
		CatalogueItem item = itemWithAnAmount("Achat suivi", "Tracked purchase");
		CurrentUser admin = TestFixtures.current(administrator);
		catalogue.requireApproval(item.getId(), List.of(new ItemApprovalStep(StepPlan.manager(), null),
				new ItemApprovalStep(StepPlan.manager(), new SkipCondition("amount", SkipCondition.Comparison.LESS_THAN, "500"))),
				admin);
		String editor = "/admin/catalogue/items/" + item.getId() + "/form";
		MockHttpSession session = login(administrator);

		String removed = mvc.perform(post(editor).session(session).with(csrf()).param("op", "remove-0")
			.param("fields[0].key", "amount").param("fields[0].kind", "NUMBER").param("fields[0].labelFr", "Montant")
			.param("fields[0].labelEn", "Amount"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(removed).contains("id=\"editor-form-errors\"", "Approval step 2 is skipped on the field &quot;amount&quot;");

		String refused = mvc.perform(post(editor).session(session).with(csrf()).param("op", "save")
			.param("openedAs", catalogue.currentForm(item.getId()).stamp()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"editor-form-errors\"", "Approval step 2 is skipped on the field &quot;amount&quot;");
		assertThat(catalogue.currentForm(item.getId()).form().fields()).extracting(FormField::key).containsExactly("amount");
	}

	/** An item whose form asks an amount (a number), the field approval steps are skipped on. */
	@Test
	void aUserFieldSearchesAtMostTwentyPeopleByNameWithoutTheirContactAndARefusedFormKeepsThePersonChosen()
			throws Exception {
		CurrentUser admin = TestFixtures.current(administrator);
		CatalogueSection section = catalogue.addSection("Accès", "Access", admin);
		CatalogueItem item = catalogue.addItem(section.getId(), new ItemDescription("Accès partagé", "Shared access",
				null, null, "key", org.guichet.tickets.TicketType.SERVICE_REQUEST, null, null, "Access for {colleague}",
				List.of()), List.of(), List.of(), admin);
		catalogue.saveForm(item.getId(), new FormDefinition(List.of(
				new FormField("colleague", FieldKind.USER, "Collègue", "Colleague", null, null, true, null, null, null,
						null, null, null, List.of(), null),
				new FormField("why", FieldKind.SHORT_TEXT, "Pourquoi", "Why", null, null, true, null, null, null, null,
						null, null, List.of(), null))), admin);
		String tribe = "pick" + java.util.UUID.randomUUID().toString().substring(0, 6);
		List<User> people = new java.util.ArrayList<>();
		for (int i = 0; i < 21; i++) {
			User person = fixtures.user(tribe, Role.REQUESTER);
			person.setDepartment("Finance");
			people.add(users.save(person));
		}
		MockHttpSession reader = login(requester);
		String page = "/portal/catalogue/items/" + item.getId();

		String form = mvc.perform(get(page).session(reader)).andReturn().getResponse().getContentAsString();
		assertThat(form).contains("role=\"combobox\"", "name=\"typed.colleague\"", "id=\"answer-colleague-id\"")
			.doesNotContain(people.get(0).getFullName(), "<select");
		assertThat(options(reader, "p")).doesNotContain("role=\"option\"");
		String found = options(reader, tribe.toUpperCase(java.util.Locale.ROOT));
		assertThat(found.split("role=\"option\"", -1)).hasSize(21);
		assertThat(found).contains("id=\"answer-colleague-options-" + people.get(0).getId() + "\"", "Finance",
				"More people match").doesNotContain(people.get(0).getEmail(), "@example.org");
		assertThat(options(reader, tribe + " 1%")).doesNotContain("role=\"option\"");

		User chosen = people.get(3);
		String refused = mvc.perform(multipart(page).session(reader).with(csrf())
			.param("answers.colleague", String.valueOf(chosen.getId())).param("typed.colleague", chosen.getFullName()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"answer-why-error\"", "value=\"" + chosen.getFullName() + "\"",
				"value=\"" + chosen.getId() + "\"");
		String typedOnly = mvc.perform(multipart(page).session(reader).with(csrf()).param("answers.colleague", "")
			.param("typed.colleague", "Someone not chosen").param("answers.why", "Audit"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(typedOnly).contains("id=\"answer-colleague-error\"", "value=\"Someone not chosen\"");
	}

	@Test
	void aManagerChoosesOneOfTheirReportsInTheFormAndTheRequestIsTheirsRegisteredByTheManagerAndTheTeamPicksAnyone() throws Exception {
		CatalogueItem item = itemWithAnAmount("Achat", "Purchase");
		User manager = fixtures.user("cat-pages-manager", Role.REQUESTER);
		User report = fixtures.user("cat-pages-report", Role.REQUESTER);
		report.setManager(manager);
		users.save(report);
		String page = "/portal/catalogue/items/" + item.getId();
		assertThat(mvc.perform(get(page).session(login(requester))).andReturn().getResponse().getContentAsString())
			.doesNotContain("name=\"requesterId\"");
		MockHttpSession asManager = login(manager);
		String form = mvc.perform(get(page).session(asManager)).andReturn().getResponse().getContentAsString();
		assertThat(form).contains("<select class=\"form-select\" id=\"requesterId\" name=\"requesterId\"",
				"<option value=\"" + report.getId() + "\">" + report.getFullName() + "</option>");

		MvcResult filed = mvc.perform(multipart(page).session(asManager).with(csrf())
			.param("requesterId", String.valueOf(report.getId())).param("answers.amount", "120"))
			.andExpect(status().is3xxRedirection()).andReturn();
		long ticketId = Long.parseLong(filed.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
		Ticket ticket = tickets.find(new org.guichet.tickets.TicketId(ticketId));
		assertThat(ticket.getRequester().getId()).isEqualTo(report.getId());
		assertThat(ticket.getRegisteredBy().getId()).isEqualTo(manager.getId());

		String refused = mvc.perform(multipart(page).session(asManager).with(csrf())
			.param("requesterId", String.valueOf(requester.getId())).param("answers.amount", "120"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("does not report to you", "value=\"120\"");

		MockHttpSession asTechnician = login(fixtures.user("cat-pages-tech", Role.TECHNICIAN));
		String agentForm = mvc.perform(get(page).session(asTechnician)).andReturn().getResponse().getContentAsString();
		assertThat(agentForm).contains("name=\"typed.requesterId\"", "id=\"requesterId-id\" name=\"requesterId\"")
			.doesNotContain(report.getFullName());
		MvcResult forReport = mvc.perform(multipart(page).session(asTechnician).with(csrf())
			.param("requesterId", String.valueOf(report.getId())).param("answers.amount", "80"))
			.andExpect(status().is3xxRedirection()).andReturn();
		long agentsTicket = Long.parseLong(forReport.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
		assertThat(tickets.find(new org.guichet.tickets.TicketId(agentsTicket)).getRequester().getId())
			.isEqualTo(report.getId());
	}

	/** The picker's options for what is typed in the colleague field, as the page's htmx asks for them. */
	private String options(MockHttpSession reader, String typed) throws Exception {
		return mvc.perform(get("/portal/catalogue/people").param("typed.colleague", typed)
			.param("list", "answer-colleague-options").session(reader)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
	}

	private CatalogueItem itemWithAnAmount(String labelFr, String labelEn) {
		CurrentUser admin = TestFixtures.current(administrator);
		CatalogueSection section = catalogue.addSection("Achats", "Purchases", admin);
		CatalogueItem item = catalogue.addItem(section.getId(), new ItemDescription(labelFr, labelEn, null, null, "cart",
				org.guichet.tickets.TicketType.SERVICE_REQUEST, null, null, labelEn, List.of()), List.of(), List.of(), admin);
		catalogue.saveForm(item.getId(), new FormDefinition(List.of(new FormField("amount", FieldKind.NUMBER, "Montant",
				"Amount", null, null, false, null, null, null, null, null, null, List.of(), null))), admin);
		return item;
	}

	private MockHttpSession login(User user) throws Exception {
		MvcResult result = mvc.perform(formLogin("/login").user(user.getUsername()).password(TestFixtures.PASSWORD))
			.andExpect(authenticated())
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}

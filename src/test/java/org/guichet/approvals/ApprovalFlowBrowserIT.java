package org.guichet.approvals;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guichet.catalogue.Catalogue;
import org.guichet.catalogue.CatalogueItem;
import org.guichet.catalogue.CatalogueRequests;
import org.guichet.catalogue.CatalogueSection;
import org.guichet.catalogue.FieldKind;
import org.guichet.catalogue.Filing;
import org.guichet.catalogue.FormDefinition;
import org.guichet.catalogue.FormField;
import org.guichet.catalogue.ItemApprovalStep;
import org.guichet.catalogue.ItemDescription;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Status;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's approval flow in a browser: an administrator builds an item with a conditional field
 * and two approval steps (the manager, then a group) in the admin pages; a requester files it on a
 * phone; the manager approves from "To approve" (the navbar's count following), a member of the
 * group reads the manager's comment and approves; the technician then reads the answers on a
 * ticket no longer held. A refusal cancels the request and its requester reads why. Screenshots
 * of "To approve", the decision form and the navbar at 1024 pixels.
 */
@GuichetIntegrationTest
class ApprovalFlowBrowserIT {

	private static final Dimension TABLET = new Dimension(1024, 800);

	@RegisterExtension
	static final Browser browser = new Browser(Duration.ofSeconds(20));

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private Catalogue catalogue;

	@Autowired
	private CatalogueRequests requests;

	@Autowired
	private Approvals approvals;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private UserRepository users;

	private User admin;

	private User manager;

	private User requester;

	private User buyer;

	private User technician;

	private SupportGroup purchasing;

	private SupportGroup desk;

	@BeforeEach
	void setUp() {
		admin = fixtures.user("flow-admin", Role.ADMINISTRATOR);
		manager = fixtures.user("flow-manager", Role.SUPERVISOR);
		requester = fixtures.user("flow-requester", Role.REQUESTER);
		requester.setManager(manager);
		requester = users.save(requester);
		buyer = fixtures.user("flow-buyer", Role.TECHNICIAN);
		technician = fixtures.user("flow-tech", Role.TECHNICIAN);
		purchasing = fixtures.group(SupportLevel.N1, buyer);
		desk = fixtures.group(SupportLevel.N1, technician);
	}

	@Test
	void anItemBuiltInTheAdminPagesIsFiledOnAPhoneApprovedByTheManagerThenTheGroupAndWorkedWithItsAnswers() {
		CatalogueSection section = catalogue.addSection("Matériel", "Hardware", TestFixtures.current(admin));

		browser.resize(Browser.DESKTOP);
		browser.logIn(admin);
		long itemId = buildItem(section);

		browser.resize(Browser.PHONE);
		browser.logIn(requester);
		browser.open("/portal/catalogue");
		browser.click(By.id("catalogue-item-" + itemId));
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("catalogue-form")));
		assertThat(browser.find(By.id("answer-other-model-wrapper")).isDisplayed()).isFalse();
		browser.click(By.cssSelector("label[for='answer-model-1']"));
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("answer-other-model")));
		browser.find(By.id("answer-other-model")).sendKeys("ThinkPad X1");
		browser.clickAndAwaitAnswer(By.id("send-request"),
				ExpectedConditions.visibilityOfElementLocated(By.id("form-answers")));
		long ticketId = Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*/portal/tickets/(\\d+).*", "$1"));
		assertThat(tickets.find(new TicketId(ticketId)).isHeldForApproval()).isTrue();
		long approvalId = approvals.ofTicket(new TicketId(ticketId)).orElseThrow().id();

		browser.logIn(manager);
		browser.open("/approvals");
		assertThat(browser.text("#nav-menu-count .badge")).as("the phone's menu button counts what waits").isNotBlank();
		assertThat(browser.find(By.cssSelector("#nav-menu-count .badge")).isDisplayed()).isTrue();
		assertThat(browser.text("#approval-" + approvalId)).contains("ThinkPad X1");
		assertThat(browser.fitsTheWindow()).as("To approve fits a phone").isTrue();
		browser.screenshot("approvals/to-approve-phone.png");
		browser.resize(TABLET);
		browser.open("/approvals");
		assertThat(navbarRows()).as("the navbar on one row at 1024").isEqualTo(1);
		browser.screenshot("approvals/navbar-1024-manager.png");
		browser.resize(Browser.DESKTOP);
		browser.open("/approvals");
		assertThat(navbarRows()).as("the navbar on one row at 1280").isEqualTo(1);
		assertThat(browser.text("#nav-to-approve .badge")).isEqualTo("1");
		browser.find(By.id("comment-" + approvalId)).sendKeys("Five years old: replace it.");
		browser.screenshot("approvals/decision-form-desktop.png");
		browser.clickAndAwaitAnswer(By.cssSelector("#approval-" + approvalId + " button[value='APPROVE']"),
				Browser.textIn("#approval-" + approvalId, "Approved"));
		browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("approvals-nav-item")));
		assertThat(browser.find(By.id("approvals-nav-item")).isDisplayed()).as("the count follows the decision").isFalse();

		browser.logIn(buyer);
		browser.open("/approvals");
		assertThat(browser.text("#nav-to-approve .badge")).isEqualTo("1");
		assertThat(browser.text("#approval-" + approvalId + "-step-1")).contains(manager.getFullName(),
				"Five years old: replace it.");
		browser.screenshot("approvals/second-step-desktop.png");
		browser.clickAndAwaitAnswer(By.cssSelector("#approval-" + approvalId + " button[value='APPROVE']"),
				Browser.textIn("#approval-" + approvalId, "Approved"));

		browser.logIn(technician);
		browser.open("/agent/tickets/" + ticketId);
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("form-answers")));
		assertThat(browser.texts("#form-answers dd")).contains("Other", "ThinkPad X1");
		assertThat(browser.driver().findElements(By.id("reply-held"))).as("no longer held").isEmpty();
		assertThat(browser.find(By.id("send-reply")).isDisplayed()).isTrue();
		assertThat(tickets.find(new TicketId(ticketId)).getStatus()).isEqualTo(Status.NEW);
	}

	@Test
	void aRefusalNeedsAReasonKeepsWhatWasTypedAndTheRequesterReadsWhyTheRequestWasCancelled() {
		CurrentUser by = TestFixtures.current(admin);
		CatalogueSection section = catalogue.addSection("Logiciels", "Software", by);
		CatalogueItem item = catalogue.addItem(section.getId(), new ItemDescription("Licence", "Licence", "Une licence",
				"A licence", "box", TicketType.SERVICE_REQUEST, null, desk.getId(), "Licence {name}", List.of()),
				List.of(), List.of(), by);
		catalogue.saveForm(item.getId(), new FormDefinition(List.of(new FormField("name", FieldKind.SHORT_TEXT,
				"Logiciel", "Software", null, null, true, null, null, null, null, null, null, List.of(), null))), by);
		catalogue.requireApproval(item.getId(), List.of(new ItemApprovalStep(StepPlan.manager(), null)), by);
		TicketId ticket = requests.file(item.getId(), new Filing(Map.of("name", List.of("Acrobat Pro")), null,
				Channel.PORTAL, List.of()), TestFixtures.current(requester), Locale.ENGLISH).ticket().id();
		long approvalId = approvals.ofTicket(ticket).orElseThrow().id();

		browser.resize(Browser.PHONE);
		browser.logIn(manager);
		browser.open("/approvals");
		browser.find(By.id("comment-" + approvalId)).sendKeys(" ");
		browser.clickAndAwaitAnswer(By.cssSelector("#approval-" + approvalId + " button[value='REFUSE']"),
				ExpectedConditions.visibilityOfElementLocated(By.id("comment-" + approvalId + "-error")));
		assertThat(browser.text("#comment-" + approvalId + "-error")).contains("Say why you refuse");
		browser.screenshot("approvals/refusal-needs-reason-phone.png");
		long waiting = menuCount();
		assertThat(waiting).as("the phone's menu button counts the approval").isPositive();
		browser.find(By.id("comment-" + approvalId)).sendKeys("Acrobat Reader reads and signs PDFs.");
		browser.clickAndAwaitAnswer(By.cssSelector("#approval-" + approvalId + " button[value='REFUSE']"),
				Browser.textIn("#approval-" + approvalId, "Refused"));
		browser.waiting().until(driver -> menuCount() == waiting - 1);
		assertThat(browser.find(By.id("approvals-nav-item")).getAttribute("hidden")).isNotNull();

		browser.logIn(requester);
		browser.open("/portal/tickets/" + ticket.value());
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("approval-state")));
		assertThat(browser.text("#cancel-reason-shown")).contains("Acrobat Reader reads and signs PDFs.");
		assertThat(browser.text("#approval-state")).contains("Refused by " + manager.getFullName());
		assertThat(browser.fitsTheWindow()).isTrue();
		browser.screenshot("approvals/refused-requester-phone.png");
	}

	/** Creates the item, its conditional form and its two approval steps in the admin pages; gives its id. */
	private long buildItem(CatalogueSection section) {
		browser.open("/admin/catalogue/items/new?section=" + section.getId());
		browser.find(By.id("labelFr")).sendKeys("Poste portable");
		browser.find(By.id("labelEn")).sendKeys("Laptop");
		browser.find(By.id("icon")).sendKeys("laptop");
		new Select(browser.find(By.id("ticketType"))).selectByValue(TicketType.SERVICE_REQUEST.name());
		new Select(browser.find(By.id("groupId"))).selectByValue(String.valueOf(desk.getId()));
		browser.find(By.id("titleTemplate")).sendKeys("Laptop: {model}");
		browser.clickAndAwaitAnswer(By.id("save-item"),
				ExpectedConditions.presenceOfElementLocated(By.id("form-editor")));
		long itemId = Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*/items/(\\d+).*", "$1"));

		browser.clickAndAwaitAnswer(By.id("add-field"), ExpectedConditions.presenceOfElementLocated(By.id("fields0.key")));
		retype(By.id("fields0.key"), "model");
		new Select(browser.find(By.id("fields0.kind"))).selectByValue(FieldKind.CHOICE.name());
		browser.find(By.id("fields0.labelFr")).sendKeys("Modèle");
		browser.find(By.id("fields0.labelEn")).sendKeys("Model");
		browser.find(By.id("fields0.options")).sendKeys("standard | Standard | Standard\nother | Autre | Other");
		check(By.id("fields0-required"));
		browser.clickAndAwaitAnswer(By.id("add-field"), ExpectedConditions.presenceOfElementLocated(By.id("fields1.key")));
		retype(By.id("fields1.key"), "other-model");
		browser.find(By.id("fields1.labelFr")).sendKeys("Lequel ?");
		browser.find(By.id("fields1.labelEn")).sendKeys("Which one?");
		new Select(browser.find(By.id("fields1.shownWhenField"))).selectByValue("model");
		browser.find(By.id("fields1.shownWhenValue")).sendKeys("other");
		check(By.id("fields1-required"));
		browser.clickAndAwaitAnswer(By.id("save-form"), ExpectedConditions.presenceOfElementLocated(By.id("form-saved")));

		browser.clickAndAwaitAnswer(By.id("add-step"), ExpectedConditions.presenceOfElementLocated(By.id("steps0.kind")));
		new Select(browser.find(By.id("steps0.kind"))).selectByValue(StepKind.MANAGER.name());
		browser.clickAndAwaitAnswer(By.id("add-step"), ExpectedConditions.presenceOfElementLocated(By.id("steps1.kind")));
		new Select(browser.find(By.id("steps1.kind"))).selectByValue(StepKind.GROUP.name());
		new Select(browser.find(By.id("steps1.groupId"))).selectByValue(String.valueOf(purchasing.getId()));
		new Select(browser.find(By.id("steps1.quorum"))).selectByValue(Quorum.ANY.name());
		browser.clickAndAwaitAnswer(By.id("save-steps"), ExpectedConditions.presenceOfElementLocated(By.id("approval-saved")));
		return itemId;
	}

	/** Replaces what the input holds (a new field's key is proposed) with that text. */
	private void retype(By input, String text) {
		WebElement field = browser.find(input);
		field.clear();
		field.sendKeys(text);
	}

	private void check(By checkbox) {
		WebElement box = browser.find(checkbox);
		if (!box.isSelected()) {
			browser.click(box);
		}
	}

	/** The count on the menu's button (what waits behind it), 0 when it shows none. */
	private long menuCount() {
		Object count = browser.script("var badge = document.querySelector('#nav-menu-count .badge');"
				+ " return badge ? parseInt(badge.textContent, 10) : 0;");
		return ((Number) count).longValue();
	}

	/** How many rows the navbar takes: its height over that of its brand's row. */
	private long navbarRows() {
		Object rows = browser.script("var bar = document.querySelector('header.navbar .container-xl');"
				+ " var brand = document.querySelector('.navbar-brand').getBoundingClientRect();"
				+ " return Math.round(bar.getBoundingClientRect().height / Math.max(brand.height, 40));");
		return ((Number) rows).longValue();
	}

}

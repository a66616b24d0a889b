package org.guichet.catalogue;

import java.time.Duration;
import java.util.List;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.TicketType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A requester files a catalogue form on a phone: the conditional field appears once its answer is
 * chosen, a colleague is chosen in the person picker with the keyboard, a missing answer comes back
 * beside its field with everything typed and chosen kept, and the filed ticket shows the answers.
 * Screenshots on a phone (and the picker on a desktop).
 */
@GuichetIntegrationTest
class CatalogueBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser(Duration.ofSeconds(20));

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private Catalogue catalogue;

	@Autowired
	private UserRepository users;

	@Test
	void aRequesterFilesAFormWithAConditionalFieldOnAPhoneAndSeesTheAnswersOnTheTicket() {
		CurrentUser admin = TestFixtures.current(fixtures.user("cat-browser-admin", Role.ADMINISTRATOR));
		User requester = fixtures.user("cat-browser-requester", Role.REQUESTER);
		User colleague = fixtures.user("cat-browser-colleague", Role.REQUESTER);
		colleague.setFullName("Zoé Quillard");
		colleague.setDepartment("Comptabilité");
		users.save(colleague);
		CatalogueSection section = catalogue.addSection("Matériel", "Hardware", admin);
		CatalogueItem item = catalogue.addItem(section.getId(), new ItemDescription("Nouveau poste", "New laptop",
				"Un portable", "A laptop for your work", "laptop", TicketType.SERVICE_REQUEST, null, null,
				"New laptop: {model}", List.of()), List.of(), List.of(), admin);
		catalogue.saveForm(item.getId(), new FormDefinition(List.of(
				new FormField("model", FieldKind.CHOICE, "Modèle", "Model", null, null, true, "standard", null, null, null,
						null, null, List.of(new FieldOption("standard", "Standard", "Standard"),
								new FieldOption("other", "Autre", "Other")), null),
				new FormField("other-model", FieldKind.SHORT_TEXT, "Lequel ?", "Which one?", null, null, true, null, null,
						null, null, null, null, List.of(), new FieldCondition("model", "other")),
				new FormField("colleague", FieldKind.USER, "Pour travailler avec", "To work with", null, null, false, null,
						null, null, null, null, null, List.of(), null),
				new FormField("reason", FieldKind.LONG_TEXT, "Pourquoi ?", "Why?", null, null, false, null, null, null,
						null, null, null, List.of(), null))), admin);

		browser.resize(Browser.PHONE);
		browser.logIn(requester);
		browser.open("/portal/catalogue");
		browser.click(By.id("catalogue-item-" + item.getId()));
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("catalogue-form")));
		By otherModel = By.id("answer-other-model-wrapper");
		assertThat(browser.find(otherModel).isDisplayed()).as("hidden until Other is chosen").isFalse();
		browser.click(By.cssSelector("label[for='answer-model-1']"));
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(otherModel));
		browser.find(By.id("answer-reason")).sendKeys("My screen is cracked.");
		browser.screenshot("catalogue/form-conditional-phone.png");

		By picker = By.id("answer-colleague");
		browser.actAndAwaitAnswer(() -> browser.find(picker).sendKeys("quill"),
				ExpectedConditions.visibilityOfElementLocated(By.id("answer-colleague-options-" + colleague.getId())));
		assertThat(browser.find(picker).getAttribute("aria-expanded")).isEqualTo("true");
		assertThat(browser.text("#answer-colleague-options-" + colleague.getId())).contains("Zoé Quillard", "Comptabilité");
		browser.find(picker).sendKeys(Keys.ARROW_DOWN);
		assertThat(browser.find(picker).getAttribute("aria-activedescendant"))
			.isEqualTo("answer-colleague-options-" + colleague.getId());
		assertThat(browser.fitsTheWindow()).as("the open list fits a phone").isTrue();
		browser.screenshot("catalogue/person-picker-phone.png");
		browser.resize(Browser.DESKTOP);
		browser.screenshot("catalogue/person-picker-desktop.png");
		browser.resize(Browser.PHONE);
		browser.find(picker).sendKeys(Keys.ENTER);
		assertThat(browser.find(picker).getAttribute("value")).isEqualTo("Zoé Quillard");
		assertThat(browser.find(By.id("answer-colleague-id")).getAttribute("value")).isEqualTo("" + colleague.getId());
		assertThat(browser.find(picker).getAttribute("aria-expanded")).isEqualTo("false");

		browser.clickAndAwaitAnswer(By.id("send-request"),
				ExpectedConditions.visibilityOfElementLocated(By.id("answer-other-model-error")));
		assertThat(browser.find(By.id("answer-model-1")).isSelected()).as("the choice is kept").isTrue();
		assertThat(browser.find(By.id("answer-reason")).getAttribute("value")).isEqualTo("My screen is cracked.");
		assertThat(browser.find(picker).getAttribute("value")).as("the person chosen is kept").isEqualTo("Zoé Quillard");
		assertThat(browser.find(otherModel).isDisplayed()).isTrue();
		assertThat(browser.fitsTheWindow()).as("the form with its errors fits a phone").isTrue();
		browser.screenshot("catalogue/form-errors-phone.png");

		browser.find(By.id("answer-other-model")).sendKeys("ThinkPad X1");
		browser.clickAndAwaitAnswer(By.id("send-request"),
				ExpectedConditions.visibilityOfElementLocated(By.id("form-answers")));
		assertThat(browser.driver().getCurrentUrl()).contains("/portal/tickets/");
		assertThat(browser.texts("#form-answers dd")).containsExactly("Other", "ThinkPad X1", "Zoé Quillard",
				"My screen is cracked.");
		assertThat(browser.text("h1")).contains("New laptop: Other");
		assertThat(browser.fitsTheWindow()).as("the ticket with its answers fits a phone").isTrue();
		browser.screenshot("catalogue/ticket-answers-phone.png");
	}

}

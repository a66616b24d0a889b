package org.guichet.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.guichet.calendars.Calendars;
import org.guichet.calendars.StandardCalendars;
import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.notifications.NotificationEvent;
import org.guichet.notifications.Notifications;
import org.guichet.sla.SlaPolicy;
import org.guichet.sla.SlaPolicyRepository;
import org.guichet.testing.AccessibilityCheck;
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.testing.TestSweep;
import org.guichet.tickets.Channel;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.Priority;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Transition;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page, as each role, on a desktop (1280 × 900) and a phone (390 × 844), in French and
 * English (in the everyday build each role in one language and each page at one size, every page
 * in both with {@code -Pfull}), checked with axe-core: no serious or critical violation of WCAG 2.1 A/AA anywhere
 * (contrast, labels, unique ids, landmarks, language), and each titled with its own title then
 * " · Guichet". The everyday build checks every template a role reaches once: it leaves out the
 * pages rendering a template another of the role's pages already shows with other data (see
 * {@link #sameTemplateAgain}): {@code /login} and {@code /login?logout} ({@code /login?error}
 * stays), a requester's open and cancelled tickets (the resolved one stays), an agent's second
 * ticket, an administrator's "new" forms of users, groups, categories, SLA policies and calendars
 * (their edit forms, the same templates, stay) and the search without a kind (the one of tickets
 * stays). {@code -Pfull} checks them all. One browser for the class; each role logs
 * in once per language and visits its pages, with unread notifications (their
 * count is a badge in the menu bar of every page).
 */
@GuichetIntegrationTest
class AccessibilityBrowserIT {

	private static final List<String> LANGUAGES = List.of("en", "fr");

	private static final boolean FULL = TestSweep.full();

	/**
	 * Every language for each role in the full sweep ({@code -Pfull}); in the everyday build each
	 * role in one of them, the roles sharing the two languages, both sizes always.
	 */
	private static List<String> languages(String quick) {
		return FULL ? LANGUAGES : List.of(quick);
	}

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private UserRepository users;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private Calendars calendars;

	@Autowired
	private SlaPolicyRepository policies;

	@Autowired
	private Notifications notifications;

	@Test
	void theLoginPagesHaveNoSeriousViolation() {
		List<String> violations = new ArrayList<>();
		for (String language : languages("fr")) {
			((ChromeDriver) browser.driver()).executeCdpCommand("Network.enable", Map.of());
			((ChromeDriver) browser.driver()).executeCdpCommand("Network.setExtraHTTPHeaders",
					Map.of("headers", Map.of("Accept-Language", language)));
			browser.driver().manage().deleteAllCookies();
			visit(List.of("/login", "/login?error", "/login?logout", "/login/sso?problem=administrator", "/visit/chat"),
					sameTemplateAgain("/login", "/login?logout"), violations, "anonymous-" + language);
		}
		((ChromeDriver) browser.driver()).executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
		assertThat(violations).isEmpty();
	}

	@Test
	void aRequestersPagesHaveNoSeriousViolation() {
		List<String> violations = new ArrayList<>();
		User technician = fixtures.user("a11y-solver", Role.TECHNICIAN);
		for (String language : languages("fr")) {
			User requester = user("a11y-requester", Role.REQUESTER, language);
			long open = ticket(requester, "Printer jams");
			long resolved = ticket(requester, "Screen flickers");
			tickets.transition(new TicketId(resolved), Transition.of(TicketAction.TAKE), null,
					TestFixtures.current(technician));
			tickets.transition(new TicketId(resolved), new Transition(TicketAction.RESOLVE, null,
					null, "Replaced the cable", SolutionKind.PERMANENT), null, TestFixtures.current(technician));
			long cancelled = ticket(requester, "Second screen");
			tickets.transition(new TicketId(cancelled), new Transition(TicketAction.CANCEL, "Registered twice", null,
					null, null), null, TestFixtures.current(technician));
			browser.logIn(requester);
			assertUnreadCountShown();
			// /agent leads a requester to the portal; /admin is refused with the 403 page
			visit(List.of("/portal", "/portal/tickets/new", "/portal/tickets/" + open,
					"/portal/tickets/" + resolved, "/portal/tickets/" + cancelled, "/portal/notifications", "/profile",
					"/portal/tickets/999999999", "/admin", "/search?kind=ticket&q=imprimante"),
					sameTemplateAgain("/portal/tickets/" + open, "/portal/tickets/" + cancelled), violations,
					"requester-" + language);
			browser.open("/portal/tickets/new");
			WebElement send = browser.find(By.id("send-request"));
			browser.actAndAwaitAnswer(() -> browser.script("arguments[0].form.requestSubmit(arguments[0]);", send),
					ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
			violations.addAll(AccessibilityCheck.violations(browser.driver()));
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void aTechniciansPagesHaveNoSeriousViolation() {
		assertThat(agentPages(Role.TECHNICIAN, List.of(), Set.of())).isEmpty();
	}

	@Test
	void aSupervisorsPagesHaveNoSeriousViolation() {
		assertThat(agentPages(Role.SUPERVISOR, List.of(), Set.of())).isEmpty();
	}

	@Test
	void anAdministratorsPagesHaveNoSeriousViolation() {
		User technician = fixtures.user("a11y-member", Role.TECHNICIAN);
		long group = fixtures.group(SupportLevel.N1, technician).getId();
		long category = fixtures.category("A11y").getId();
		String name = "A11y " + UUID.randomUUID().toString().substring(0, 8);
		long calendar = calendars.define(name, StandardCalendars.frenchOffice()).id();
		SlaPolicy policy = new SlaPolicy(name, calendar);
		policy.conditions(null, null, name, null);
		policy.target(TicketType.INCIDENT, Priority.MEDIUM, Duration.ofHours(1), Duration.ofHours(8));
		long policyId = policies.save(policy).getId();
		assertThat(agentPages(Role.ADMINISTRATOR,
				List.of("/admin", "/admin/users", "/admin/users/new", "/admin/users/" + technician.getId() + "/edit",
						"/admin/groups", "/admin/groups/new", "/admin/groups/" + group + "/edit", "/admin/categories",
						"/admin/categories/new", "/admin/categories/" + category + "/edit", "/admin/settings",
						"/admin/sla-policies", "/admin/sla-policies/new", "/admin/sla-policies/" + policyId + "/edit",
						"/admin/sla-policies/" + policyId + "/escalation-levels", "/admin/calendars",
						"/admin/calendars/new", "/admin/calendars/" + calendar + "/edit", "/admin/routing",
						"/admin/routing/rules/new", "/admin/routing/technicians/" + technician.getId(), "/admin/mail", "/admin/sso",
						"/reports/targets", "/admin/search", "/admin/directory", "/admin/webhooks", "/admin/webhooks/new",
						"/search?q=imprimante", "/search?kind=ticket&q=imprimante"),
				sameTemplateAgain("/admin/users/new", "/admin/groups/new", "/admin/categories/new",
						"/admin/sla-policies/new", "/admin/calendars/new", "/search?q=imprimante")))
			.isEmpty();
	}

	/**
	 * The pages of the IT team (queue, ticket, new ticket, notifications, portal) and then {@code more},
	 * but for the everyday build's {@code repeats} of a template (and the agent's second ticket).
	 */
	private List<String> agentPages(Role role, List<String> more, Set<String> repeats) {
		return agentPages(role, more, repeats, role != Role.ADMINISTRATOR);
	}

	/**
	 * @param allAgentPages false for the administrator, whose queue and ticket pages differ from a
	 * technician's only by the menu: the queue alone is checked, the time goes to the admin pages
	 */
	private List<String> agentPages(Role role, List<String> more, Set<String> repeats, boolean allAgentPages) {
		List<String> violations = new ArrayList<>();
		for (String language : languages(role == Role.SUPERVISOR ? "fr" : "en")) {
			User requester = fixtures.user("a11y-caller", Role.REQUESTER);
			User agent = user("a11y-" + role.name().toLowerCase(), role, language);
			long taken = ticket(requester, "Mailbox full");
			tickets.transition(new TicketId(taken), Transition.of(TicketAction.TAKE), null,
					TestFixtures.current(agent));
			tickets.comment(new TicketId(taken), "Checking the quota.", true,
					TestFixtures.current(agent));
			long waiting = ticket(requester, "VPN drops");
			notifications.notify(NotificationEvent.MENTIONED, List.of(agent.getId()), taken, "notification.mentioned", "#" + taken,
					requester.getFullName());
			browser.logIn(agent);
			assertUnreadCountShown();
			List<String> pages = new ArrayList<>(allAgentPages
					? List.of("/agent", "/agent/tickets/new", "/agent/tickets/" + taken, "/agent/tickets/" + waiting,
							"/notifications", "/profile", "/portal", "/portal/tickets/new", "/agent/tickets/999999999",
							"/reports")
					: List.of("/agent", "/agent/tickets/" + taken));
			pages.addAll(more);
			Set<String> left = new HashSet<>(repeats);
			left.addAll(sameTemplateAgain("/agent/tickets/" + waiting));
			visit(pages, left, violations, role.name().toLowerCase() + "-" + language);
		}
		return violations;
	}

	/** The pages are checked with the menu bar's count of unread notifications, as most people see them. */
	private void assertUnreadCountShown() {
		browser.resize(Browser.DESKTOP);
		browser.open("/profile");
		assertThat(browser.find(By.cssSelector("#nav-notifications .badge")).isDisplayed()).isTrue();
		browser.screenshot("a11y/unread-count.png");
	}

	/**
	 * The pages the everyday build leaves out: each renders a template that another page of the
	 * same role shows with other data; empty in the full sweep ({@code -Pfull}), which checks them all.
	 */
	private static Set<String> sameTemplateAgain(String... paths) {
		return FULL ? Set.of() : Set.of(paths);
	}

	/**
	 * Checks each page but the {@code left} ones at both sizes in the full sweep ({@code -Pfull});
	 * in the everyday build each page at one of them, every other page on the phone, so that both
	 * sizes are checked for every role.
	 */
	private void visit(List<String> allPaths, Set<String> left, List<String> violations, String who) {
		List<String> paths = allPaths.stream().filter(path -> !left.contains(path)).toList();
		for (Dimension size : List.of(Browser.DESKTOP, Browser.PHONE)) {
			browser.resize(size);
			for (int i = 0; i < paths.size(); i++) {
				if (!FULL && (i % 2 == 0) != (size == Browser.DESKTOP)) {
					continue;
				}
				String path = paths.get(i);
				browser.open(path);
				browser.waiting().until(driver -> (Boolean) ((JavascriptExecutor) driver).executeScript(
						"return document.readyState === 'complete' && document.querySelector('.htmx-request') === null;"));
				List<String> found = new ArrayList<>(AccessibilityCheck.violations(browser.driver()));
				String title = browser.driver().getTitle();
				if (!title.matches(".*\\S · Guichet") || title.contains("Guichet · Guichet")) {
					found.add("title: \"" + title + "\" is not the page's own title then \" · Guichet\"");
				}
				if (!found.isEmpty()) {
					violations.add(who + " " + size.getWidth() + "px " + String.join("\n", found));
					browser.saveWindow("a11y/" + who + path.replaceAll("[^a-z0-9]+", "-") + "-" + size.getWidth() + ".png");
				}
			}
		}
		browser.resize(Browser.DESKTOP);
	}

	private User user(String prefix, Role role, String language) {
		User user = fixtures.user(prefix, role);
		user.setLanguage(language);
		return users.save(user);
	}

	private long ticket(User requester, String title) {
		Ticket ticket = tickets.register(new NewTicket(TicketType.INCIDENT, title + " " + UUID.randomUUID(),
				"It does not work since this morning.", null, Channel.PORTAL, null, Urgency.MEDIUM, null, List.of()),
				TestFixtures.current(requester));
		return ticket.id().value();
	}

}

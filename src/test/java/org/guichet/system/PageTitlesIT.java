package org.guichet.system;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.testing.WebSession;
import org.guichet.tickets.Channel;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page a role opens has a title of its own (WCAG 2.4.2), then " · Guichet", in French and
 * English: two pages of one role never share a title (the notifications and their defaults, the
 * portal's catalogue and its administration). Over HTTP, without a browser: the titles are the
 * server's; AccessibilityBrowserIT checks the same pages in Chromium.
 */
@GuichetIntegrationTest
@DatabaseNeutral
class PageTitlesIT {

	private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");

	private static final List<String> REQUESTER_PAGES = List.of("/portal", "/portal/tickets/new", "/portal/notifications",
			"/profile", "/profile/notifications", "/portal/knowledge", "/portal/catalogue", "/portal/chat",
			"/search?q=imprimante");

	private static final List<String> AGENT_PAGES = List.of("/agent", "/agent/tickets/new", "/notifications",
			"/profile", "/profile/notifications", "/portal", "/portal/tickets/new", "/portal/notifications", "/reports",
			"/agent/knowledge", "/agent/examples", "/agent/replies", "/agent/macros", "/portal/knowledge",
			"/portal/catalogue", "/portal/chat", "/search?q=imprimante");

	private static final List<String> ADMINISTRATOR_PAGES = List.of("/admin", "/admin/users", "/admin/users/new",
			"/admin/groups", "/admin/groups/new", "/admin/categories", "/admin/categories/new", "/admin/settings",
			"/admin/sla-policies", "/admin/sla-policies/new", "/admin/calendars", "/admin/calendars/new",
			"/admin/routing", "/admin/routing/rules/new", "/admin/mail", "/admin/mail/templates", "/admin/mailboxes",
			"/admin/sso", "/admin/sms", "/reports/targets", "/admin/search", "/admin/directory", "/admin/webhooks",
			"/admin/webhooks/new", "/admin/notifications", "/admin/catalogue", "/admin/catalogue/items/new",
			"/admin/assist", "/admin/assist/self-service", "/admin/assist/generative");

	@LocalServerPort
	private int port;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private UserRepository users;

	@Autowired
	private TicketManagement tickets;

	@Test
	void everyPageOfARoleHasATitleOfItsOwn() throws Exception {
		List<String> problems = new ArrayList<>();
		for (String language : List.of("en", "fr")) {
			User requester = user("titles-requester", Role.REQUESTER, language);
			long own = ticket(requester);
			problems.addAll(titles(requester, pages(REQUESTER_PAGES, "/portal/tickets/" + own)));
			for (Role role : List.of(Role.TECHNICIAN, Role.SUPERVISOR)) {
				User agent = user("titles-" + role.name().toLowerCase(), role, language);
				problems.addAll(titles(agent, pages(AGENT_PAGES, "/agent/tickets/" + own)));
			}
			User administrator = user("titles-administrator", Role.ADMINISTRATOR, language);
			List<String> all = new ArrayList<>(pages(AGENT_PAGES, "/agent/tickets/" + own));
			all.addAll(ADMINISTRATOR_PAGES);
			problems.addAll(titles(administrator, all));
		}
		assertThat(problems).isEmpty();
	}

	/**
	 * Opens each page as that person and says what is wrong with the titles: a page that does not
	 * answer 200, a title that is not the page's own then " · Guichet", two pages with one title.
	 */
	private List<String> titles(User person, List<String> pages) throws Exception {
		WebSession session = WebSession.signedIn("http://localhost:" + port, person);
		List<String> problems = new ArrayList<>();
		Map<String, String> pageOfTitle = new LinkedHashMap<>();
		String who = person.getRole() + " (" + person.getLanguage() + ")";
		for (String page : pages) {
			HttpResponse<String> answer = session.get(page);
			if (answer.statusCode() != 200) {
				problems.add(who + " " + page + " answered " + answer.statusCode());
				continue;
			}
			Matcher title = TITLE.matcher(answer.body());
			if (!title.find() || !title.group(1).matches(".*\\S · Guichet") || title.group(1).contains("Guichet · Guichet")) {
				problems.add(who + " " + page + ": no title of its own then \" · Guichet\"");
				continue;
			}
			String earlier = pageOfTitle.putIfAbsent(title.group(1), page);
			if (earlier != null) {
				problems.add(who + " " + page + " and " + earlier + " are both titled \"" + title.group(1) + "\"");
			}
		}
		return problems;
	}

	private static List<String> pages(List<String> pages, String more) {
		List<String> all = new ArrayList<>(pages);
		all.add(more);
		return all;
	}

	private User user(String prefix, Role role, String language) {
		User user = fixtures.user(prefix, role);
		user.setLanguage(language);
		return users.save(user);
	}

	private long ticket(User requester) {
		return tickets.register(new NewTicket(TicketType.INCIDENT, "Printer jams " + UUID.randomUUID(),
				"It does not work since this morning.", null, Channel.PORTAL, null, Urgency.MEDIUM, null, List.of()),
				TestFixtures.current(requester)).id().value();
	}

}

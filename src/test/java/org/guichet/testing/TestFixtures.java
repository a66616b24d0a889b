package org.guichet.testing;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.guichet.directory.ApiTokens;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.TokenScope;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.system.CacheGenerations;
import org.guichet.tickets.Category;
import org.guichet.tickets.CategoryRepository;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the people, groups and categories a test needs, each with a unique name, so that tests
 * sharing one database never see each other's data by accident.
 */
@TestComponent
public class TestFixtures {

	public static final String PASSWORD = "test-password-1";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final UserRepository users;

	private final SupportGroupRepository groups;

	private final CategoryRepository categories;

	private final ApiTokens tokens;

	private final Clock clock;

	/**
	 * {@link #PASSWORD} hashed by BCrypt at its lowest cost, 4 (16 rounds; the application's encoder
	 * hashes at 10, 1,024 rounds, and reads the cost from the hash): a form login of a test checks
	 * the password as the application does, in 1.5 ms of CPU instead of 77 ms on the test JVMs (C1
	 * only), where BCrypt was the largest single item of a browser test JVM's samples.
	 */
	private static final String PASSWORD_HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);

	private final JdbcTemplate jdbc;

	private final CacheGenerations generations;

	TestFixtures(UserRepository users, SupportGroupRepository groups, CategoryRepository categories, ApiTokens tokens,
			Clock clock, JdbcTemplate jdbc, CacheGenerations generations) {
		this.users = users;
		this.groups = groups;
		this.categories = categories;
		this.tokens = tokens;
		this.clock = clock;
		this.jdbc = jdbc;
		this.generations = generations;
	}

	/**
	 * Removes every announcement: the test database is shared, and a test's announcements would
	 * show on the pages of the tests that follow (every test application's copy goes within
	 * {@code guichet.cache.check-interval}).
	 */
	public void removeAnnouncements() {
		jdbc.update("delete from announcement");
		generations.changed("announcements");
	}

	/**
	 * Removes the SMS settings an administrator saved: saved, they stay in force over the
	 * {@code guichet.sms.*} properties the tests that follow count on.
	 */
	public void removeSavedSmsSettings() {
		jdbc.update("delete from sms_settings");
		generations.changed("sms-settings");
	}

	/**
	 * A mailbox as {@code POST /api/v1/mailboxes} takes it, disabled and on a port nobody listens
	 * at: no reading of it is ever tried.
	 *
	 * @param name unique among the mailboxes; its address is made unique too
	 */
	public static Map<String, Object> disabledMailbox(String name, long groupId) {
		Map<String, Object> mailbox = new LinkedHashMap<>();
		mailbox.put("name", name);
		mailbox.put("address", "box-" + UUID.randomUUID() + "@example.org");
		mailbox.put("protocol", "IMAP");
		mailbox.put("host", "127.0.0.1");
		mailbox.put("port", 9);
		mailbox.put("security", "NONE");
		mailbox.put("username", "box");
		mailbox.put("password", "secret");
		mailbox.put("afterIngest", "MARK_SEEN");
		mailbox.put("enabled", false);
		mailbox.put("idle", false);
		mailbox.put("groupId", groupId);
		mailbox.put("type", "INCIDENT");
		mailbox.put("unknownSenders", "TRIAGE");
		mailbox.put("folder", "INBOX");
		mailbox.put("pollSeconds", 60);
		mailbox.put("allowed", List.of());
		mailbox.put("blocked", List.of());
		mailbox.put("attachmentLimit", 10 * 1024 * 1024);
		return mailbox;
	}

	/** A user whose password is {@link #PASSWORD}. */
	@Transactional
	public User user(String prefix, Role role) {
		String username = prefix + "-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
		User user = new User(username, PASSWORD_HASH, prefix + " " + SEQUENCE.get(), role, clock.instant());
		user.setEmail(username + "@example.org");
		user.setLanguage("en");
		return users.save(user);
	}

	@Transactional
	public SupportGroup group(SupportLevel level, User... members) {
		SupportGroup group = new SupportGroup("Group " + SEQUENCE.incrementAndGet(), level);
		for (User member : members) {
			group.getMembers().add(member);
		}
		return groups.save(group);
	}

	@Transactional
	public Category category(String name) {
		return categories.save(new Category(name + " " + SEQUENCE.incrementAndGet(), null));
	}

	/** A personal API token of the user, for {@code Authorization: Bearer}. */
	public String token(User user) {
		return tokens.create(user.id(), "test", TokenScope.FULL, null);
	}

	public static CurrentUser current(User user) {
		return new CurrentUser(user);
	}

}

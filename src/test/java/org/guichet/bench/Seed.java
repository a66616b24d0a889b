package org.guichet.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.flywaydb.core.Flyway;
import org.guichet.calendars.BusinessCalendar;
import org.guichet.calendars.StandardCalendars;
import org.guichet.sla.SlaTargets;
import org.guichet.sla.TicketSla;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Impact;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.Priority;
import org.guichet.tickets.PriorityMatrix;
import org.guichet.tickets.Status;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Fills an empty Guichet database with a large desk for the benchmarks: users, groups, categories
 * and N tickets spread over two years with their history, comments and SLA clocks (a 24/7
 * calendar and one fallback policy), written with JDBC batches (not JPA) for speed. The newest
 * tickets are the open ones: 5 % of them, or {@code --open N}, spread over the last 36 days. Two API tokens are created and written, with the other figures a
 * load run needs, to {@code <data-dir>/bench.properties}.
 * <p>
 * {@code --tickets 100000 --data-dir target/bench-data} seeds the H2 file database Guichet opens
 * with {@code --guichet.data-dir=target/bench-data}; {@code --url jdbc:postgresql://… --user …
 * --password …} seeds PostgreSQL instead. {@code --texts ../shared/data/tickets/it-tickets-topic-train.csv}
 * takes the titles and descriptions from real tickets' words (the search benchmark), where the
 * fixed ones repeat a dozen titles. {@code --articles 5000} adds that many published knowledge
 * articles (half French, half English, a tenth for the IT team only) written from the same texts.
 * {@code --catalogue true} adds a catalogue item with a 20-field form and two approval steps (the
 * requester's manager, then any member of the N3 group), for the filing benchmark. Every requester
 * has a mobile number ({@link #phone}); {@code --sms-follow-ups 200} records an SMS sent to that many
 * requesters about their newest open ticket, so that a text from them is a follow-up (the inbound SMS
 * benchmark, {@link SmsInboundLoad}).
 */
public final class Seed {

	static final String PASSWORD = "bench-password";

	private static final int REQUESTERS = 2000;

	private static final int TECHNICIANS = 24;

	private static final Duration SPAN = Duration.ofDays(730);

	private static final Duration OPEN_SPAN = Duration.ofDays(36);

	/** Time to own and to resolve per priority, from VERY_LOW to MAJOR, in hours of the 24/7 calendar. */
	private static final int[][] TARGET_HOURS = { { 48, 720 }, { 24, 480 }, { 8, 240 }, { 4, 72 }, { 2, 24 }, { 1, 8 } };

	private static final String[] GROUPS = { "N1 Support Lyon", "N1 Support Paris", "N2 Systèmes & Réseau",
			"N3 Experts & fournisseurs" };

	private static final String[] LEVELS = { "N1", "N1", "N2", "N3" };

	private static final String[] ROOTS = { "Poste de travail", "Imprimante", "Wi-Fi", "Téléphonie", "Réseau",
			"Logiciels", "Comptes et accès" };

	private static final String[] TITLES = { "Imprimante du 2e étage bloquée", "Pas de Wi-Fi en salle de réunion",
			"Le PC ne démarre plus", "Connexion VPN impossible", "Mot de passe expiré", "Écran qui clignote",
			"Demande d'un second écran", "Erreur à la validation des factures dans l'ERP", "Boîte aux lettres pleine",
			"Lecteur réseau P: inaccessible", "Toner à remplacer", "Arrivée d'un nouveau collaborateur",
			"Plus de tonalité sur le poste fixe", "Excel se ferme à l'ouverture d'un fichier" };

	private static final BusinessCalendar CALENDAR = StandardCalendars.twentyFourSeven();

	private final Connection connection;

	private final Random random = new Random(42);

	/** Real ticket texts ({@code --texts}) for the titles and descriptions; empty for the fixed ones. */
	private List<String> texts = List.of();

	private final PriorityMatrix matrix = PriorityMatrix.standard();

	private final Instant now = Clock.systemUTC().instant();

	private long historyId = 1;

	private long commentId = 1;

	private Seed(Connection connection) {
		this.connection = connection;
	}

	/**
	 * The texts of the CSV file at {@code path} ({@code shared/data/tickets/it-tickets-topic-train.csv}:
	 * a header, then one ticket's words and its topic per line), or none when the path is empty.
	 */
	static List<String> texts(String path) throws java.io.IOException {
		if (path.isEmpty()) {
			return List.of();
		}
		try (var lines = Files.lines(Path.of(path))) {
			return lines.skip(1)
				.map(line -> line.lastIndexOf(',') > 0 ? line.substring(0, line.lastIndexOf(',')) : line)
				.map(text -> text.replace("\"", "").strip())
				.filter(text -> !text.isEmpty())
				.toList();
		}
	}

	/** A title from a text: its first ten words, at most {@link org.guichet.tickets.Ticket#TITLE_MAX} characters. */
	private static String title(String text) {
		String[] words = text.split("\\s+");
		String title = String.join(" ", java.util.Arrays.copyOf(words, Math.min(10, words.length)));
		return title.length() > 200 ? title.substring(0, 200) : title;
	}

	public static void main(String[] args) throws Exception {
		BenchArguments arguments = new BenchArguments(args);
		int tickets = arguments.getInt("tickets", 100_000);
		int open = arguments.getInt("open", tickets / 20);
		Path dataDir = Path.of(arguments.get("data-dir", "target/bench-data")).toAbsolutePath();
		String url = arguments.get("url",
				"jdbc:h2:file:" + dataDir.resolve("guichet") + ";DB_CLOSE_ON_EXIT=FALSE" + arguments.get("h2-options", ""));
		String user = arguments.get("user", "guichet");
		String password = arguments.get("password", "");
		Files.createDirectories(dataDir);

		long start = System.nanoTime();
		String vendor = url.startsWith("jdbc:h2:") ? "h2" : "postgresql";
		Flyway.configure()
			.dataSource(url, user, password)
			.locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
			.load()
			.migrate();
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			connection.setAutoCommit(false);
			Seed seed = new Seed(connection);
			seed.texts = texts(arguments.get("texts", ""));
			seed.requireEmpty();
			boolean h2 = url.startsWith("jdbc:h2:");
			seed.checkForeignKeys(h2, false);
			List<String> facts = seed.directory();
			seed.serviceLevels();
			seed.tickets(tickets, open);
			seed.articles(arguments.getInt("articles", 0));
			if (Boolean.parseBoolean(arguments.get("catalogue", "false"))) {
				facts.add("catalogue.item.id=" + seed.catalogue());
			}
			facts.addAll(seed.phones(arguments.getInt("sms-follow-ups", 0)));
			seed.factsPending();
			seed.checkForeignKeys(h2, true);
			seed.analyze(h2);
			facts.add("tickets=" + tickets);
			facts.add("open=" + open);
			Path file = dataDir.resolve("bench.properties");
			Files.write(file, facts, StandardCharsets.UTF_8);
			System.out.printf("Seeded %,d tickets, %,d history rows, %,d comments in %.1f s into %s%n", tickets,
					seed.historyId - 1, seed.commentId - 1, (System.nanoTime() - start) / 1e9, url);
			System.out.println("Load-run settings and API tokens (shown once) in " + file + ":");
			facts.forEach(fact -> System.out.println("  " + fact));
		}
	}

	/**
	 * H2 checks each foreign key row by row, which doubles the seeding time; the seed writes
	 * consistent rows by construction, so the checks are off while it runs (a database setting,
	 * switched back on at the end).
	 */
	private void checkForeignKeys(boolean h2, boolean on) throws SQLException {
		if (h2) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("set referential_integrity " + on);
			}
			connection.commit();
		}
	}

	/**
	 * PostgreSQL plans from table statistics, which a bulk load leaves stale until autovacuum
	 * comes by: without them the first page of a queue on a million tickets took 0.5 s instead of
	 * 0.3 ms. H2 needs no statistics to use the right index.
	 */
	private void analyze(boolean h2) throws SQLException {
		if (!h2) {
			connection.commit();
			connection.setAutoCommit(true);
			try (Statement statement = connection.createStatement()) {
				statement.execute("analyze");
			}
		}
	}

	/**
	 * The seeded tickets wait for their facts (ticket_fact, which the KPIs read): the application
	 * derives them from their history in the background once it starts.
	 */
	private void factsPending() throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.executeUpdate("insert into ticket_fact_pending (ticket_id) select id from ticket");
		}
		connection.commit();
	}

	private void requireEmpty() throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet users = statement.executeQuery("select count(*) from app_user")) {
			users.next();
			if (users.getLong(1) > 0) {
				throw new IllegalStateException("The database is not empty: seed a fresh data directory or database");
			}
		}
	}

	// --- Directory ------------------------------------------------------------------------

	/** Users 1 (admin), 2–25 (technicians), 26–27 (supervisors), 28… (requesters). */
	private List<String> directory() throws Exception {
		String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
		OffsetDateTime joined = time(now.minus(SPAN).minus(Duration.ofDays(30)));
		try (PreparedStatement insert = connection.prepareStatement("""
				insert into app_user (id, username, password_hash, full_name, email, department, location, role,
				    language, vip, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
			int id = 1;
			addUser(insert, id++, "bench-admin", hash, "ADMINISTRATOR", joined);
			for (int t = 1; t <= TECHNICIANS; t++) {
				addUser(insert, id++, "bench-tech-" + t, hash, "TECHNICIAN", joined);
			}
			addUser(insert, id++, "bench-supervisor-1", hash, "SUPERVISOR", joined);
			addUser(insert, id++, "bench-supervisor-2", hash, "SUPERVISOR", joined);
			for (int r = 1; r <= REQUESTERS; r++) {
				addUser(insert, id++, "bench-user-" + r, hash, "REQUESTER", joined);
			}
			insert.executeBatch();
		}
		try (PreparedStatement group = connection.prepareStatement(
				"insert into support_group (id, name, level) values (?, ?, ?)");
				PreparedStatement member = connection.prepareStatement(
						"insert into group_member (group_id, user_id) values (?, ?)")) {
			for (int g = 0; g < GROUPS.length; g++) {
				group.setLong(1, g + 1);
				group.setString(2, GROUPS[g]);
				group.setString(3, LEVELS[g]);
				group.addBatch();
			}
			group.executeBatch();
			for (int t = 1; t <= TECHNICIANS; t++) {
				member.setLong(1, groupOfTechnician(t));
				member.setLong(2, 1 + t);
				member.addBatch();
			}
			for (int g = 1; g <= GROUPS.length; g++) {
				member.setLong(1, g);
				member.setLong(2, g <= 2 ? 26 : 27);
				member.addBatch();
			}
			member.executeBatch();
		}
		try (PreparedStatement category = connection.prepareStatement(
				"insert into category (id, parent_id, name) values (?, ?, ?)")) {
			for (int r = 0; r < ROOTS.length; r++) {
				category.setLong(1, r + 1);
				category.setNull(2, Types.BIGINT);
				category.setString(3, ROOTS[r]);
				category.addBatch();
				for (int c = 1; c <= 3; c++) {
					category.setLong(1, leafId(r, c));
					category.setLong(2, r + 1);
					category.setString(3, ROOTS[r] + " " + c);
					category.addBatch();
				}
			}
			category.executeBatch();
		}
		List<String> facts = new ArrayList<>();
		facts.add("technician.username=bench-tech-1");
		facts.add("technician.password=" + PASSWORD);
		facts.add("technician.token=" + token(1, 2, "benchmark", joined));
		facts.add("requester.username=bench-user-1");
		facts.add("requester.token=" + token(2, 28, "benchmark", joined));
		// the KPIs are a supervisor's: bench-supervisor-1, after the administrator and the technicians
		facts.add("supervisor.username=bench-supervisor-1");
		facts.add("supervisor.token=" + token(3, 2 + TECHNICIANS, "benchmark", joined));
		facts.add("category.id=2");
		restart("app_user", 28 + REQUESTERS);
		restart("support_group", GROUPS.length + 1);
		restart("category", 100);
		restart("api_token", 4);
		connection.commit();
		return facts;
	}

	private static void addUser(PreparedStatement insert, long id, String username, String hash, String role,
			OffsetDateTime joined) throws SQLException {
		insert.setLong(1, id);
		insert.setString(2, username);
		insert.setString(3, hash);
		insert.setString(4, "Bench " + username.substring(6));
		insert.setString(5, username + "@bench.guichet.example");
		insert.setString(6, role.equals("REQUESTER") ? "Département " + (id % 12) : "Informatique");
		insert.setString(7, id % 3 == 0 ? "Villeurbanne entrepôt" : "Lyon siège");
		insert.setString(8, role);
		insert.setString(9, id % 10 == 0 ? "en" : "fr");
		insert.setBoolean(10, id == 30);
		insert.setObject(11, joined);
		insert.addBatch();
	}

	private String token(long tokenId, long userId, String name, OffsetDateTime at) throws Exception {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		String secret = "gch_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		String digest = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		try (PreparedStatement insert = connection.prepareStatement(
				"insert into api_token (id, user_id, name, token_digest, created_at) values (?, ?, ?, ?, ?)")) {
			insert.setLong(1, tokenId);
			insert.setLong(2, userId);
			insert.setString(3, name);
			insert.setString(4, digest);
			insert.setObject(5, at);
			insert.executeUpdate();
		}
		return secret;
	}

	private static int groupOfTechnician(int technician) {
		return technician <= 8 ? 1 : technician <= 14 ? 2 : technician <= 20 ? 3 : 4;
	}

	private static long leafId(int root, int child) {
		return 10L + root * 3 + child;
	}

	/** Ids were given explicitly: the next generated one must come after them. */
	private void restart(String table, long next) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("alter table " + table + " alter column id restart with " + next);
		}
	}

	/**
	 * The requester number {@code r}'s mobile, written nationally (French numbers, 061 then seven
	 * digits, as libphonenumber accepts them): {@code 0610000001} for the first.
	 */
	static String phone(int r) {
		return "061" + String.format("%07d", r);
	}

	/**
	 * Gives every requester their {@link #phone}, then records an SMS sent (today) to the first
	 * requesters that have an open ticket, about their newest one, {@code followUps} of them at most.
	 *
	 * @return the bench file's line naming the requesters (their numbers) a text from whom is a follow-up
	 */
	private List<String> phones(int followUps) throws SQLException {
		try (PreparedStatement update = connection.prepareStatement("update app_user set phone = ? where id = ?")) {
			for (int r = 1; r <= REQUESTERS; r++) {
				update.setString(1, phone(r));
				update.setLong(2, 27 + r);
				update.addBatch();
			}
			update.executeBatch();
		}
		List<Integer> answering = new ArrayList<>();
		if (followUps > 0) {
			List<long[]> newest = new ArrayList<>();
			try (PreparedStatement select = connection.prepareStatement("select requester_id, max(id) from ticket"
					+ " where status in ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING') group by requester_id order by requester_id");
					ResultSet rows = select.executeQuery()) {
				while (rows.next() && newest.size() < followUps) {
					newest.add(new long[] { rows.getLong(1), rows.getLong(2) });
				}
			}
			OffsetDateTime sent = time(now);
			try (PreparedStatement insert = connection.prepareStatement("""
					insert into sms_outbox (recipient_id, to_number, ticket_id, body, status, attempts, created_at,
					    next_attempt_at, sent_at, provider_message_id) values (?, ?, ?, ?, 'SENT', 1, ?, ?, ?, ?)""")) {
				for (long[] pair : newest) {
					int r = (int) (pair[0] - 27);
					insert.setLong(1, pair[0]);
					insert.setString(2, "+33" + phone(r).substring(1));
					insert.setLong(3, pair[1]);
					insert.setString(4, "Guichet: a reply on your request " + pair[1]);
					insert.setObject(5, sent);
					insert.setObject(6, sent);
					insert.setObject(7, sent);
					insert.setString(8, "bench-" + pair[1]);
					insert.addBatch();
					answering.add(r);
				}
				insert.executeBatch();
			}
		}
		connection.commit();
		return List.of("sms.follow-up.requesters=" + answering.stream().map(String::valueOf).collect(
				java.util.stream.Collectors.joining(",")), "sms.requesters=" + REQUESTERS);
	}

	// --- Service levels -------------------------------------------------------------------

	/** A 24/7 calendar (id 1) and the fallback policy (id 1) every seeded ticket's clocks follow. */
	private void serviceLevels() throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("insert into business_calendar (id, name, time_zone) values (1, '24/7', 'Europe/Paris')");
			statement.execute("insert into sla_policy (id, name, calendar_id, position, fallback, tto_met_by)"
					+ " values (1, 'Bench', 1, 0, true, 'TAKEN_IN_CHARGE')");
		}
		try (PreparedStatement range = connection.prepareStatement(
				"insert into business_calendar_range (calendar_id, list_index, day_of_week, start_second, end_second) values (1, ?, ?, 0, 86400)");
				PreparedStatement target = connection.prepareStatement(
						"insert into sla_target (policy_id, ticket_type, priority, tto_minutes, ttr_minutes) values (1, ?, ?, ?, ?)")) {
			for (DayOfWeek day : DayOfWeek.values()) {
				range.setInt(1, day.ordinal());
				range.setString(2, day.name());
				range.addBatch();
			}
			range.executeBatch();
			for (TicketType type : TicketType.values()) {
				for (Priority priority : Priority.values()) {
					SlaTargets targets = targets(priority);
					target.setString(1, type.name());
					target.setString(2, priority.name());
					target.setLong(3, targets.timeToOwn().toMinutes());
					target.setLong(4, targets.timeToResolve().toMinutes());
					target.addBatch();
				}
			}
			target.executeBatch();
		}
		restart("business_calendar", 2);
		restart("sla_policy", 2);
		connection.commit();
	}

	private static SlaTargets targets(Priority priority) {
		int[] hours = TARGET_HOURS[priority.ordinal()];
		return new SlaTargets(Duration.ofHours(hours[0]), Duration.ofHours(hours[1]));
	}

	// --- Service catalogue -----------------------------------------------------------------

	/** Requesters 1,981 – 2,000 are the managers of all the others, twenty teams of about a hundred. */
	private static final long FIRST_MANAGER = 28 + REQUESTERS - 20;

	/**
	 * One section and one item, "new workstation", whose form has twenty fields of every kind but
	 * attachments (one shown only when another is answered yes) and whose requests need two
	 * approvals: the requester's manager's, then any member of the N3 group's.
	 *
	 * @return the item's id
	 */
	private long catalogue() throws SQLException {
		OffsetDateTime at = time(now.minus(Duration.ofDays(60)));
		try (Statement statement = connection.createStatement()) {
			statement.executeUpdate("update app_user set manager_id = " + FIRST_MANAGER + " + mod(id, 20) where id >= 28 and id < "
					+ FIRST_MANAGER);
			statement.execute("insert into catalogue_section (id, label_fr, label_en, position) values (1, 'Matériel', 'Hardware', 0)");
		}
		try (PreparedStatement item = connection.prepareStatement("""
				insert into catalogue_item (id, section_id, label_fr, label_en, description_fr, description_en, icon,
				    ticket_type, category_id, group_id, title_template, position, active)
				values (1, 1, 'Nouveau poste de travail', 'New workstation', ?, ?, 'laptop', 'SERVICE_REQUEST', ?, 1, ?, 0, true)""")) {
			item.setString(1, "Un poste configuré, pour une arrivée ou un remplacement.");
			item.setString(2, "A configured computer, for a newcomer or a replacement.");
			item.setLong(3, leafId(0, 1));
			item.setString(4, "Nouveau poste : {model} à {site}");
			item.executeUpdate();
		}
		try (PreparedStatement version = connection.prepareStatement("""
				insert into catalogue_form_version (id, item_id, version_number, created_by_id, created_at)
				values (1, 1, 1, 1, ?)""")) {
			version.setObject(1, at);
			version.executeUpdate();
		}
		try (PreparedStatement field = connection.prepareStatement("""
				insert into catalogue_form_field (form_version_id, position, field_key, kind, label_fr, label_en, required,
				    min_length, max_length, min_value, max_value, pattern, options, shown_when_field, shown_when_value)
				values (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
			String[][] fields = {
					// key, kind, required, min length, max length, min, max, pattern, options, shown when field, value
					{ "reason", "LONG_TEXT", "true", "10", "2000" }, { "site", "CHOICE", "true", null, null, null, null, null,
							"lyon\tLyon\tLyon\nparis\tParis\tParis\nremote\tTélétravail\tRemote" },
					{ "model", "CHOICE", "true", null, null, null, null, null,
							"standard\tStandard\tStandard\ndeveloper\tDéveloppeur\tDeveloper" },
					{ "screens", "WHOLE_NUMBER", "true", null, null, "0", "3" },
					{ "budget", "NUMBER", "false", null, null, "0", "10000" },
					{ "needed-by", "DATE", "true" },
					{ "phone", "YES_NO", "true" },
					{ "phone-model", "CHOICE", "true", null, null, null, null, null,
							"basic\tSimple\tBasic\nsmart\tSmartphone\tSmartphone", "phone", "yes" },
					{ "software", "MULTIPLE_CHOICE", "false", null, null, null, null, null,
							"office\tBureautique\tOffice\nerp\tERP\tERP\ncad\tCAO\tCAD\nvpn\tVPN\tVPN" },
					{ "keyboard", "CHOICE", "true", null, null, null, null, null, "azerty\tAZERTY\tAZERTY\nqwerty\tQWERTY\tQWERTY" },
					{ "cost-centre", "SHORT_TEXT", "true", null, null, null, null, "[A-Z]{2}[0-9]{4}" },
					{ "building", "SHORT_TEXT", "true", "1", "100" }, { "floor", "WHOLE_NUMBER", "false", null, null, "-2", "40" },
					{ "office", "SHORT_TEXT", "false", null, "40" }, { "docking", "YES_NO", "false" },
					{ "headset", "YES_NO", "false" }, { "accessibility", "LONG_TEXT", "false", null, "2000" },
					{ "colleague", "USER", "false" }, { "return-old", "YES_NO", "true" },
					{ "notes", "LONG_TEXT", "false", null, "2000" } };
			for (int position = 0; position < fields.length; position++) {
				String[] f = Arrays.copyOf(fields[position], 11);
				field.setInt(1, position);
				field.setString(2, f[0]);
				field.setString(3, f[1]);
				field.setString(4, "Champ " + f[0]);
				field.setString(5, "Field " + f[0]);
				field.setBoolean(6, Boolean.parseBoolean(f[2]));
				setInteger(field, 7, f[3]);
				setInteger(field, 8, f[4]);
				for (int i = 5; i < 11; i++) {
					field.setString(i + 4, f[i]);
				}
				field.addBatch();
			}
			field.executeBatch();
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("""
					insert into catalogue_item_approval_step (item_id, position, kind, target_id, quorum)
					values (1, 0, 'MANAGER', null, 'ANY'), (1, 1, 'GROUP', 4, 'ANY')""");
		}
		restart("catalogue_section", 2);
		restart("catalogue_item", 2);
		restart("catalogue_form_version", 2);
		connection.commit();
		return 1;
	}

	private static void setInteger(PreparedStatement statement, int index, String value) throws SQLException {
		if (value == null) {
			statement.setNull(index, Types.INTEGER);
		}
		else {
			statement.setInt(index, Integer.parseInt(value));
		}
	}

	// --- Knowledge articles --------------------------------------------------------------

	/**
	 * {@code count} published articles with their first version, owned by the technicians, texts
	 * taken from the end of the text list (the tickets take it from the start), or fixed ones.
	 */
	private void articles(int count) throws SQLException {
		if (count == 0) {
			return;
		}
		String[] kinds = { "SOLUTION", "PROCEDURE", "FAQ", "KNOWN_ERROR" };
		try (PreparedStatement article = connection.prepareStatement("""
				insert into article (id, title, body, kind, audience, status, language, category_id, owner_id,
				    view_count, created_at, updated_at, published_at, version)
				values (?, ?, ?, ?, ?, 'PUBLISHED', ?, ?, ?, ?, ?, ?, ?, 0)""");
				PreparedStatement version = connection.prepareStatement("""
						insert into article_version (id, article_id, number, title, body, tags, saved_by_id, saved_at)
						values (?, ?, 1, ?, ?, '', ?, ?)""")) {
			for (int i = 0; i < count; i++) {
				long id = 1 + i;
				String text = texts.isEmpty() ? "Procédure n° " + id + " : redémarrer le poste, vérifier le réseau, puis"
						+ " rouvrir la session ; si l'imprimante reste hors ligne, la réinstaller."
						: texts.get(texts.size() - 1 - (i % texts.size()));
				String title = "Article " + id + " : " + title(text);
				OffsetDateTime written = time(now.minus(Duration.ofDays(1 + random.nextInt(700))));
				long owner = 2 + random.nextInt(TECHNICIANS);
				int p = 1;
				article.setLong(p++, id);
				article.setString(p++, title.length() > 200 ? title.substring(0, 200) : title);
				article.setString(p++, text);
				article.setString(p++, kinds[i % kinds.length]);
				article.setString(p++, i % 10 == 9 ? "INTERNAL" : "PUBLIC");
				article.setString(p++, i % 2 == 0 ? "FR" : "EN");
				article.setLong(p++, leafId(random.nextInt(ROOTS.length), 1 + random.nextInt(3)));
				article.setLong(p++, owner);
				article.setLong(p++, random.nextInt(500));
				article.setObject(p++, written);
				article.setObject(p++, written);
				article.setObject(p++, written);
				article.addBatch();
				version.setLong(1, id);
				version.setLong(2, id);
				version.setString(3, title.length() > 200 ? title.substring(0, 200) : title);
				version.setString(4, text);
				version.setLong(5, owner);
				version.setObject(6, written);
				version.addBatch();
			}
			article.executeBatch();
			version.executeBatch();
		}
		restart("article", count + 1L);
		restart("article_version", count + 1L);
		connection.commit();
	}

	// --- Tickets --------------------------------------------------------------------------

	private void tickets(int count, int open) throws SQLException {
		try (PreparedStatement ticket = connection.prepareStatement("""
				insert into ticket (id, type, title, description, requester_id, registered_by_id, channel, category_id,
				    urgency, impact, priority, group_id, assignee_id, status, pending_reason, created_at, updated_at,
				    first_response_at, owned_at, resolved_at, closed_at, solution, solution_kind, satisfaction_rating,
				    satisfaction_comment, reopen_count, sla_state, sla_due_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
				PreparedStatement history = connection.prepareStatement(
						"insert into ticket_history (id, ticket_id, at, actor_id, field, old_value, new_value) values (?, ?, ?, ?, ?, ?, ?)");
				PreparedStatement comment = connection.prepareStatement(
						"insert into ticket_comment (id, ticket_id, author_id, body, internal, created_at) values (?, ?, ?, ?, ?, ?)");
				PreparedStatement clocks = connection.prepareStatement("""
						insert into ticket_sla (ticket_id, policy_id, ticket_type, tto_target_seconds, ttr_target_seconds,
						    at_risk_percent, started_at, tto_risk_at, tto_deadline, ttr_risk_at, ttr_deadline, owned_at,
						    resolved_at, paused_since, cancelled_at, stopped, state, next_check_at)
						values (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
			TicketWriter writer = new TicketWriter(ticket, history, comment, clocks);
			long started = System.nanoTime();
			for (int i = 0; i < count; i++) {
				writer.write(1001L + i, i, count, open);
				if (i % 500 == 499 || i == count - 1) {
					ticket.executeBatch();
					clocks.executeBatch();
					history.executeBatch();
					comment.executeBatch();
				}
				if (i % 10_000 == 9_999 || i == count - 1) {
					connection.commit();
				}
				if (i % 50_000 == 49_999 || i == count - 1) {
					System.out.printf("  %,d tickets (%.0f/s)%n", i + 1, (i + 1) / ((System.nanoTime() - started) / 1e9));
				}
			}
		}
		restart("ticket", 1001L + count);
		restart("ticket_history", historyId);
		restart("ticket_comment", commentId);
		connection.commit();
	}

	/** One ticket row with its SLA clocks, history and comments; the newest tickets are the open ones. */
	private final class TicketWriter {

		private final PreparedStatement ticket;

		private final PreparedStatement history;

		private final PreparedStatement comment;

		private final PreparedStatement clocks;

		TicketWriter(PreparedStatement ticket, PreparedStatement history, PreparedStatement comment,
				PreparedStatement clocks) {
			this.ticket = ticket;
			this.history = history;
			this.comment = comment;
			this.clocks = clocks;
		}

		void write(long id, int index, int count, int open) throws SQLException {
			int closedCount = count - open;
			boolean recent = index >= closedCount;
			Instant created = (recent
					? now.minus(OPEN_SPAN).plus(OPEN_SPAN.multipliedBy(index - closedCount).dividedBy(open))
					: now.minus(SPAN).plus(SPAN.minus(OPEN_SPAN).multipliedBy(index).dividedBy(closedCount)))
				.plusSeconds(random.nextInt(600));
			Status status = status(recent);
			TicketType type = pick(TicketType.values(), 65, 25, 10);
			Channel channel = pick(Channel.values(), 18, 16, 4, 50, 7, 5);
			long requester = 28 + random.nextInt(REQUESTERS);
			int technician = 1 + random.nextInt(TECHNICIANS);
			long technicianId = 1 + technician;
			long registeredBy = channel == Channel.PORTAL || channel == Channel.API ? requester : 2 + random.nextInt(8);
			Urgency urgency = pick(Urgency.values(), 5, 20, 50, 20, 5);
			Impact impact = pick(Impact.values(), 20, 45, 20, 10, 5);
			Priority priority = matrix.priorityOf(urgency, impact, requester == 30);
			int root = random.nextInt(ROOTS.length);
			boolean unassigned = status == Status.NEW;
			Long group = unassigned ? (random.nextBoolean() ? null : Long.valueOf(1)) : Long.valueOf(groupOfTechnician(technician));

			Instant assigned = after(created, 5, 120);
			Instant owned = after(assigned, 5, 240);
			Instant resolved = status == Status.RESOLVED ? latest(owned, now.minusSeconds(3600 + random.nextInt(5 * 86400)))
					: after(owned, 30, 4320);
			Instant closed = after(resolved, 60, 10080);
			Instant pending = after(owned, 5, 60);
			boolean worked = status != Status.NEW && status != Status.ASSIGNED
					&& !(status == Status.CANCELLED && random.nextBoolean());
			boolean done = status == Status.RESOLVED || status == Status.CLOSED;
			boolean rated = status == Status.CLOSED && random.nextInt(10) < 4;
			int rating = rated ? pick(new Integer[] { 5, 4, 3, 2, 1 }, 48, 32, 12, 5, 3) : 0;
			Instant updated = status == Status.CLOSED || status == Status.CANCELLED ? closed
					: done ? resolved : worked ? owned : unassigned ? created : assigned;

			int p = 1;
			ticket.setLong(p++, id);
			ticket.setString(p++, type.name());
			if (texts.isEmpty()) {
				ticket.setString(p++, TITLES[(int) (id % TITLES.length)]);
				ticket.setString(p++, "Ticket de charge n° " + id + ". Le problème gêne le travail du service depuis ce matin.");
			}
			else {
				String text = texts.get((int) (id % texts.size()));
				ticket.setString(p++, title(text));
				ticket.setString(p++, text.length() > 4000 ? text.substring(0, 4000) : text);
			}
			ticket.setLong(p++, requester);
			ticket.setLong(p++, registeredBy);
			ticket.setString(p++, channel.name());
			ticket.setLong(p++, leafId(root, 1 + random.nextInt(3)));
			ticket.setString(p++, urgency.name());
			ticket.setString(p++, impact.name());
			ticket.setString(p++, priority.name());
			setLong(p++, group);
			setLong(p++, unassigned ? null : technicianId);
			ticket.setString(p++, status.name());
			ticket.setString(p++, status == Status.PENDING ? pick(PendingReason.values(), 60, 30, 10).name() : null);
			ticket.setObject(p++, time(created));
			ticket.setObject(p++, time(updated));
			ticket.setObject(p++, worked ? time(owned) : null);
			ticket.setObject(p++, worked ? time(owned) : null);
			ticket.setObject(p++, done ? time(resolved) : null);
			ticket.setObject(p++, status == Status.CLOSED || status == Status.CANCELLED ? time(closed) : null);
			ticket.setString(p++, done ? "Intervention faite, fonctionnement vérifié avec l'utilisateur." : null);
			ticket.setString(p++, done ? "PERMANENT" : null);
			setLong(p++, rated ? (long) rating : null);
			ticket.setString(p++, rated && rating >= 4 ? "Merci, efficace." : null);
			ticket.setInt(p++, done && random.nextInt(100) < 3 ? 1 : 0);
			TicketSla sla = new TicketSla(id, type, 1L, targets(priority), created, CALENDAR);
			if (worked) {
				sla.owned(owned, CALENDAR);
			}
			if (status == Status.PENDING) {
				sla.pause(pending);
			}
			if (done) {
				sla.resolved(resolved, CALENDAR);
			}
			boolean stopped = status == Status.CLOSED || status == Status.CANCELLED;
			if (status == Status.CLOSED) {
				sla.closed();
			}
			else if (status == Status.CANCELLED) {
				sla.cancelled(closed, CALENDAR);
			}
			sla.refresh(now);
			ticket.setString(p++, sla.getState().name());
			ticket.setObject(p, sla.nextDeadline() == null ? null : time(sla.nextDeadline()));
			ticket.addBatch();
			clock(sla, type, created, stopped);

			// The main lines of the history only: a ticket seeded with every line the application
			// writes would triple the seeding time without changing what the benchmarks read.
			change(id, created, registeredBy, "status", null, "NEW");
			if (unassigned) {
				return;
			}
			change(id, assigned, 2, "assignee", null, "bench-tech-" + technician);
			if (!worked) {
				if (status == Status.CANCELLED) {
					change(id, closed, technicianId, "status", "ASSIGNED", "CANCELLED");
				}
				return;
			}
			change(id, owned, technicianId, "status", "ASSIGNED", "IN_PROGRESS");
			reply(id, owned, technicianId, "Bonjour, je prends votre demande en charge.");
			switch (status) {
				case PENDING -> change(id, pending, technicianId, "status", "IN_PROGRESS", "PENDING");
				case CANCELLED -> change(id, closed, technicianId, "status", "IN_PROGRESS", "CANCELLED");
				case RESOLVED, CLOSED -> {
					change(id, resolved, technicianId, "status", "IN_PROGRESS", "RESOLVED");
					if (status == Status.CLOSED) {
						boolean accepted = random.nextInt(4) > 0;
						change(id, closed, accepted ? requester : null, "status", "RESOLVED", "CLOSED");
					}
				}
				default -> {
				}
			}
			if (random.nextInt(3) == 0) {
				reply(id, after(owned, 10, 600), requester, "Merci, je reste disponible.");
			}
		}

		/** The clocks as the sla module leaves them, on the 24/7 calendar where business time is elapsed time. */
		private void clock(TicketSla sla, TicketType type, Instant started, boolean stopped) throws SQLException {
			int p = 1;
			clocks.setLong(p++, sla.getTicketId());
			clocks.setString(p++, type.name());
			clocks.setLong(p++, sla.timeToOwn().toSeconds());
			clocks.setLong(p++, sla.timeToResolve().toSeconds());
			clocks.setInt(p++, SlaTargets.DEFAULT_AT_RISK_PERCENT);
			clocks.setObject(p++, time(started));
			clocks.setObject(p++, time(started.plus(atRisk(sla.timeToOwn()))));
			clocks.setObject(p++, time(sla.getTtoDeadline()));
			clocks.setObject(p++, time(started.plus(atRisk(sla.timeToResolve()))));
			clocks.setObject(p++, time(sla.getTtrDeadline()));
			clocks.setObject(p++, sla.getOwnedAt() == null ? null : time(sla.getOwnedAt()));
			clocks.setObject(p++, sla.getResolvedAt() == null ? null : time(sla.getResolvedAt()));
			clocks.setObject(p++, sla.pausedSince() == null ? null : time(sla.pausedSince()));
			clocks.setObject(p++, sla.getCancelledAt() == null ? null : time(sla.getCancelledAt()));
			clocks.setBoolean(p++, stopped);
			clocks.setString(p++, sla.getState().name());
			Instant next = stopped ? null : sla.nextChange(now);
			clocks.setObject(p, next == null ? null : time(next));
			clocks.addBatch();
		}

		private static Duration atRisk(Duration target) {
			return target.multipliedBy(SlaTargets.DEFAULT_AT_RISK_PERCENT).dividedBy(100);
		}

		private Status status(boolean recent) {
			if (recent) {
				return pick(new Status[] { Status.NEW, Status.ASSIGNED, Status.IN_PROGRESS, Status.PENDING,
						Status.RESOLVED }, 20, 20, 35, 15, 10);
			}
			return random.nextInt(1000) < 35 ? Status.CANCELLED : Status.CLOSED;
		}

		private void change(long ticketId, Instant at, Long actor, String field, String oldValue, String newValue)
				throws SQLException {
			history.setLong(1, historyId++);
			history.setLong(2, ticketId);
			history.setObject(3, time(at));
			if (actor == null) {
				history.setNull(4, Types.BIGINT);
			}
			else {
				history.setLong(4, actor);
			}
			history.setString(5, field);
			history.setString(6, oldValue);
			history.setString(7, newValue);
			history.addBatch();
		}

		private void change(long ticketId, Instant at, long actor, String field, String oldValue, String newValue)
				throws SQLException {
			change(ticketId, at, Long.valueOf(actor), field, oldValue, newValue);
		}

		private void reply(long ticketId, Instant at, long author, String body) throws SQLException {
			comment.setLong(1, commentId++);
			comment.setLong(2, ticketId);
			comment.setLong(3, author);
			comment.setString(4, body);
			comment.setBoolean(5, false);
			comment.setObject(6, time(at));
			comment.addBatch();
		}

		private void setLong(int index, Long value) throws SQLException {
			if (value == null) {
				ticket.setNull(index, Types.BIGINT);
			}
			else {
				ticket.setLong(index, value);
			}
		}

		/** Some minutes later, but never in the future. */
		private Instant after(Instant from, int minMinutes, int maxMinutes) {
			Instant at = from.plusSeconds(60L * (minMinutes + random.nextInt(maxMinutes - minMinutes + 1)));
			return at.isAfter(now) ? latest(from, now) : at;
		}

		private Instant latest(Instant a, Instant b) {
			return a.isAfter(b) ? a : b;
		}

		private <T> T pick(T[] values, int... weights) {
			int total = 0;
			for (int weight : weights) {
				total += weight;
			}
			int draw = random.nextInt(total);
			for (int i = 0; i < weights.length; i++) {
				draw -= weights[i];
				if (draw < 0) {
					return values[i];
				}
			}
			throw new IllegalArgumentException("weights");
		}

	}

	private static OffsetDateTime time(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}

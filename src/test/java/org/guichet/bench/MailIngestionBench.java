package org.guichet.bench;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.guichet.mail.inbound.InboundMail;
import org.guichet.mail.inbound.InboundMails;
import org.guichet.mail.inbound.MailKind;

/**
 * Incoming mail for the ingestion's bar (IMAP fetch to committed ticket, ≥ 200 messages/s): makes
 * {@code --messages} (20,000) messages of an {@link IngestionMix} ({@code --reply-share} 0.4 replies,
 * {@code --auto-share} 0.1 auto-replies, the rest new requests; {@code --seed} 1; from
 * {@code --senders}, comma-separated, by default 50 {@code bench-requester-N@example.org}; to
 * {@code --to}, {@code support@localhost}), then:
 * <ol>
 * <li>always: the CPU time of {@link InboundMails#read} on each message of the mix, per kind of
 * message (the reading's share of the ingestion's budget), after one unmeasured pass;</li>
 * <li>with {@code --imap-port}: the mailbox end to end. Appends the messages to the folder
 * {@code --staging} ({@code bench-staging}, which Guichet does not read) of the IMAP account
 * {@code --user} / {@code --password} on {@code --imap-host} (127.0.0.1; {@code --imap-protocol}
 * {@code imap} or {@code imaps}); with {@code --imap greenmail} (or {@code --start-greenmail true}),
 * a GreenMail started here instead (IMAP on {@code --imap-port}, SMTP on {@code --smtp-port}, 3025,
 * the account created), whose {@code INBOX} the messages are delivered to in-process; with
 * {@code --imap dovecot}, a private {@link DovecotServer} started from {@code --dovecot-dir}
 * ({@code target/bench-dovecot}) on {@code --imap-port}, the messages written into its maildir,
 * and an {@link SmtpSink} on {@code --smtp-port} for Guichet's own mails (see {@link #delivered}:
 * the server's CPU is measured apart). Then, after
 * Enter is pressed (or at once with {@code --wait false}), copies them all to {@code INBOX} in one
 * command and measures until {@code INBOX} holds no unread message: Guichet marks a message read,
 * moves or deletes it only once its ticket or follow-up is committed, so that moment is the last
 * commit. With {@code --feed-chunk N}, copies N messages at a time instead, the next N whenever
 * {@code INBOX} holds fewer than {@code --feed-below} (2 N) unread ones: with a mailbox that moves or
 * deletes what it ingested, the folder stays small (GreenMail's commands cost more the more messages
 * a folder holds) while Guichet always has messages waiting. With {@code --app-pid} (and
 * {@code --postgres-pid}), the CPU of those processes meanwhile.</li>
 * </ol>
 * Prints Markdown rows.
 */
public final class MailIngestionBench {

	/** Guichet's threads that read mailboxes and ingest their messages (Linux keeps 15 characters of a name). */
	private static final String[] INGESTION_THREADS = { "mailbox-reader-", "mail-ingest-" };

	/**
	 * Hibernate Search's threads (its outbox's processor reading the events each change of a ticket
	 * writes, the backend's indexing workers; Lucene's merge threads end too soon to be counted).
	 */
	private static final String[] SEARCH_THREADS = { "Hibernate Searc" };

	/** The JVM's JIT compilers, busy long after a start on a loaded machine. */
	private static final String[] COMPILER_THREADS = { "C1 CompilerThre", "C2 CompilerThre" };

	/** Keeps the JIT from dropping the reading whose result nothing else uses. */
	private static volatile int blackhole;

	private MailIngestionBench() {
	}

	public static void main(String[] args) throws Exception {
		BenchArguments arguments = new BenchArguments(args);
		int count = arguments.getInt("messages", 20_000);
		List<String> senders = senders(arguments.get("senders", ""));
		IngestionMix mix = new IngestionMix(Path.of(arguments.get("corpus", "src/test/resources/mail/corpus")), senders,
				arguments.get("to", "support@localhost"), Long.parseLong(arguments.get("seed", "1")));
		double replyShare = Double.parseDouble(arguments.get("reply-share", "0.4"));
		double autoShare = Double.parseDouble(arguments.get("auto-share", "0.1"));
		List<IngestionMix.Message> messages = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			messages.add(mix.next(replyShare, autoShare));
		}
		reading(messages);
		if (!arguments.get("imap-port", "").isEmpty()) {
			mailbox(arguments, messages);
		}
	}

	private static List<String> senders(String given) {
		if (!given.isBlank()) {
			return Arrays.stream(given.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
		}
		return IntStream.range(0, 50).mapToObj(i -> "bench-requester-" + i + "@example.org").toList();
	}

	/**
	 * Reads each message twice with {@link InboundMails#read}, measuring the second pass's CPU per
	 * kind; the first pass checks that the mix reads as meant (a reply answers its parent, an
	 * auto-reply is one, a request or reply is {@code NORMAL}) and says how many do not.
	 */
	private static void reading(List<IngestionMix.Message> messages) {
		int sink = 0;
		int unexpected = 0;
		for (IngestionMix.Message message : messages) {
			InboundMail mail = InboundMails.read(message.raw());
			sink += mail.newText().length();
			MailKind expected = message.role() == IngestionMix.Role.AUTO_REPLY ? MailKind.AUTO_REPLY : MailKind.NORMAL;
			boolean threaded = message.role() == IngestionMix.Role.NEW
					|| message.inReplyTo().equals("<" + mail.inReplyTo() + ">");
			if (mail.classification().kind() != expected || !threaded
					|| !message.messageId().equals("<" + mail.messageId() + ">")) {
				unexpected++;
			}
		}
		System.err.printf("%d of %d messages do not read as the mix meant them%n", unexpected, messages.size());
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Map<IngestionMix.Role, long[]> byRole = new EnumMap<>(IngestionMix.Role.class);
		long bytes = 0;
		for (IngestionMix.Message message : messages) {
			long start = threads.getCurrentThreadCpuTime();
			sink += InboundMails.read(message.raw()).newText().length();
			long[] totals = byRole.computeIfAbsent(message.role(), role -> new long[2]);
			totals[0]++;
			totals[1] += threads.getCurrentThreadCpuTime() - start;
			bytes += message.raw().length;
		}
		blackhole = sink;
		System.out.println("| messages of the mix | count | share | `InboundMails.read` CPU ms/message |");
		System.out.println("|---|---|---|---|");
		long all = 0;
		long allNanos = 0;
		for (Map.Entry<IngestionMix.Role, long[]> entry : byRole.entrySet()) {
			long[] totals = entry.getValue();
			all += totals[0];
			allNanos += totals[1];
			System.out.printf(Locale.ROOT, "| %s | %d | %.0f %% | %.3f |%n", entry.getKey(), totals[0],
					100.0 * totals[0] / messages.size(), totals[1] / 1e6 / totals[0]);
		}
		System.out.printf(Locale.ROOT, "| all (%.1f kB on average) | %d | 100 %% | **%.3f** |%n", bytes / 1e3 / all, all,
				allNanos / 1e6 / all);
	}

	private static void mailbox(BenchArguments arguments, List<IngestionMix.Message> messages) throws Exception {
		String host = arguments.get("imap-host", "127.0.0.1");
		int port = arguments.getInt("imap-port", 3143);
		String user = arguments.get("user", "support@localhost");
		String password = arguments.get("password", "support");
		String protocol = arguments.get("imap-protocol", "imap");
		String imap = arguments.get("imap", Boolean.parseBoolean(arguments.get("start-greenmail", "false")) ? "greenmail" : "");
		if (imap.equals("dovecot")) {
			try (DovecotServer dovecot = DovecotServer.start(Path.of(arguments.get("dovecot-dir", "target/bench-dovecot")),
					port, user, password); SmtpSink sink = new SmtpSink(arguments.getInt("smtp-port", 3025))) {
				System.err.printf("Dovecot (pid %s) serves %s / %s on IMAP 127.0.0.1:%d, plain text; an SMTP sink takes"
						+ " Guichet's mails on %d%n", dovecot.pid(), user, password, port, arguments.getInt("smtp-port", 3025));
				delivered(arguments, messages.size(), new Delivery() {
					@Override
					public void deliver(int index) throws Exception {
						dovecot.deliver(messages.get(index).raw());
					}

					@Override
					public int unseen() throws Exception {
						return dovecot.unseen();
					}
				}, dovecot.pid());
			}
			return;
		}
		if (imap.equals("greenmail")) {
			GreenMail greenMail = new GreenMail(new ServerSetup[] { new ServerSetup(port, host, ServerSetup.PROTOCOL_IMAP),
					new ServerSetup(arguments.getInt("smtp-port", 3025), host, ServerSetup.PROTOCOL_SMTP) });
			greenMail.start();
			GreenMailUser account = greenMail.setUser(user, user, password);
			try {
				MailFolder inbox = greenMail.getManagers().getImapHostManager().getInbox(account);
				Session session = Session.getInstance(new Properties());
				List<MimeMessage> parsed = new ArrayList<>(messages.size());
				for (IngestionMix.Message message : messages) {
					parsed.add(new MimeMessage(session, new ByteArrayInputStream(message.raw())));
				}
				delivered(arguments, parsed.size(), new Delivery() {
					@Override
					public void deliver(int index) throws Exception {
						inbox.appendMessage(parsed.get(index), new Flags(), new Date());
					}

					@Override
					public int unseen() {
						return inbox.getUnseenCount();
					}
				}, "");
			}
			finally {
				greenMail.stop();
			}
			return;
		}
		Properties properties = new Properties();
		properties.put("mail." + protocol + ".ssl.trust", "*");
		Session session = Session.getInstance(properties);
		try (Store store = session.getStore(protocol)) {
			store.connect(host, port, user, password);
			Folder staging = store.getFolder(arguments.get("staging", "bench-staging"));
			if (!staging.exists()) {
				staging.create(Folder.HOLDS_MESSAGES);
			}
			long start = System.nanoTime();
			for (int from = 0; from < messages.size(); from += 500) {
				List<Message> chunk = new ArrayList<>();
				for (IngestionMix.Message message : messages.subList(from, Math.min(messages.size(), from + 500))) {
					chunk.add(new MimeMessage(session, new ByteArrayInputStream(message.raw())));
				}
				staging.appendMessages(chunk.toArray(Message[]::new));
			}
			System.err.printf(Locale.ROOT, "%d messages appended to %s in %.1f s%n", messages.size(), staging.getFullName(),
					(System.nanoTime() - start) / 1e9);
			if (Boolean.parseBoolean(arguments.get("wait", "true"))) {
				System.err.printf("Point Guichet's mailbox at %s:%d (%s, user %s), let it start polling, then press Enter.%n",
						host, port, protocol, user);
				while (System.in.read() != '\n') {
					// until Enter
				}
			}
			measure(arguments, store, staging, messages.size());
		}
	}

	/** How the bench hands messages to a mail server it started, as a delivery agent would, and counts what is left. */
	private interface Delivery {

		/** Delivers the mix's message {@code index} into the account's {@code INBOX}. */
		void deliver(int index) throws Exception;

		/** The messages of {@code INBOX} not yet marked seen nor deleted by Guichet. */
		int unseen() throws Exception;

	}

	/**
	 * The {@code count} messages delivered into the started server's {@code INBOX} without IMAP
	 * {@code APPEND} (which GreenMail 2.1 can leave waiting for a literal that never ends): all at
	 * once, or {@code --feed-chunk} at a time whenever fewer than {@code --feed-below} are unseen;
	 * measured until none is left unseen. The bench JVM's CPU is counted apart (the delivery, and
	 * GreenMail when it runs here), and the process tree {@code serverPid} (Dovecot) apart too.
	 */
	private static void delivered(BenchArguments arguments, int count, Delivery delivery, String serverPid)
			throws Exception {
		if (Boolean.parseBoolean(arguments.get("wait", "true"))) {
			System.err.printf("%d messages ready. Point Guichet's mailbox at the IMAP port %s (user %s), let it start"
					+ " polling, then press Enter.%n", count, arguments.get("imap-port", ""), arguments.get("user", ""));
			while (System.in.read() != '\n') {
				// until Enter
			}
		}
		String appPid = arguments.get("app-pid", "");
		String postgresPid = arguments.get("postgres-pid", "");
		long appCpu = ProcessCpu.tree(appPid);
		long ingestionCpu = ProcessCpu.threads(appPid, INGESTION_THREADS);
		long searchCpu = ProcessCpu.threads(appPid, SEARCH_THREADS);
		long compilerCpu = ProcessCpu.threads(appPid, COMPILER_THREADS);
		long postgresCpu = ProcessCpu.tree(postgresPid);
		long serverCpu = ProcessCpu.tree(serverPid);
		long benchCpu = ProcessCpu.self();
		String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		int chunk = arguments.getInt("feed-chunk", 0);
		int below = arguments.getInt("feed-below", 2 * chunk);
		long start = System.nanoTime();
		long deadline = start + arguments.getInt("timeout", 900) * 1_000_000_000L;
		int copied = 0;
		int unread = 0;
		while (true) {
			if (copied < count && (chunk <= 0 || unread < below)) {
				int next = chunk <= 0 ? count : Math.min(count, copied + chunk);
				for (int i = copied; i < next; i++) {
					delivery.deliver(i);
				}
				copied = next;
			}
			unread = delivery.unseen();
			if ((unread == 0 && copied == count) || System.nanoTime() > deadline) {
				break;
			}
			Thread.sleep(chunk <= 0 ? 250 : 20);
		}
		unread += count - copied;
		double seconds = (System.nanoTime() - start) / 1e9;
		appCpu = ProcessCpu.tree(appPid) - appCpu;
		ingestionCpu = ProcessCpu.threads(appPid, INGESTION_THREADS) - ingestionCpu;
		searchCpu = ProcessCpu.threads(appPid, SEARCH_THREADS) - searchCpu;
		compilerCpu = ProcessCpu.threads(appPid, COMPILER_THREADS) - compilerCpu;
		postgresCpu = ProcessCpu.tree(postgresPid) - postgresCpu;
		serverCpu = ProcessCpu.tree(serverPid) - serverCpu;
		benchCpu = ProcessCpu.self() - benchCpu;
		String loadAfter = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		System.out.println("| messages | unseen left | seconds | messages/s | app CPU ms/message: all / reading and ingestion threads / search index threads / JIT compilers | bench JVM (delivery; GreenMail when in it) CPU ms/message | Dovecot CPU ms/message | PostgreSQL CPU ms/message | load (before – after) |");
		System.out.println("|---|---|---|---|---|---|---|---|---|");
		System.out.printf(Locale.ROOT, "| %d | %d | %.1f | **%.0f** | %s | %.2f | %s | %s | %s – %s |%n", count, unread, seconds,
				(count - unread) / seconds, appPid.isBlank() ? "–" : String.format(Locale.ROOT, "%.2f / %.2f / %.2f / %.2f",
						appCpu / 1e6 / count, ingestionCpu / 1e6 / count, searchCpu / 1e6 / count, compilerCpu / 1e6 / count),
				benchCpu / 1e6 / count,
				serverPid.isBlank() ? "–" : String.format(Locale.ROOT, "%.2f", serverCpu / 1e6 / count),
				postgresPid.isBlank() ? "–" : String.format(Locale.ROOT, "%.2f", postgresCpu / 1e6 / count), load, loadAfter);
	}

	private static void measure(BenchArguments arguments, Store store, Folder staging, int count) throws Exception {
		Folder inbox = store.getFolder("INBOX");
		String appPid = arguments.get("app-pid", "");
		String postgresPid = arguments.get("postgres-pid", "");
		long appCpu = ProcessCpu.tree(appPid);
		long postgresCpu = ProcessCpu.tree(postgresPid);
		String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		staging.open(Folder.READ_WRITE);
		int chunk = arguments.getInt("feed-chunk", 0);
		int below = arguments.getInt("feed-below", 2 * chunk);
		long start = System.nanoTime();
		int copied = chunk <= 0 ? count : Math.min(chunk, count);
		staging.copyMessages(staging.getMessages(1, copied), inbox);
		long deadline = start + arguments.getInt("timeout", 900) * 1_000_000_000L;
		int unread;
		do {
			Thread.sleep(chunk <= 0 ? 250 : 50);
			unread = inbox.getUnreadMessageCount();
			if (copied < count && unread < below) {
				int next = Math.min(count, copied + chunk);
				staging.copyMessages(staging.getMessages(copied + 1, next), inbox);
				unread += next - copied;
				copied = next;
			}
			System.err.printf(Locale.ROOT, "%.1f s: %d unread in INBOX, %d copied%n", (System.nanoTime() - start) / 1e9,
					unread, copied);
		}
		while ((unread > 0 || copied < count) && System.nanoTime() < deadline);
		unread += count - copied;
		double seconds = (System.nanoTime() - start) / 1e9;
		appCpu = ProcessCpu.tree(appPid) - appCpu;
		postgresCpu = ProcessCpu.tree(postgresPid) - postgresCpu;
		String loadAfter = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		staging.close(false);
		System.out.println("| messages | unread left | seconds | messages/s | app CPU ms/message | PostgreSQL CPU ms/message | load (before – after) |");
		System.out.println("|---|---|---|---|---|---|---|");
		System.out.printf(Locale.ROOT, "| %d | %d | %.1f | **%.0f** | %s | %s | %s – %s |%n", count, unread, seconds,
				(count - unread) / seconds, appPid.isBlank() ? "–" : String.format(Locale.ROOT, "%.2f", appCpu / 1e6 / count),
				postgresPid.isBlank() ? "–" : String.format(Locale.ROOT, "%.2f", postgresCpu / 1e6 / count), load, loadAfter);
	}

}

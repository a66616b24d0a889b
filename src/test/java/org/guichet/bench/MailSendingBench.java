package org.guichet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.guichet.GuichetApplication;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.mail.MailKind;
import org.guichet.mail.MailNotice;
import org.guichet.mail.MailOutbox;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How fast the outbox's job empties a full outbox: from {@code --mails} (20,000) mails
 * {@code QUEUED} to all of them {@code SENT} in the table, through a local SMTP server.
 * <p>
 * Starts the SMTP server and Guichet in this JVM (H2 in a new temporary directory, or
 * {@code --datasource-url} with {@code --datasource-username} and {@code --datasource-password},
 * such as a {@link SeededPostgres}), writes the mails through {@link MailOutbox#queue} (rendered in
 * the recipient's language, 10 per ticket so that each chains the ticket's earlier ones, to
 * {@code --recipients} (20) users; only {@code --distinct} (2,000) of them, the others are copies
 * of those by SQL) held back with a far {@code next_attempt_at}, then makes them
 * all due at once and waits until the last is {@code SENT}. The time is from that moment to the
 * greatest {@code sent_at}. First a round of {@code --warmup} (2,000) mails, not measured.
 * <p>
 * The SMTP server is {@code --sink socket} ({@link SmtpSink}: takes and counts, parses nothing) or
 * {@code --sink greenmail} (parses and keeps each message: it costs more than the sending). The
 * job's settings: {@code --batch} ({@code guichet.mail.batch-size}, 100), {@code --send-threads}
 * ({@code guichet.mail.send-threads}, 1), {@code --send-interval} (50ms). CPU: this JVM's from
 * {@code /proc/self/stat}, the sink's threads apart, and with {@code --postgres-pid} the PostgreSQL
 * server's and its backends'. Prints one Markdown row.
 */
public final class MailSendingBench {

	/** The {@code next_attempt_at} of the mails written and held back until the measure starts. */
	private static final Timestamp HELD = Timestamp.from(Instant.parse("2999-01-01T00:00:00Z"));

	private MailSendingBench() {
	}

	public static void main(String[] args) throws Exception {
		BenchArguments arguments = new BenchArguments(args);
		int mails = arguments.getInt("mails", 20_000);
		int warmup = arguments.getInt("warmup", 2_000);
		String sinkKind = arguments.get("sink", "socket");
		String postgresPid = arguments.get("postgres-pid", "");
		Path data = Files.createTempDirectory("guichet-mail-sending-bench");
		SmtpSink sink = null;
		GreenMail greenMail = null;
		int port;
		if (sinkKind.equals("greenmail")) {
			port = arguments.getInt("port", 3926);
			greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			greenMail.start();
		}
		else {
			sink = new SmtpSink(arguments.getInt("port", 0));
			port = sink.port();
		}
		String url = arguments.get("datasource-url", "jdbc:h2:file:" + data + "/guichet;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
		ConfigurableApplicationContext context = SpringApplication.run(GuichetApplication.class,
				"--guichet.data-dir=" + data, "--server.port=0", "--spring.main.banner-mode=off",
				"--logging.level.root=warn", "--spring.datasource.url=" + url,
				"--spring.datasource.username=" + arguments.get("datasource-username", "sa"),
				"--spring.datasource.password=" + arguments.get("datasource-password", ""),
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + port, "--guichet.base-url=https://desk.example",
				"--guichet.mail.send-interval=" + arguments.get("send-interval", "50ms"),
				"--guichet.mail.batch-size=" + arguments.getInt("batch", 100),
				"--guichet.mail.send-threads=" + arguments.getInt("send-threads", 1),
				"--guichet.tickets.auto-close.enabled=false", "--guichet.tickets.survey.invitations.enabled=false");
		try {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
			List<Long> recipients = recipients(context, arguments.getInt("recipients", 20));
			MailOutbox outbox = context.getBean(MailOutbox.class);
			int perTransaction = arguments.getInt("per-transaction", 200);
			int distinct = arguments.getInt("distinct", 2_000);
			queue(transaction, jdbc, outbox, recipients, 0, warmup, perTransaction, distinct);
			send(jdbc, sink, postgresPid);
			queue(transaction, jdbc, outbox, recipients, warmup, mails, perTransaction, distinct);
			String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
			Result result = send(jdbc, sink, postgresPid);
			String loadAfter = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
			long received = sink != null ? sink.received() : greenMail.getReceivedMessages().length;
			System.out.println("| database | SMTP server | send threads | batch | mails | seconds | mails/s | CPU ms/mail: JVM without the SMTP server | SMTP server | PostgreSQL | load (1 min, before – after) | received |");
			System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
			System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %d | %.2f | **%.0f** | **%.3f** | %s | %s | %s – %s | %d |%n",
					url.startsWith("jdbc:postgresql") ? "PostgreSQL" : "H2", sinkKind,
					arguments.getInt("send-threads", 1), arguments.getInt("batch", 100), mails, result.seconds(),
					mails / result.seconds(), (result.jvmCpu() - result.sinkCpu()) / 1e6 / mails,
					sink != null ? String.format(Locale.ROOT, "%.3f", result.sinkCpu() / 1e6 / mails) : "(in the JVM)",
					postgresPid.isBlank() ? "–" : String.format(Locale.ROOT, "%.3f", result.postgresCpu() / 1e6 / mails),
					load, loadAfter, received);
		}
		finally {
			context.close();
			if (sink != null) {
				sink.close();
			}
			if (greenMail != null) {
				greenMail.stop();
			}
		}
	}

	/** The wall seconds from due to the last {@code SENT}, and the CPU nanoseconds meanwhile. */
	private record Result(double seconds, long jvmCpu, long sinkCpu, long postgresCpu) {
	}

	private static List<Long> recipients(ConfigurableApplicationContext context, int count) {
		UserRepository users = context.getBean(UserRepository.class);
		String run = Long.toString(System.currentTimeMillis(), 36);
		List<Long> recipients = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			User user = new User("bench-" + run + "-" + i, "{noop}x", "Bench User " + i, Role.REQUESTER, Instant.now());
			user.setEmail("bench-" + run + "-" + i + "@example.org");
			user.setLanguage(i % 2 == 0 ? "fr" : "en");
			recipients.add(users.save(user).getId());
		}
		return recipients;
	}

	/**
	 * Writes {@code count} mails, held back until {@link #send} makes them due: {@code distinct}
	 * through {@link MailOutbox#queue}, the rest copies of those made by SQL with Message-IDs of
	 * their own (rendering is not what is measured, and it took minutes on a loaded machine).
	 */
	private static void queue(TransactionTemplate transaction, JdbcTemplate jdbc, MailOutbox outbox,
			List<Long> recipients, int first, int count, int perTransaction, int distinct) {
		long start = System.nanoTime();
		int written = Math.min(count, distinct);
		write(transaction, jdbc, outbox, recipients, first, written, perTransaction);
		for (int copy = 1; written < count; copy++) {
			int copies = Math.min(Math.min(count, distinct), count - written);
			String suffix = ".copy" + first + "-" + copy + "@";
			jdbc.update("insert into mail_outbox (message_id, ticket_id, recipient_id, recipient, language, kind, subject,"
					+ " in_reply_to, reference_ids, auto_submitted, status, attempts, next_attempt_at,"
					+ " created_at) select replace(message_id, '@', '" + suffix + "'), ticket_id,"
					+ " recipient_id, recipient, language, kind, subject, in_reply_to, reference_ids,"
					+ " auto_submitted, status, attempts, next_attempt_at, created_at from mail_outbox"
					+ " where status = 'QUEUED' and next_attempt_at = ? and message_id not like '%.copy%'"
					+ " order by id fetch first " + copies + " rows only", HELD);
			jdbc.update("insert into mail_outbox_body (mail_id, html_body, text_body)"
					+ " select c.id, b.html_body, b.text_body from mail_outbox c"
					+ " join mail_outbox o on o.message_id = replace(c.message_id, '" + suffix + "', '@')"
					+ " join mail_outbox_body b on b.mail_id = o.id"
					+ " where c.status = 'QUEUED' and c.next_attempt_at = ? and c.message_id like '%" + suffix + "%'", HELD);
			written += copies;
		}
		System.err.printf(Locale.ROOT, "queued %d mails in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
	}

	private static void write(TransactionTemplate transaction, JdbcTemplate jdbc, MailOutbox outbox,
			List<Long> recipients, int first, int count, int perTransaction) {
		for (int written = first; written < first + count; written += perTransaction) {
			int from = written;
			transaction.executeWithoutResult(status -> {
				for (int i = from; i < Math.min(first + count, from + perTransaction); i++) {
					long ticket = 2_000_000L + i / 10;
					outbox.queue(recipients.get(i % recipients.size()), MailNotice.of(MailKind.values()[i % 6], ticket,
							"Bench ticket " + ticket, "/portal/tickets/" + ticket));
				}
				jdbc.update("update mail_outbox set next_attempt_at = ? where status = 'QUEUED' and next_attempt_at < ?",
						HELD, HELD);
			});
		}
	}

	/** Makes the held mails due and waits until none is left waiting or being sent. */
	private static Result send(JdbcTemplate jdbc, SmtpSink sink, String postgresPid) throws Exception {
		long jvmCpu = ProcessCpu.self();
		long sinkCpu = sink == null ? 0 : sink.cpuNanos();
		long postgresCpu = ProcessCpu.tree(postgresPid);
		Instant due = Instant.now();
		jdbc.update("update mail_outbox set next_attempt_at = ? where status = 'QUEUED' and next_attempt_at = ?",
				Timestamp.from(due), HELD);
		Integer left;
		do {
			Thread.sleep(200);
			left = jdbc.queryForObject("select count(*) from mail_outbox where status in ('QUEUED', 'SENDING')",
					Integer.class);
		}
		while (left != null && left > 0);
		Result result = new Result(0, ProcessCpu.self() - jvmCpu, sink == null ? 0 : sink.cpuNanos() - sinkCpu,
				ProcessCpu.tree(postgresPid) - postgresCpu);
		Integer failed = jdbc.queryForObject("select count(*) from mail_outbox where status = 'FAILED'", Integer.class);
		if (failed != null && failed > 0) {
			throw new IllegalStateException(failed + " mails FAILED: the measure is not one of sending");
		}
		Timestamp last = jdbc.queryForObject("select max(sent_at) from mail_outbox", Timestamp.class);
		double seconds = Duration.between(due, last.toInstant()).toNanos() / 1e9;
		return new Result(seconds, result.jvmCpu(), result.sinkCpu(), result.postgresCpu());
	}

}

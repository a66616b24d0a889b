package org.guichet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * Outgoing notifications per second through a local SMTP server: starts GreenMail (SMTP on
 * {@code --port}, 3925) and Guichet in this JVM (H2 in a new temporary directory, or
 * {@code --datasource-url}), writes {@code --mails} (5,000) mails through {@link MailOutbox}
 * ({@code --per-transaction} (50) per transaction, as many changes would; 10 mails per ticket, so
 * that each chains the ticket's earlier ones) to {@code --recipients} (20) users, and waits until
 * the SMTP server has received them all, sent by the outbox's job ({@code guichet.mail.batch-size},
 * {@code --batch}, 100 per SMTP connection). Prints the rate of writing, of sending (first mail
 * written to last mail received) and the CPU time of this JVM (Guichet and GreenMail together).
 */
public final class MailOutboxBench {

	private MailOutboxBench() {
	}

	public static void main(String[] args) throws Exception {
		BenchArguments arguments = new BenchArguments(args);
		int mails = arguments.getInt("mails", 5000);
		int perTransaction = arguments.getInt("per-transaction", 50);
		int recipientCount = arguments.getInt("recipients", 20);
		int port = arguments.getInt("port", 3925);
		Path data = Files.createTempDirectory("guichet-mail-bench");
		GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		ConfigurableApplicationContext context = SpringApplication.run(GuichetApplication.class,
				"--guichet.data-dir=" + data, "--server.port=0", "--spring.main.banner-mode=off",
				"--logging.level.root=warn",
				"--spring.datasource.url=" + arguments.get("datasource-url",
						"jdbc:h2:file:" + data + "/guichet;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"),
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + port, "--guichet.base-url=https://desk.example",
				"--guichet.mail.send-interval=50ms", "--guichet.mail.batch-size=" + arguments.getInt("batch", 100),
				"--guichet.tickets.auto-close.enabled=false", "--guichet.tickets.survey.invitations.enabled=false");
		try {
			UserRepository users = context.getBean(UserRepository.class);
			TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
			List<Long> recipients = new ArrayList<>();
			for (int i = 0; i < recipientCount; i++) {
				User user = new User("bench-" + i, "{noop}x", "Bench User " + i, Role.REQUESTER, Instant.now());
				user.setEmail("bench-" + i + "@example.org");
				user.setLanguage(i % 2 == 0 ? "fr" : "en");
				recipients.add(users.save(user).getId());
			}
			MailOutbox outbox = context.getBean(MailOutbox.class);
			int warmup = arguments.getInt("warmup", 1000);
			round(smtp, transaction, outbox, recipients, 0, warmup, perTransaction);
			long cpuBefore = ProcessCpu.self();
			long start = System.nanoTime();
			double[] phases = round(smtp, transaction, outbox, recipients, warmup, mails, perTransaction);
			double sendSeconds = (System.nanoTime() - start) / 1e9;
			double cpuSeconds = (ProcessCpu.self() - cpuBefore) / 1e9;
			Integer sent = context.getBean(JdbcTemplate.class)
				.queryForObject("select count(*) from mail_outbox where status = 'SENT'", Integer.class);
			System.out.printf(Locale.ROOT,
					"| %d mails after %d unmeasured, %d per transaction | written %.0f/s | received by SMTP %.0f/s (%.1f s) | CPU %.1f s (%.2f ms/mail; writing %.2f ms/mail) | %d SENT rows, %d received |%n",
					mails, warmup, perTransaction, mails / phases[0], mails / sendSeconds, sendSeconds, cpuSeconds,
					cpuSeconds * 1000 / mails, phases[1] * 1000 / mails, sent, smtp.getReceivedMessages().length);
		}
		finally {
			context.close();
			smtp.stop();
		}
	}

	/**
	 * Writes {@code count} mails, waits until the server has received them all.
	 *
	 * @return the seconds spent writing, and the CPU seconds spent meanwhile
	 */
	private static double[] round(GreenMail smtp, TransactionTemplate transaction, MailOutbox outbox,
			List<Long> recipients, int first, int count, int perTransaction) throws Exception {
		int expected = smtp.getReceivedMessages().length + count;
		long cpu = ProcessCpu.self();
		long start = System.nanoTime();
		for (int written = first; written < first + count; written += perTransaction) {
			int from = written;
			transaction.executeWithoutResult(status -> {
				for (int i = from; i < Math.min(first + count, from + perTransaction); i++) {
					long ticket = 1_000_000L + i / 10;
					outbox.queue(recipients.get(i % recipients.size()), MailNotice.of(MailKind.values()[i % 6], ticket,
							"Bench ticket " + ticket, "/portal/tickets/" + ticket));
				}
			});
		}
		double[] phase = { (System.nanoTime() - start) / 1e9, (ProcessCpu.self() - cpu) / 1e9 };
		while (smtp.getReceivedMessages().length < expected) {
			Thread.sleep(100);
		}
		return phase;
	}

}

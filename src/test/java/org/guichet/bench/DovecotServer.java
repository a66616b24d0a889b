package org.guichet.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A private Dovecot IMAP server for the ingestion bench, a benchmark tool only (Debian's
 * {@code dovecot-imapd}, never a dependency of the product or its tests): started from a
 * configuration written under {@code directory} (maildir, users file, sockets, log, all there),
 * listening on 127.0.0.1 only, plain-text login without TLS, one account from a passwd-file, no
 * system service involved. Messages are delivered by writing files into the account's maildir, as
 * a delivery agent does ({@code tmp/} then renamed into {@code new/}).
 * <p>
 * Run as the current user; as root (Dovecot refuses to serve mail or logins as root), its
 * processes run as the package's {@code dovecot} and {@code dovenull} users, which then own the
 * maildir.
 */
final class DovecotServer implements AutoCloseable {

	private final Path directory;

	private final Path maildir;

	private final Process process;

	private final AtomicLong delivered = new AtomicLong();

	private final String host;

	private DovecotServer(Path directory, Path maildir, Process process) {
		this.directory = directory;
		this.maildir = maildir;
		this.process = process;
		this.host = ProcessHandle.current().pid() + ".bench";
	}

	/**
	 * Writes the configuration into {@code directory} (emptied of any earlier maildir, created if
	 * needed), starts {@code dovecot -F} on it and waits until {@code port} on 127.0.0.1 accepts
	 * connections (at most 30 s).
	 * @param user the account's login, e.g. {@code support@localhost}
	 * @param password its password, stored in plain text in the users file
	 * @throws IOException if Dovecot is not installed or does not start
	 */
	static DovecotServer start(Path directory, int port, String user, String password)
			throws IOException, InterruptedException {
		Path root = directory.toAbsolutePath();
		Path mail = root.resolve("mail");
		deleteTree(mail);
		Path maildir = mail.resolve("account").resolve("Maildir");
		for (String sub : new String[] { "tmp", "new", "cur" }) {
			Files.createDirectories(maildir.resolve(sub));
		}
		Files.createDirectories(root.resolve("run"));
		Files.createDirectories(root.resolve("state"));
		boolean asRoot = "root".equals(System.getProperty("user.name"));
		String me = System.getProperty("user.name");
		String mailUser = asRoot ? "dovecot" : me;
		long uid = id("-u", mailUser);
		long gid = id("-g", mailUser);
		if (asRoot) {
			UserPrincipalLookupService users = root.getFileSystem().getUserPrincipalLookupService();
			try (Stream<Path> paths = Files.walk(mail)) {
				for (Path path : paths.toList()) {
					Files.setOwner(path, users.lookupPrincipalByName(mailUser));
				}
			}
		}
		Files.writeString(root.resolve("users"), "%s:{PLAIN}%s:%d:%d::%s%n".formatted(user, password, uid, gid,
				maildir.getParent()));
		Path configuration = root.resolve("dovecot.conf");
		Files.writeString(configuration, """
				base_dir = %1$s/run
				state_dir = %1$s/state
				log_path = %1$s/dovecot.log
				protocols = imap
				listen = 127.0.0.1
				ssl = no
				disable_plaintext_auth = no
				auth_mechanisms = plain login
				default_internal_user = %2$s
				default_internal_group = %3$s
				default_login_user = %4$s
				first_valid_uid = %5$d
				first_valid_gid = %6$d
				mail_location = maildir:~/Maildir
				passdb {
				  driver = passwd-file
				  args = scheme=PLAIN username_format=%%u %1$s/users
				}
				userdb {
				  driver = passwd-file
				  args = username_format=%%u %1$s/users
				}
				service imap-login {
				  chroot =
				  inet_listener imap {
				    address = 127.0.0.1
				    port = %7$d
				  }
				  inet_listener imaps {
				    port = 0
				  }
				}
				service anvil {
				  chroot =
				}
				""".formatted(root, asRoot ? "dovecot" : me, asRoot ? "dovecot" : groupName(me),
				asRoot ? "dovenull" : me, uid, gid, port));
		Files.deleteIfExists(root.resolve("run").resolve("master.pid"));
		Process process = new ProcessBuilder("dovecot", "-F", "-c", configuration.toString())
			.redirectErrorStream(true)
			.redirectOutput(root.resolve("dovecot.out").toFile())
			.start();
		DovecotServer server = new DovecotServer(root, maildir, process);
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
				return server;
			}
			catch (IOException notYet) {
				if (!process.isAlive() || System.nanoTime() > deadline) {
					server.close();
					throw new IOException("Dovecot did not start on port " + port + ": see " + root.resolve("dovecot.out")
							+ " and " + root.resolve("dovecot.log"), notYet);
				}
				Thread.sleep(100);
			}
		}
	}

	/** The master process's id, whose process tree is the whole server. */
	String pid() {
		return String.valueOf(this.process.pid());
	}

	/** Delivers one message: written into {@code tmp/}, then renamed into {@code new/}. */
	void deliver(byte[] raw) throws IOException {
		long n = this.delivered.incrementAndGet();
		String name = "%d.M%dP%dQ%d.%s,S=%d".formatted(System.currentTimeMillis() / 1000, System.nanoTime() / 1000 % 1_000_000,
				ProcessHandle.current().pid(), n, this.host, raw.length);
		Path temporary = this.maildir.resolve("tmp").resolve(name);
		Files.write(temporary, raw);
		Files.move(temporary, this.maildir.resolve("new").resolve(name), StandardCopyOption.ATOMIC_MOVE);
	}

	/**
	 * The messages of {@code INBOX} neither seen nor marked deleted: every file of {@code new/},
	 * and those of {@code cur/} whose maildir flags hold neither {@code S} nor {@code T}.
	 */
	int unseen() throws IOException {
		int count = 0;
		try (Stream<Path> files = Files.list(this.maildir.resolve("new"))) {
			count += (int) files.count();
		}
		try (Stream<Path> files = Files.list(this.maildir.resolve("cur"))) {
			count += (int) files.map((path) -> path.getFileName().toString()).filter((name) -> {
				int info = name.indexOf(":2,");
				String flags = info < 0 ? "" : name.substring(info + 3);
				return flags.indexOf('S') < 0 && flags.indexOf('T') < 0;
			}).count();
		}
		return count;
	}

	/** Stops the server (SIGTERM to its master, which stops the rest), waiting at most 10 s. */
	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
		System.err.println("Dovecot stopped; its log: " + this.directory.resolve("dovecot.log"));
	}

	private static long id(String option, String user) throws IOException, InterruptedException {
		return Long.parseLong(output("id", option, user));
	}

	private static String groupName(String user) throws IOException, InterruptedException {
		return output("id", "-gn", user);
	}

	private static String output(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String text = new String(process.getInputStream().readAllBytes()).strip();
		if (process.waitFor() != 0) {
			throw new IOException(String.join(" ", command) + " failed: " + text);
		}
		return text;
	}

	private static void deleteTree(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(path)) {
			paths.sorted(Comparator.reverseOrder()).forEach((each) -> {
				try {
					Files.delete(each);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

}

package org.guichet.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local SMTP server for the benchmarks that takes every mail and throws it away, counting it:
 * enough SMTP for Jakarta Mail ({@code EHLO}/{@code HELO}, {@code MAIL}, {@code RCPT}, {@code DATA}
 * with dot-stuffing, {@code RSET}, {@code NOOP}, {@code QUIT}), one thread per connection, no
 * parsing of the message beyond its {@code Message-ID}. GreenMail parses and stores each message it
 * receives, which costs more CPU than Guichet spends sending it: this sink measures the sender, not
 * the receiver. The tests of the sender's rounds use it too, for what GreenMail cannot do: refuse a
 * recipient for good ({@link #refuse}) and go away in the middle of a connection ({@link #failFrom}).
 * Never in the product.
 */
public final class SmtpSink implements AutoCloseable {

	private final ServerSocket server;

	private final ExecutorService connections = Executors.newCachedThreadPool(task -> {
		Thread thread = new Thread(task, "smtp-sink");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicLong received = new AtomicLong();

	private final AtomicLong bytes = new AtomicLong();

	private final AtomicLong cpuNanos = new AtomicLong();

	private final Queue<String> messageIds = new ConcurrentLinkedQueue<>();

	private final Set<String> refused = ConcurrentHashMap.newKeySet();

	private volatile long failFrom = Long.MAX_VALUE;

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	/** Listens on 127.0.0.1 at {@code port} (0: any free port) and accepts connections on a thread of its own. */
	public SmtpSink(int port) throws IOException {
		this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "smtp-sink-accept");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public int port() {
		return server.getLocalPort();
	}

	/** The messages taken so far (answered {@code 250} after their {@code DATA}). */
	public long received() {
		return received.get();
	}

	/** The bytes of the messages taken so far, as sent (dot-stuffed, CRLF). */
	public long bytes() {
		return bytes.get();
	}

	/** The {@code Message-ID}s of the messages taken so far, in the order they came (a message without one: none). */
	public List<String> messageIds() {
		return List.copyOf(messageIds);
	}

	/** Answers {@code 550} to {@code RCPT TO:<address>} from now on (any case). */
	public void refuse(String address) {
		refused.add(address.toLowerCase(Locale.ROOT));
	}

	/**
	 * Goes away once {@code count} messages were taken in all: cuts the connection at the next
	 * {@code DATA} command (so that the message is surely not taken), and answers new connections
	 * {@code 421} and closes them, until {@link #recover}.
	 */
	public void failFrom(long count) {
		failFrom = count;
	}

	/** Takes messages again after {@link #failFrom}. */
	public void recover() {
		failFrom = Long.MAX_VALUE;
	}

	/** The CPU time the sink's threads spent on connections that have ended, in nanoseconds. */
	public long cpuNanos() {
		return cpuNanos.get();
	}

	@Override
	public void close() throws IOException {
		server.close();
		connections.shutdownNow();
	}

	private void accept() {
		while (!server.isClosed()) {
			try {
				Socket socket = server.accept();
				connections.execute(() -> serve(socket));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket socket) {
		long cpuStart = threads.getCurrentThreadCpuTime();
		try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
				OutputStream out = socket.getOutputStream()) {
			socket.setTcpNoDelay(true);
			if (received.get() >= failFrom) {
				answer(out, "421 4.3.2 Service not available");
				return;
			}
			answer(out, "220 localhost bench sink ESMTP");
			ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
			while (readLine(in, line)) {
				String command = line.toString(StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT);
				if (command.startsWith("EHLO")) {
					answer(out, "250-localhost\r\n250 8BITMIME");
				}
				else if (command.startsWith("RCPT") && refused.stream()
					.anyMatch(address -> command.contains("<" + address.toUpperCase(Locale.ROOT) + ">"))) {
					answer(out, "550 5.1.1 Recipient address rejected: User unknown");
				}
				else if (command.startsWith("DATA")) {
					if (received.get() >= failFrom) {
						return;
					}
					answer(out, "354 End data with <CR><LF>.<CR><LF>");
					long size = 0;
					boolean inHeaders = true;
					String messageId = null;
					while (readLine(in, line) && !(line.size() == 1 && line.toByteArray()[0] == '.')) {
						size += line.size() + 2;
						if (inHeaders) {
							inHeaders = line.size() > 0;
							String header = line.toString(StandardCharsets.US_ASCII);
							if (header.regionMatches(true, 0, "Message-ID:", 0, 11)) {
								messageId = header.substring(11).trim();
							}
						}
					}
					bytes.addAndGet(size);
					if (messageId != null) {
						messageIds.add(messageId);
					}
					received.incrementAndGet();
					answer(out, "250 2.0.0 Ok: queued");
				}
				else if (command.startsWith("QUIT")) {
					answer(out, "221 2.0.0 Bye");
					return;
				}
				else if (command.startsWith("HELO") || command.startsWith("MAIL") || command.startsWith("RCPT")
						|| command.startsWith("RSET") || command.startsWith("NOOP")) {
					answer(out, "250 2.0.0 Ok");
				}
				else {
					answer(out, "502 5.5.2 Command not recognised");
				}
			}
		}
		catch (IOException ex) {
			// the client went away: nothing to keep
		}
		finally {
			cpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpuStart);
		}
	}

	/** Reads one line without its CRLF (or bare LF) into {@code line}; false at the end of the stream. */
	private static boolean readLine(InputStream in, ByteArrayOutputStream line) throws IOException {
		line.reset();
		int read;
		while ((read = in.read()) != -1) {
			if (read == '\n') {
				return true;
			}
			if (read != '\r') {
				line.write(read);
			}
		}
		return false;
	}

	private static void answer(OutputStream out, String text) throws IOException {
		out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

}

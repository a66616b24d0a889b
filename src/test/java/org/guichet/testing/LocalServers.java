package org.guichet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What the tests need to start servers of their own on this machine: a free port, and waiting for
 * a started process to answer.
 */
public final class LocalServers {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private LocalServers() {
	}

	/**
	 * A loopback port free when this is called (another process may take it before the caller
	 * binds it: the usual race of tests, harmless on a build machine).
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Sends {@code probe} every 250 ms until {@code ready} accepts an answer.
	 *
	 * @param name what is started, for the messages ("OpenSearch")
	 * @param process the started process: its end stops the wait
	 * @param log the end of the process's log, added to a failure's message
	 * @throws IllegalStateException when the process ends or {@code timeout} passes first
	 */
	public static void awaitReady(String name, Process process, HttpRequest probe,
			Predicate<HttpResponse<String>> ready, Duration timeout, Supplier<String> log) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " ended while starting:\n" + log.get());
			}
			try {
				if (ready.test(HTTP.send(probe, HttpResponse.BodyHandlers.ofString()))) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(250);
		}
		throw new IllegalStateException(name + " did not answer within " + timeout + ":\n" + log.get());
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}

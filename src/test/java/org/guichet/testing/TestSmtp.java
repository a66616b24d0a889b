package org.guichet.testing;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real SMTP server (GreenMail) for the tests of mail out, on a free port of the loopback, and
 * the wait for what it receives.
 */
public final class TestSmtp {

	private TestSmtp() {
	}

	/** SMTP on 127.0.0.1, on a port free when this is called. */
	public static ServerSetup onFreePort() {
		return new ServerSetup(LocalServers.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
	}

	/**
	 * Points the application under test at {@code setup}: its SMTP server, the sender and
	 * {@code Reply-To} of {@code desk.example}, links from {@code https://desk.example}, the sender
	 * job every 100 ms.
	 */
	public static void register(DynamicPropertyRegistry registry, ServerSetup setup) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", setup::getPort);
		registry.add("guichet.mail.from", () -> "Guichet <guichet@desk.example>");
		registry.add("guichet.mail.reply-to", () -> "support@desk.example");
		registry.add("guichet.base-url", () -> "https://desk.example");
		registry.add("guichet.mail.send-interval", () -> "100ms");
	}

	/** A server listening on {@code setup}; the caller stops it. */
	public static GreenMail started(ServerSetup setup) {
		GreenMail mail = new GreenMail(setup);
		mail.start();
		return mail;
	}

	/**
	 * Waits up to 20 seconds until {@code found} gives at least {@code count} elements.
	 *
	 * @return what it gave last, asserted to hold exactly {@code count} elements
	 */
	public static <T> List<T> await(Supplier<List<T>> found, int count) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		List<T> last = found.get();
		while (last.size() < count && System.nanoTime() < deadline) {
			Thread.sleep(50);
			last = found.get();
		}
		assertThat(last).hasSize(count);
		return last;
	}

}

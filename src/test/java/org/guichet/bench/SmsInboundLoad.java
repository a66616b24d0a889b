package org.guichet.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inbound SMS through the generic webhook (issue 15: at least 500 a second), from N client threads
 * for a bounded time: each posts a text with its own message id and waits for the answer
 * ({@code ACCEPTED}, the text stored and committed). The senders mix, by {@code --mix
 * follow-ups,new,unknown} percentages: requesters {@link Seed} recorded an SMS to (their text is a
 * follow-up), other requesters (a new ticket) and numbers nobody has (the triage list). Prints the
 * acceptance rate, the latency percentiles and the server's CPU per text (with {@code --pid}); then
 * re-delivers the last known sender's text until its answer names a ticket, which says when the
 * ingestion behind caught up, and prints the ingestion's rate over the whole run.
 * <p>
 * Guichet runs with {@code --guichet.sms.enabled=true --guichet.sms.inbound-secret=<--secret>}.
 * Only loopback addresses are accepted.
 */
public final class SmsInboundLoad {

	private static final Pattern TICKET = Pattern.compile("\"ticketId\":(\\d+)");

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final URI webhook;

	private final String secret;

	private final int[] followUps;

	private final int requesters;

	private final int[] mix;

	/** This run's prefix of the message ids, so that runs never collide. */
	private final String run = Long.toString(System.currentTimeMillis(), 36);

	private final AtomicLong sequence = new AtomicLong();

	private final AtomicLong accepted = new AtomicLong();

	private final AtomicReference<String> firstError = new AtomicReference<>();

	/** The last text from a known number accepted: its body and message id, re-delivered at the end. */
	private final AtomicReference<String[]> lastKnown = new AtomicReference<>();

	private SmsInboundLoad(URI base, String secret, int[] followUps, int requesters, int[] mix) {
		this.webhook = base.resolve("/api/v1/sms/inbound/generic");
		this.secret = secret;
		this.followUps = followUps;
		this.requesters = requesters;
		this.mix = mix;
	}

	public static void main(String[] args) throws Exception {
		BenchArguments arguments = new BenchArguments(args);
		URI base = arguments.loopbackBase();
		Properties bench = arguments.benchFile();
		String listed = bench.getProperty("sms.follow-up.requesters", "");
		int[] followUps = listed.isBlank() ? new int[0] : Arrays.stream(listed.split(",")).mapToInt(Integer::parseInt).toArray();
		int requesters = Integer.parseInt(bench.getProperty("sms.requesters", "0"));
		int[] mix = Arrays.stream(arguments.get("mix", "40,40,20").split(",")).mapToInt(Integer::parseInt).toArray();
		if (mix.length != 3 || mix[0] + mix[1] + mix[2] != 100 || (mix[0] > 0 && followUps.length == 0)
				|| (mix[1] > 0 && requesters == 0)) {
			throw new IllegalArgumentException("--mix follow-ups,new,unknown in percent, summing to 100; follow-ups need"
					+ " Seed --sms-follow-ups N, new tickets the requesters' phones");
		}
		int clients = arguments.getInt("clients", 16);
		Duration warmup = Duration.ofSeconds(arguments.getInt("warmup", 10));
		Duration duration = Duration.ofSeconds(arguments.getInt("duration", 30));
		if (duration.compareTo(Duration.ofMinutes(10)) > 0) {
			throw new IllegalArgumentException("A run lasts at most 10 minutes");
		}
		String pid = arguments.get("pid", "");
		SmsInboundLoad load = new SmsInboundLoad(base, arguments.get("secret", "bench-sms-secret"), followUps, requesters, mix);
		load.run(clients, warmup, duration, pid, Duration.ofSeconds(arguments.getInt("ingestion-wait", 600)));
	}

	private void run(int clients, Duration warmup, Duration duration, String pid, Duration ingestionWait)
			throws Exception {
		long started = System.nanoTime();
		long measureFrom = started + warmup.toNanos();
		long measureUntil = measureFrom + duration.toNanos();
		long cpuAtStart = ProcessCpu.tree(pid);
		List<ClosedLoopClient> threads = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			SplittableRandom random = new SplittableRandom(i);
			ClosedLoopClient client = new ClosedLoopClient(measureFrom, measureUntil, () -> attempt(random), firstError);
			threads.add(client);
			client.start();
		}
		sleepUntil(measureFrom);
		long cpuFrom = ProcessCpu.tree(pid);
		sleepUntil(measureUntil);
		long cpuUntil = ProcessCpu.tree(pid);
		for (ClosedLoopClient client : threads) {
			client.join();
		}
		long errors = ClosedLoopClient.errors(threads);
		long[] all = ClosedLoopClient.sortedLatencies(threads);
		double seconds = duration.toNanos() / 1e9;
		System.out.println("| clients | mix (follow-up/new/unknown %) | texts accepted | errors | accepted/s | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | server CPU per text (ms) |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|");
		System.out.printf("| %d | %d/%d/%d | %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %s |%n", clients, mix[0], mix[1], mix[2],
				all.length, errors, all.length / seconds, LoadGenerator.percentile(all, 50), LoadGenerator.percentile(all, 95),
				LoadGenerator.percentile(all, 99), all.length == 0 ? 0 : all[all.length - 1] / 1e6,
				pid.isBlank() || all.length == 0 ? "–" : String.format("%.2f", (cpuUntil - cpuFrom) / 1e6 / all.length));
		if (firstError.get() != null) {
			System.out.println("First error: " + firstError.get());
		}
		String[] last = lastKnown.get();
		if (last == null) {
			return;
		}
		long stopped = System.nanoTime();
		long deadline = stopped + ingestionWait.toNanos();
		while (ticketOf(last[0], last[1]) == null) {
			if (System.nanoTime() > deadline) {
				System.out.printf("The ingestion had not caught up %d s after the last text%n", ingestionWait.toSeconds());
				return;
			}
			Thread.sleep(200);
		}
		long caughtUp = System.nanoTime();
		long cpuEnd = ProcessCpu.tree(pid);
		System.out.printf("Ingestion: %d texts accepted from the start (warm-up included), all ingested %.1f s after the"
				+ " last one; %.0f texts/s over %.1f s; server CPU %s ms per text (acceptance and ingestion)%n",
				accepted.get(), (caughtUp - stopped) / 1e9, accepted.get() / ((caughtUp - started) / 1e9),
				(caughtUp - started) / 1e9, pid.isBlank() ? "–" : String.format("%.1f", (cpuEnd - cpuAtStart) / 1e6 / accepted.get()));
	}

	private static void sleepUntil(long nanoTime) throws InterruptedException {
		long left = nanoTime - System.nanoTime();
		if (left > 0) {
			Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
		}
	}

	/** The ticket a re-delivery of that text names; null while its first delivery waits for the ingestion. */
	private String ticketOf(String json, String messageId) throws IOException, InterruptedException {
		HttpResponse<String> answer = http.send(request(json), HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() != 200) {
			throw new IllegalStateException("Delivering " + messageId + " again: HTTP " + answer.statusCode() + " " + answer.body());
		}
		Matcher ticket = TICKET.matcher(answer.body());
		return ticket.find() ? ticket.group(1) : null;
	}

	private HttpRequest request(String json) {
		return HttpRequest.newBuilder(webhook)
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.header("X-Guichet-Sms-Secret", secret)
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
			.build();
	}

	/** Posts one text from a sender drawn by the mix; whether it was accepted. */
	private boolean attempt(SplittableRandom random) throws IOException, InterruptedException {
		String messageId = run + "-" + sequence.incrementAndGet();
		int draw = random.nextInt(100);
		boolean known = draw < mix[0] + mix[1];
		String from = draw < mix[0] ? Seed.phone(followUps[random.nextInt(followUps.length)])
				: known ? Seed.phone(1 + random.nextInt(requesters))
						// 0615000000 and up: numbers no seeded requester has
						: "0615" + String.format("%06d", random.nextInt(1_000_000));
		String json = "{\"from\":\"" + from + "\",\"to\":\"+33700000000\",\"text\":\"Bench " + messageId
				+ ": l'imprimante du 2e étage ne répond plus\\nElle clignote en orange.\",\"messageId\":\"" + messageId + "\"}";
		HttpResponse<String> response = http.send(request(json), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200 || !response.body().contains("\"ACCEPTED\"")) {
			firstError.compareAndSet(null, "HTTP " + response.statusCode() + " "
					+ response.body().substring(0, Math.min(300, response.body().length())));
			return false;
		}
		accepted.incrementAndGet();
		if (known) {
			lastKnown.set(new String[] { json, messageId });
		}
		return true;
	}

}

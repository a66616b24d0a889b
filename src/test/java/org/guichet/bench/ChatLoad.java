package org.guichet.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Live chat under load (issue 15: 200 conversations with a message a second each, delivery p95
 * at most 100 ms). N requesters of the {@link Seed} desk ({@code bench-user-1…}) each start a
 * conversation; {@code --agents} N1 technicians ({@code bench-tech-1…}), each with the queue's
 * stream open, take them in turn (several each, as a desk does). Both sides hold the
 * conversation's server-sent event stream; each conversation gets a message every
 * {@code 1/--rate} seconds, the requester and the agent in turn, posted as the page's script
 * does. A message carries the time it was posted; its delivery time is measured when it arrives
 * on the <em>other</em> side's stream. Prints the delivery percentiles, the messages posted and
 * delivered a second, the refused posts, the messages not delivered (after a grace of 5 s) and
 * the server's CPU per message (with {@code --pid}); at the end, the agents close the conversations.
 * <p>
 * Guichet runs with {@code --guichet.chat.messages-per-window} above what an agent posts in
 * {@code guichet.chat.window} (the default 20 in 10 s is a person's limit, and a bench agent
 * answers 200/N conversations). Only loopback addresses are accepted.
 */
public final class ChatLoad {

	private static final Pattern LOGIN_CSRF = Pattern.compile(
			"name=\"_csrf\"[^>]*?value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*?name=\"_csrf\"");

	private static final Pattern META_CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

	private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

	private static final Pattern CONVERSATION = Pattern.compile("/portal/chat/(\\d+)");

	/** In each message's text: its conversation, its side, and this JVM's nano time at its post. */
	private static final Pattern STAMP = Pattern.compile("bench (\\d+) ([ra]) (-?\\d+) ");

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final URI base;

	private final Recorder recorder = new Recorder();

	private final AtomicReference<String> firstError = new AtomicReference<>();

	/** Bounds of the measured window, in this JVM's nano time. */
	private volatile long measureFrom = Long.MAX_VALUE;

	private volatile long measureUntil = Long.MAX_VALUE;

	private final AtomicLong posted = new AtomicLong();

	private final AtomicLong refused = new AtomicLong();

	private final AtomicLong streams = new AtomicLong();

	private ChatLoad(URI base) {
		this.base = base;
	}

	/** A logged-in person: their session cookie and a CSRF token of their session. */
	private record Session(String cookie, String csrf) {
	}

	/** One conversation under load and who speaks in it. */
	private record Chat(long id, Session requester, Session agent) {
	}

	public static void main(String[] args) throws Exception {
		BenchArguments arguments = new BenchArguments(args);
		URI base = arguments.loopbackBase();
		Properties bench = arguments.benchFile();
		int conversations = arguments.getInt("conversations", 200);
		int agents = arguments.getInt("agents", 14);
		int firstRequester = arguments.getInt("first-requester", 1);
		double rate = Double.parseDouble(arguments.get("rate", "1"));
		Duration warmup = Duration.ofSeconds(arguments.getInt("warmup", 15));
		Duration duration = Duration.ofSeconds(arguments.getInt("duration", 60));
		if (duration.compareTo(Duration.ofMinutes(10)) > 0) {
			throw new IllegalArgumentException("A run lasts at most 10 minutes");
		}
		String password = bench.getProperty("technician.password", Seed.PASSWORD);
		new ChatLoad(base).run(conversations, agents, firstRequester, rate, warmup, duration, password,
				arguments.get("pid", ""));
	}

	private void run(int conversations, int agentCount, int firstRequester, double rate, Duration warmup,
			Duration duration, String password, String pid) throws Exception {
		long setUp = System.nanoTime();
		List<Session> agents = new ArrayList<>();
		for (int a = 1; a <= agentCount; a++) {
			Session agent = logIn("bench-tech-" + a, password, "/agent/chat");
			agents.add(agent);
			open("/agent/chat/stream", agent, line -> {
			});
		}
		List<Chat> chats = new ArrayList<>();
		for (int c = 0; c < conversations; c++) {
			Session requester = logIn("bench-user-" + (firstRequester + c), password, "/portal/chat");
			HttpResponse<String> started = post("/portal/chat", requester, Map.of("text", "Bonjour, mon poste ne démarre plus"), false);
			Matcher id = CONVERSATION.matcher(started.headers().firstValue("Location").orElse(""));
			if (started.statusCode() != 302 || !id.find()) {
				throw new IllegalStateException("Starting a conversation: HTTP " + started.statusCode() + " "
						+ started.headers().firstValue("Location").orElse(started.body()));
			}
			Session agent = agents.get(c % agents.size());
			long conversation = Long.parseLong(id.group(1));
			HttpResponse<String> taken = post("/agent/chat/" + conversation + "/take", agent, Map.of(), false);
			if (taken.statusCode() != 302) {
				throw new IllegalStateException("Taking conversation " + conversation + ": HTTP " + taken.statusCode());
			}
			Chat chat = new Chat(conversation, requester, agent);
			chats.add(chat);
			open("/chat/" + conversation + "/stream", requester, new Receiver('a'));
			open("/chat/" + conversation + "/stream", agent, new Receiver('r'));
		}
		System.out.printf("%d conversations started and taken by %d agents, %d streams open, in %.1f s%n",
				conversations, agentCount, streams.get(), (System.nanoTime() - setUp) / 1e9);

		ScheduledExecutorService posters = Executors.newScheduledThreadPool(64, task -> {
			Thread thread = new Thread(task, "poster");
			thread.setDaemon(true);
			return thread;
		});
		long period = (long) (1e9 / rate);
		for (Chat chat : chats) {
			AtomicLong turn = new AtomicLong();
			posters.scheduleAtFixedRate(() -> say(chat, turn.getAndIncrement() % 2 == 0),
					ThreadLocalRandom.current().nextLong(period), period, TimeUnit.NANOSECONDS);
		}
		long start = System.nanoTime();
		measureFrom = start + warmup.toNanos();
		measureUntil = measureFrom + duration.toNanos();
		sleep(measureFrom - System.nanoTime());
		long cpuFrom = ProcessCpu.tree(pid);
		sleep(measureUntil - System.nanoTime());
		long cpuUntil = ProcessCpu.tree(pid);
		posters.shutdown();
		posters.awaitTermination(30, TimeUnit.SECONDS);
		sleep(TimeUnit.SECONDS.toNanos(5));

		long[] delivery = recorder.sorted();
		double seconds = duration.toNanos() / 1e9;
		long measuredPosts = posted.get();
		System.out.println("| conversations | agents | streams | rate (msg/s/conv.) | messages posted | refused | not delivered | posted/s | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | server CPU per message (ms) |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
		System.out.printf("| %d | %d | %d | %s | %d | %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %s |%n", conversations,
				agentCount, streams.get(), rate, measuredPosts, refused.get(), measuredPosts - delivery.length,
				measuredPosts / seconds, LoadGenerator.percentile(delivery, 50), LoadGenerator.percentile(delivery, 95),
				LoadGenerator.percentile(delivery, 99), delivery.length == 0 ? 0 : delivery[delivery.length - 1] / 1e6,
				pid.isBlank() || measuredPosts == 0 ? "–" : String.format("%.2f", (cpuUntil - cpuFrom) / 1e6 / measuredPosts));
		if (firstError.get() != null) {
			System.out.println("First error: " + firstError.get());
		}
		for (Chat chat : chats) {
			post("/chat/" + chat.id() + "/close", chat.agent(), Map.of(), false);
		}
		System.exit(0);
	}

	/** Posts the next message of a conversation, from the requester or the agent. */
	private void say(Chat chat, boolean fromRequester) {
		long sentAt = System.nanoTime();
		String text = "bench " + chat.id() + " " + (fromRequester ? 'r' : 'a') + " " + sentAt + " "
				+ (fromRequester ? "Toujours rien à l'écran après le redémarrage." : "Pouvez-vous vérifier le câble d'alimentation ?");
		try {
			HttpResponse<String> answer = post("/chat/" + chat.id() + "/messages", fromRequester ? chat.requester() : chat.agent(),
					Map.of("text", text), true);
			boolean measured = sentAt >= measureFrom && sentAt <= measureUntil;
			if (answer.statusCode() != 204) {
				firstError.compareAndSet(null, "HTTP " + answer.statusCode() + " " + answer.body());
				if (measured) {
					refused.incrementAndGet();
				}
			}
			else if (measured) {
				posted.incrementAndGet();
			}
		}
		catch (IOException | InterruptedException ex) {
			firstError.compareAndSet(null, ex.toString());
		}
	}

	/** Reads one side's stream: records the delivery time of the other side's messages. */
	private final class Receiver implements java.util.function.Consumer<String> {

		/** The side whose messages this stream measures: {@code r} (requester) or {@code a} (agent). */
		private final char from;

		private String event = "";

		Receiver(char from) {
			this.from = from;
		}

		@Override
		public void accept(String line) {
			if (line.startsWith("event:")) {
				event = line.substring(6).strip();
			}
			else if (line.startsWith("data:") && event.equals("message")) {
				long now = System.nanoTime();
				Matcher stamp = STAMP.matcher(line);
				if (stamp.find() && stamp.group(2).charAt(0) == from) {
					long sentAt = Long.parseLong(stamp.group(3));
					if (sentAt >= measureFrom && sentAt <= measureUntil) {
						recorder.add(now - sentAt);
					}
				}
			}
			else if (line.isEmpty()) {
				event = "";
			}
		}

	}

	/** Opens a server-sent event stream whose lines go to {@code lines}, on the client's own threads. */
	private void open(String path, Session session, java.util.function.Consumer<String> lines) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
			.header("Cookie", "JSESSIONID=" + session.cookie())
			.header("Accept", "text/event-stream")
			.GET()
			.build();
		CompletableFuture<Integer> status = new CompletableFuture<>();
		Flow.Subscriber<String> subscriber = new Flow.Subscriber<>() {
			@Override
			public void onSubscribe(Flow.Subscription subscription) {
				subscription.request(Long.MAX_VALUE);
			}

			@Override
			public void onNext(String line) {
				lines.accept(line);
			}

			@Override
			public void onError(Throwable error) {
				firstError.compareAndSet(null, "stream " + path + ": " + error);
			}

			@Override
			public void onComplete() {
				// the server ended the stream (the run is over)
			}
		};
		http.sendAsync(request, info -> {
			status.complete(info.statusCode());
			return HttpResponse.BodySubscribers.fromLineSubscriber(subscriber);
		});
		int code = status.get(10, TimeUnit.SECONDS);
		if (code != 200) {
			throw new IllegalStateException("Opening " + path + ": HTTP " + code);
		}
		streams.incrementAndGet();
	}

	/** Logs in with the login form; the CSRF token is then read from {@code page}. */
	private Session logIn(String username, String password, String page) throws Exception {
		HttpResponse<String> form = http.send(HttpRequest.newBuilder(base.resolve("/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher csrf = LOGIN_CSRF.matcher(form.body());
		Matcher cookie = SESSION.matcher(String.join(";", form.headers().allValues("Set-Cookie")));
		if (!csrf.find() || !cookie.find()) {
			throw new IllegalStateException("No CSRF field or session on /login (HTTP " + form.statusCode() + ")");
		}
		String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(base.resolve("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", "JSESSIONID=" + cookie.group(1))
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password, "_csrf", token))))
			.build(), HttpResponse.BodyHandlers.ofString());
		Matcher session = SESSION.matcher(String.join(";", login.headers().allValues("Set-Cookie")));
		if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error") || !session.find()) {
			throw new IllegalStateException("Login of " + username + " refused: HTTP " + login.statusCode());
		}
		HttpResponse<String> home = http.send(HttpRequest.newBuilder(base.resolve(page))
			.header("Cookie", "JSESSIONID=" + session.group(1))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		Matcher meta = META_CSRF.matcher(home.body());
		if (home.statusCode() != 200 || !meta.find()) {
			throw new IllegalStateException(page + " for " + username + ": HTTP " + home.statusCode());
		}
		return new Session(session.group(1), meta.group(1));
	}

	private HttpResponse<String> post(String path, Session session, Map<String, String> fields, boolean fetch)
			throws IOException, InterruptedException {
		Map<String, String> all = new java.util.LinkedHashMap<>(fields);
		all.put("_csrf", session.csrf());
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", "JSESSIONID=" + session.cookie())
			.POST(HttpRequest.BodyPublishers.ofString(form(all)));
		if (fetch) {
			request.header("X-Requested-With", "fetch");
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static void sleep(long nanos) throws InterruptedException {
		if (nanos > 0) {
			TimeUnit.NANOSECONDS.sleep(nanos);
		}
	}

	/** The delivery times measured, from every stream's thread. */
	private static final class Recorder {

		private long[] values = new long[16_384];

		private int count;

		synchronized void add(long nanos) {
			if (count == values.length) {
				values = Arrays.copyOf(values, count * 2);
			}
			values[count++] = nanos;
		}

		synchronized long[] sorted() {
			long[] copy = Arrays.copyOf(values, count);
			Arrays.sort(copy);
			return copy;
		}

	}

}

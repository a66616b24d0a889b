package org.guichet.demo.sms;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.guichet.sms.SmsAdministration;
import org.guichet.sms.SmsProperties;
import org.guichet.sms.SmsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo's SMS gateway: the SMS Guichet sent it (the newest {@value #KEPT}, in memory: a restart
 * forgets them). The demo profile's properties switch the SMS channel on with the generic HTTP
 * gateway (application-demo.properties); once the server listens, when its port is known, its
 * address is pointed here, unless an administrator saved the SMS page: then theirs stay in force.
 * It takes the SMS that carry the {@code guichet.sms.http.auth-header} of the properties, and
 * refuses the others (401) as a real gateway would.
 */
@Component
@ConditionalOnDemoSms
class DemoSmsGateway {

	/** How many sent SMS the gateway keeps. */
	static final int KEPT = 200;

	/** The gateway's address, on this server. */
	static final String PATH = "/demo/sms/gateway";

	private static final Logger log = LoggerFactory.getLogger(DemoSmsGateway.class);

	/** One SMS Guichet sent through the demo gateway. */
	record Sent(long id, String to, String text, Instant at) {
	}

	private final SmsSettings settings;

	private final SmsProperties properties;

	private final SmsAdministration administration;

	private final Clock clock;

	private final Deque<Sent> sent = new ArrayDeque<>();

	private long lastId;

	private volatile int port;

	DemoSmsGateway(SmsSettings settings, SmsProperties properties, SmsAdministration administration, Clock clock) {
		this.settings = settings;
		this.properties = properties;
		this.administration = administration;
		this.clock = clock;
	}

	/** Points the SMS channel's HTTP gateway here, unless an administrator saved other settings. */
	@EventListener
	void on(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() != null) {
			return;
		}
		port = event.getWebServer().getPort();
		if (administration.saved()) {
			log.info("Demo SMS gateway at {}: not switched on, the administrators' SMS settings are in force", url());
			return;
		}
		SmsProperties now = settings.current();
		settings.replaceDefaults(new SmsProperties(now.enabled(), now.defaultRegion(), now.number(), now.group(),
				now.followUpWindow(), now.provider(), now.segments(), now.inboundSecret(),
				new SmsProperties.Http(url(), now.http().authHeader(), now.http().bodyTemplate()), now.twilio(),
				now.sendInterval(), now.batchSize(), now.maxAttempts(), now.firstRetry(), now.maxRetry()));
		log.info("Demo SMS gateway at {}: the SMS channel is on, its SMS are shown on /admin/demo-sms", url());
	}

	/** The gateway's address Guichet posts to. */
	String url() {
		return "http://127.0.0.1:" + port + PATH;
	}

	/** The address of this server's own generic SMS webhook. */
	String webhook() {
		return "http://127.0.0.1:" + port + "/api/v1/sms/inbound/generic";
	}

	/**
	 * Whether a request carries the header of {@code guichet.sms.http.auth-header}.
	 *
	 * @param value the request's value of that header, null when missing
	 */
	boolean authorised(@Nullable String value) {
		String header = properties.http().authHeader();
		int colon = header.indexOf(':');
		return colon < 0 || header.substring(colon + 1).strip().equals(value);
	}

	/** The name of the header the gateway checks, {@code Authorization} when none is configured. */
	String headerName() {
		String header = properties.http().authHeader();
		int colon = header.indexOf(':');
		return colon < 0 ? "Authorization" : header.substring(0, colon).strip();
	}

	/** Keeps an SMS Guichet sent, and gives the id the gateway answers. */
	synchronized long take(String to, String text) {
		Sent one = new Sent(++lastId, to, text, clock.instant());
		sent.addFirst(one);
		while (sent.size() > KEPT) {
			sent.removeLast();
		}
		return one.id();
	}

	/** The SMS sent, newest first. */
	synchronized List<Sent> sent() {
		return List.copyOf(sent);
	}

}

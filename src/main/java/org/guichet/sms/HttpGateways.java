package org.guichet.sms;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * The gateways Guichet sends SMS through, over HTTP ({@link SmsProperties.Provider}): the generic
 * JSON gateway and Twilio's Messages API, for the settings in force at each SMS.
 */
@Component
class HttpGateways {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Pattern TWILIO_SID = Pattern.compile("\"sid\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern JSON_ID = Pattern.compile("\"(?:id|messageId|message_id)\"\\s*:\\s*\"?([^\",}\\s]+)");

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	/** The gateway of these settings; nothing sends with {@link SmsProperties.Provider#NONE}. */
	SmsGateway of(SmsProperties settings) {
		return switch (settings.provider()) {
			case HTTP -> (to, text) -> generic(settings.http(), to, text);
			case TWILIO -> (to, text) -> twilio(settings.twilio(), settings.number(), to, text);
			case NONE -> (to, text) -> {
				throw new SmsGateway.Failure("no SMS gateway configured (guichet.sms.provider)", false);
			};
		};
	}

	private String generic(SmsProperties.Http http, String to, String text) throws SmsGateway.Failure {
		if (http.url().isBlank()) {
			throw new SmsGateway.Failure("no guichet.sms.http.url configured", false);
		}
		String body = http.bodyTemplate().replace("{to}", json(to)).replace("{text}", json(text));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.url()))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		int colon = http.authHeader().indexOf(':');
		if (colon > 0) {
			request.header(http.authHeader().substring(0, colon).strip(), http.authHeader().substring(colon + 1).strip());
		}
		return idIn(send(request.build()), JSON_ID);
	}

	private String twilio(SmsProperties.Twilio twilio, String from, String to, String text) throws SmsGateway.Failure {
		if (twilio.accountSid().isBlank() || twilio.authToken().isBlank() || from.isBlank()) {
			throw new SmsGateway.Failure("Twilio needs guichet.sms.twilio.account-sid, auth-token and guichet.sms.number",
					false);
		}
		String base = twilio.baseUrl().endsWith("/") ? twilio.baseUrl().substring(0, twilio.baseUrl().length() - 1)
				: twilio.baseUrl();
		String form = "To=" + form(to) + "&From=" + form(from) + "&Body=" + form(text);
		String credentials = Base64.getEncoder()
			.encodeToString((twilio.accountSid() + ":" + twilio.authToken()).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(base + "/2010-04-01/Accounts/" + form(twilio.accountSid()) + "/Messages.json"))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", "Basic " + credentials)
			.POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
			.build();
		return idIn(send(request), TWILIO_SID);
	}

	private String send(HttpRequest request) throws SmsGateway.Failure {
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (response.statusCode() / 100 != 2) {
				throw SmsGateway.Failure.ofStatus(response.statusCode(), response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new SmsGateway.Failure("unreachable: " + ex, false, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SmsGateway.Failure("interrupted", false, ex);
		}
	}

	private static String idIn(String body, Pattern id) {
		Matcher matcher = id.matcher(body);
		return matcher.find() ? matcher.group(1) : "";
	}

	/** A value written as the content of a JSON string. */
	static String json(String value) {
		StringBuilder json = new StringBuilder(value.length() + 8);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.toString();
	}

	private static String form(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}

package org.guichet.demo.sms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.sms.SmsSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The administrators' page of the demo's SMS gateway ({@code /admin/demo-sms}, demo profile only):
 * the SMS Guichet sent through it, and a form that texts the desk as a demo user or any number,
 * through this server's real generic webhook with its secret, as a gateway would.
 */
@Controller
@RequestMapping("/admin/demo-sms")
@ConditionalOnDemoSms
class DemoSmsController {

	private static final String PAGE = "demo/sms";

	private final DemoSmsGateway gateway;

	private final SmsSettings settings;

	private final UserRepository users;

	private final JsonMapper json;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	DemoSmsController(DemoSmsGateway gateway, SmsSettings settings, UserRepository users, JsonMapper json) {
		this.gateway = gateway;
		this.settings = settings;
		this.users = users;
		this.json = json;
	}

	@GetMapping
	String page(Model model) {
		model.addAttribute("smsForm", new DemoSmsForm());
		return show(model);
	}

	/**
	 * Texts the desk through the generic webhook; what it became (a ticket, a follow-up, the SMS to
	 * sort) is told on the page. With errors, the page again with everything typed.
	 */
	@PostMapping("/send")
	String send(@ModelAttribute("smsForm") DemoSmsForm form, BindingResult result, Model model,
			RedirectAttributes redirect) throws InterruptedException {
		if (form.sender().isEmpty()) {
			result.rejectValue("otherNumber", "demo.sms.from.required");
		}
		else if (form.getFrom().isEmpty() && settings.e164(form.sender()).isEmpty()) {
			result.rejectValue("otherNumber", "demo.sms.other-number.invalid");
		}
		if (form.getText().isBlank()) {
			result.rejectValue("text", "demo.sms.text.required");
		}
		else if (form.getText().length() > DemoSmsForm.TEXT_MAX) {
			result.rejectValue("text", "demo.sms.text.too-long", new Object[] { DemoSmsForm.TEXT_MAX }, null);
		}
		if (!settings.enabled()) {
			result.reject("demo.sms.channel-off");
		}
		if (result.hasErrors()) {
			return show(model);
		}
		Map<String, String> sms = new LinkedHashMap<>();
		sms.put("from", form.sender());
		sms.put("to", settings.current().number());
		sms.put("text", form.getText());
		sms.put("messageId", "demo-" + UUID.randomUUID());
		HttpResponse<String> answer;
		try {
			answer = http.send(HttpRequest.newBuilder(URI.create(gateway.webhook()))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.header("X-Guichet-Sms-Secret", settings.current().inboundSecret())
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(sms), StandardCharsets.UTF_8))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			result.reject("demo.sms.webhook.failed", new Object[] { ex.toString() }, null);
			return show(model);
		}
		if (answer.statusCode() != 200) {
			result.reject("demo.sms.webhook.failed", new Object[] { answer.statusCode() + " " + answer.body() }, null);
			return show(model);
		}
		Map<?, ?> outcome = json.readValue(answer.body(), Map.class);
		redirect.addFlashAttribute("outcome", outcome.get("outcome"));
		redirect.addFlashAttribute("ticketId", outcome.get("ticketId"));
		redirect.addFlashAttribute("sentFrom", form.sender());
		return "redirect:/admin/demo-sms";
	}

	private String show(Model model) {
		List<User> phones = users.findAll()
			.stream()
			.filter(user -> user.isActive() && user.getPhone() != null && !user.getPhone().isBlank())
			.sorted(Comparator.comparing(User::getFullName))
			.toList();
		Map<String, String> names = new LinkedHashMap<>();
		phones.forEach(user -> names.putIfAbsent(digits(user.getPhone()), user.getFullName()));
		model.addAttribute("people", phones);
		model.addAttribute("sent", gateway.sent()
			.stream()
			.map(one -> new Shown(one, names.get(digits(one.to()))))
			.toList());
		model.addAttribute("kept", DemoSmsGateway.KEPT);
		model.addAttribute("gatewayUrl", gateway.url());
		model.addAttribute("deskNumber", settings.current().number());
		model.addAttribute("channelOn", settings.enabled());
		return PAGE;
	}

	/** An SMS sent, with the name of the demo user whose number it went to (null for none). */
	record Shown(DemoSmsGateway.Sent sms, @Nullable String name) {
	}

	/** The last 9 digits of a number, however it is written: the national number of a French one. */
	static String digits(String number) {
		String digits = number.replaceAll("\\D", "");
		return digits.length() <= 9 ? digits : digits.substring(digits.length() - 9);
	}

}

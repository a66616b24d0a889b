package org.guichet.demo.sms;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo gateway's API, as a generic SMS gateway offers one: a {@code POST} of a JSON body per SMS,
 * with the configured authentication header; answers the message's id, or 401 without the header.
 * The body's {@code to} and {@code text} are kept (the whole body as the text when the body
 * template names them otherwise).
 */
@RestController
@ConditionalOnDemoSms
@PreAuthorize("permitAll()")
class DemoSmsGatewayController {

	private final DemoSmsGateway gateway;

	DemoSmsGatewayController(DemoSmsGateway gateway) {
		this.gateway = gateway;
	}

	@PostMapping(path = DemoSmsGateway.PATH, consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> take(@RequestBody Map<String, Object> body, HttpServletRequest request) {
		if (!gateway.authorised(request.getHeader(gateway.headerName()))) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "bad or missing " + gateway.headerName()));
		}
		Object to = body.get("to");
		Object text = body.get("text");
		long id = gateway.take(to == null ? "?" : to.toString(), text == null ? body.toString() : text.toString());
		return ResponseEntity.ok(Map.of("id", "demo-" + id));
	}

}

package org.guichet.presentation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may read the presentation (issue 10: "requesters get none of these except their own
 * ticket's dossier without internal notes"): every presentation API and page refuses a requester
 * the same way, 403 (problem+json under /api), also for their own ticket, while their own
 * ticket's dossier opens; within the IT team a ticket one may not see stays 404.
 */
@GuichetIntegrationTest
@DatabaseNeutral
class PresentationAccessIT {

	@LocalServerPort
	private int port;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	private record Call(String name, Function<ApiClient, Response> send) {
	}

	private static List<Call> presentation(long ticket) {
		String example = "/api/v1/tickets/" + ticket + "/example";
		return List.of(new Call("GET /api/v1/flowchart", c -> c.get("/api/v1/flowchart")),
				new Call("GET /api/v1/flowchart?format=png", c -> c.get("/api/v1/flowchart?format=png")),
				new Call("GET /api/v1/tickets/{own}/flowchart", c -> c.get("/api/v1/tickets/" + ticket + "/flowchart")),
				new Call("GET /api/v1/tickets/{own}/flowchart?format=pdf",
						c -> c.get("/api/v1/tickets/" + ticket + "/flowchart?format=pdf")),
				new Call("GET /api/v1/about", c -> c.get("/api/v1/about")),
				new Call("GET /api/v1/examples", c -> c.get("/api/v1/examples")),
				new Call("PUT /api/v1/tickets/{own}/example", c -> c.put(example, Map.of("reason", "Mine"))),
				new Call("DELETE /api/v1/tickets/{own}/example", c -> c.delete(example)),
				new Call("GET /api/v1/presentation", c -> c.get("/api/v1/presentation")),
				new Call("GET /api/v1/presentation/pages", c -> c.get("/api/v1/presentation/pages")),
				new Call("POST /api/v1/presentation/pages",
						c -> c.post("/api/v1/presentation/pages", Map.of("title", "Mine", "body", "Text"))));
	}

	private static List<String> pages(long ticket) {
		return List.of("/presentation/flowchart", "/presentation/about", "/presentation/tickets/" + ticket + "/flowchart",
				"/agent/examples", "/agent/tickets/" + ticket + "/example", "/agent/tickets/" + ticket + "/dossier",
				"/presentation/pages", "/presentation/reference", "/presentation/pack");
	}

	/** The pages' download buttons, asked for as a browser following a link does (any type). */
	private static List<String> downloads(long ticket) {
		return List.of("/presentation/flowchart/download", "/presentation/flowchart/download?format=png",
				"/presentation/about/download?format=pdf", "/presentation/tickets/" + ticket + "/flowchart/download?format=pdf");
	}

	@Test
	void aRequesterIsRefusedEveryPresentationApiAndPageWith403ButOpensTheirOwnTicketsDossier() {
		User requester = fixtures.user("presenting-requester", Role.REQUESTER);
		long own = ticket(requester);
		ApiClient client = ApiClient.basic(port, requester.getUsername(), TestFixtures.PASSWORD);

		List<String> wrong = new ArrayList<>();
		for (Call call : presentation(own)) {
			Response answer = call.send().apply(client);
			String type = answer.header("Content-Type");
			if (answer.status() != 403 || type == null || !type.startsWith("application/problem+json")) {
				wrong.add(call.name() + " → " + answer.status() + " " + type);
			}
		}
		for (String page : pages(own)) {
			Response answer = client.get(page, "Accept", "text/html");
			if (answer.status() != 403) {
				wrong.add("GET " + page + " → " + answer.status());
			}
		}
		for (String download : downloads(own)) {
			Response answer = client.get(download, "Accept", "*/*");
			if (answer.status() != 403) {
				wrong.add("GET " + download + " → " + answer.status());
			}
		}
		assertThat(wrong).isEmpty();

		assertThat(client.get("/api/v1/tickets/" + own + "/dossier?format=html").status()).isEqualTo(200);
		assertThat(client.get("/tickets/" + own + "/dossier", "Accept", "text/html").status()).isEqualTo(200);
	}

	@Test
	void anAgentWhoMayNotSeeATicketGetsItsNotFoundNotARefusal() {
		User requester = fixtures.user("presenting-caller", Role.REQUESTER);
		long ticket = ticket(requester);
		User holder = fixtures.user("presenting-holder", Role.TECHNICIAN);
		tickets.assign(new TicketId(ticket), fixtures.group(SupportLevel.N1, holder).getId(), holder.getId(), null,
				TestFixtures.current(holder));
		User stranger = fixtures.user("presenting-stranger", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N3, stranger);
		ApiClient client = ApiClient.basic(port, stranger.getUsername(), TestFixtures.PASSWORD);

		for (String path : List.of("/api/v1/tickets/" + ticket + "/flowchart", "/api/v1/tickets/" + ticket + "/dossier",
				"/api/v1/tickets/999999999/flowchart", "/presentation/tickets/" + ticket + "/flowchart/download")) {
			Response answer = client.get(path);
			assertThat(answer.status()).as(path).isEqualTo(404);
			assertThat(answer.header("Content-Type")).as(path).startsWith("application/problem+json");
		}
		assertThat(client.put("/api/v1/tickets/" + ticket + "/example", Map.of("reason", "Not mine")).status())
			.isEqualTo(404);
	}

	private long ticket(User requester) {
		return tickets.register(new NewTicket(TicketType.INCIDENT, "Badge reader refuses my card",
				"Since this morning at the main door.", null, Channel.PORTAL, null, Urgency.MEDIUM, null, List.of()),
				TestFixtures.current(requester)).id().value();
	}

}

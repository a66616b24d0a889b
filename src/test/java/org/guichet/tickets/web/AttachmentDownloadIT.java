package org.guichet.tickets.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Attachment;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Impact;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ContentDisposition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every download of an attached file, from the pages and from the API, names the file the same
 * way: an ASCII {@code filename} and the UTF-8 {@code filename*} (RFC 6266).
 */
@GuichetIntegrationTest
@DatabaseNeutral
class AttachmentDownloadIT {

	private static final String NAME = "Relevé d’écran été €.png";

	@Autowired
	TestFixtures fixtures;

	@Autowired
	TicketManagement tickets;

	@LocalServerPort
	int port;

	@ParameterizedTest
	@CsvSource({ "/tickets/%d/attachments/%d, image/png, inline",
			"/api/v1/tickets/%d/attachments/%d, image/png, inline",
			"/tickets/%d/attachments/%d, application/x-msdownload, attachment",
			"/api/v1/tickets/%d/attachments/%d, application/x-msdownload, attachment" })
	void aNonAsciiNameIsSentAsAnAsciiFallbackAndAsUtf8(String path, String type, String disposition) {
		User requester = fixtures.user("download", Role.REQUESTER);
		CurrentUser me = TestFixtures.current(requester);
		Ticket ticket = tickets.register(new NewTicket(TicketType.INCIDENT, "Capture", "Voir la capture", null,
				Channel.PORTAL, null, Urgency.LOW, Impact.LOW, List.of()), me);
		Attachment attachment = tickets.attach(ticket.id(), NAME, type, "png".getBytes(StandardCharsets.UTF_8),
				false, me);

		Response file = ApiClient.basic(port, requester.getUsername(), TestFixtures.PASSWORD)
			.get(path.formatted(ticket.id().value(), attachment.getId()));

		assertThat(file.status()).as(file.toString()).isEqualTo(200);
		String header = file.header("Content-Disposition");
		assertThat(header).as("only printable ASCII on the wire").matches("[\\x20-\\x7E]+");
		assertThat(header).startsWith(disposition + "; filename=\"Releve d'ecran ete _.png\"; filename*=UTF-8''");
		assertThat(ContentDisposition.parse(header).getFilename()).isEqualTo(NAME);
		assertThat(file.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(file.text()).isEqualTo("png");
	}

}

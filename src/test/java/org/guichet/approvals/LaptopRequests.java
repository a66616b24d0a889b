package org.guichet.approvals;

import java.util.List;
import java.util.Map;

import org.guichet.catalogue.Catalogue;
import org.guichet.catalogue.CatalogueItem;
import org.guichet.catalogue.CatalogueSection;
import org.guichet.catalogue.FieldKind;
import org.guichet.catalogue.FormDefinition;
import org.guichet.catalogue.FormField;
import org.guichet.catalogue.ItemApprovalStep;
import org.guichet.catalogue.ItemDescription;
import org.guichet.directory.CurrentUser;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.tickets.TicketType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The laptop the approval tests ask for: an item of a new "Hardware" section whose form asks its
 * price (a required number from 0 to 100,000), going to the group given, with the approval steps
 * given; and its requests filed through the API.
 */
final class LaptopRequests {

	private LaptopRequests() {
	}

	/** A new laptop item, built by {@code admin}, whose tickets go to {@code groupId}, requiring those steps in order. */
	static CatalogueItem laptopItem(Catalogue catalogue, CurrentUser admin, long groupId, ItemApprovalStep... steps) {
		CatalogueSection section = catalogue.addSection("Matériel", "Hardware", admin);
		CatalogueItem item = catalogue.addItem(section.getId(),
				new ItemDescription("Nouveau poste", "New laptop", "Un portable", "A laptop", "laptop",
						TicketType.SERVICE_REQUEST, null, groupId, "New laptop", List.of()),
				List.of(), List.of(), admin);
		catalogue.saveForm(item.getId(), new FormDefinition(List.of(new FormField("price", FieldKind.NUMBER, "Prix",
				"Price", null, null, true, null, null, null, "0", "100000", null, List.of(), null))), admin);
		return catalogue.requireApproval(item.getId(), List.of(steps), admin);
	}

	/** Files a request for that laptop at that price through the API as the client's user; gives its ticket's id. */
	static long file(ApiClient client, CatalogueItem item, int price) {
		Response filed = client.post("/api/v1/catalogue/items/" + item.getId() + "/requests",
				Map.of("answers", Map.of("price", price)));
		assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
		return filed.json().get("ticketId").asLong();
	}

}

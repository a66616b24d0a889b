package org.guichet.assist;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.guichet.catalogue.CatalogueRequests;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketManagement;
import org.springframework.stereotype.Component;

/**
 * The triage fields of a ticket that a person or the service catalogue decided, which the
 * assistant leaves alone:
 * <ul>
 * <li>any field a person changed after registration (its history names them);</li>
 * <li>filed through the catalogue: the type (the item's), the category when it had one at
 * registration (the item's), the group it was given at registration (the item's, or a routing
 * rule's for that demand); not the urgency, which the catalogue does not ask;</li>
 * <li>otherwise, registered by a person in a form or through the API: the type and the urgency
 * they chose, and the category when they gave one;</li>
 * <li>by e-mail, nothing at registration (the mailbox's defaults are nobody's choice).</li>
 * </ul>
 * A group set by the routing rules of a demand that is not the catalogue's is not a person's:
 * the assistant may suggest another.
 */
@Component
class SettledFields {

	private static final Map<String, TriageField> HISTORY_FIELDS = Map.of("type", TriageField.TYPE, "category",
			TriageField.CATEGORY, "urgency", TriageField.URGENCY, "group", TriageField.GROUP);

	private final TicketManagement tickets;

	private final CatalogueRequests catalogue;

	SettledFields(TicketManagement tickets, CatalogueRequests catalogue) {
		this.tickets = tickets;
		this.catalogue = catalogue;
	}

	/**
	 * The fields of the ticket the assistant must not suggest.
	 *
	 * @return the settled fields, possibly none
	 */
	Set<TriageField> of(Ticket ticket) {
		List<Change> trail = tickets.auditTrail(ticket.id())
			.stream()
			.filter(entry -> HISTORY_FIELDS.containsKey(entry.getField()))
			.map(entry -> new Change(HISTORY_FIELDS.get(entry.getField()), entry.getActor() != null,
					entry.getOldValue() != null, entry.getAt()))
			.toList();
		boolean fromCatalogue = catalogue.filedThroughCatalogue(ticket.id());
		return settled(ticket.getChannel(), fromCatalogue, ticket.getCategory() != null, trail, ticket.getCreatedAt());
	}

	/**
	 * A change of a triage field in a ticket's history.
	 *
	 * @param byPerson whether a person made it (routing and other automatic changes have no actor)
	 * @param hadValue whether the field had a value before
	 * @param at when
	 */
	record Change(TriageField field, boolean byPerson, boolean hadValue, Instant at) {
	}

	/**
	 * The rule itself, on what the ticket tells.
	 *
	 * @param channel the ticket's channel
	 * @param fromCatalogue whether it was filed through the catalogue
	 * @param hasCategory whether it has a category now
	 * @param trail the changes of its triage fields, oldest first
	 * @param registeredAt when it was registered: the changes of that instant without an actor
	 * are registration's
	 */
	static Set<TriageField> settled(Channel channel, boolean fromCatalogue, boolean hasCategory, List<Change> trail,
			Instant registeredAt) {
		Set<TriageField> settled = EnumSet.noneOf(TriageField.class);
		boolean categoryAtRegistration = hasCategory;
		boolean groupAtRegistration = false;
		boolean categorySeen = false;
		for (Change change : trail) {
			TriageField field = change.field();
			if (change.byPerson()) {
				settled.add(field);
			}
			if (field == TriageField.CATEGORY && !categorySeen) {
				// the first change of the category tells whether it had one at registration
				categorySeen = true;
				categoryAtRegistration = change.hadValue();
			}
			if (field == TriageField.GROUP && !change.byPerson() && change.at().equals(registeredAt)) {
				groupAtRegistration = true;
			}
		}
		if (fromCatalogue) {
			settled.add(TriageField.TYPE);
			if (groupAtRegistration) {
				settled.add(TriageField.GROUP);
			}
		}
		else if (channel != Channel.EMAIL) {
			settled.add(TriageField.TYPE);
			settled.add(TriageField.URGENCY);
		}
		if (categoryAtRegistration && channel != Channel.EMAIL) {
			settled.add(TriageField.CATEGORY);
		}
		return settled;
	}

}

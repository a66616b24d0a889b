package org.guichet.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** The events a webhook may be told of, with their name in the payload's {@code type}. */
public enum WebhookEvent {

	/** A ticket was registered, by any channel. */
	TICKET_CREATED("ticket.created"),
	/** A ticket's status changed (taken, pending, resolved, closed, reopened, cancelled…). */
	TICKET_STATUS_CHANGED("ticket.status_changed"),
	/** A ticket's group or technician changed. */
	TICKET_ASSIGNED("ticket.assigned"),
	/** A public comment was added (a reply of the IT team or of the requester's side); never an internal note. */
	TICKET_COMMENTED("ticket.commented"),
	/** A ticket's SLA became at risk. */
	SLA_AT_RISK("sla.at_risk"),
	/** A ticket's SLA became breached. */
	SLA_BREACHED("sla.breached"),
	/** A ticket's approval was approved or refused. */
	APPROVAL_DECIDED("approval.decided");

	private final String type;

	WebhookEvent(String type) {
		this.type = type;
	}

	/** The name in the payload, e.g. {@code ticket.created}. */
	public String type() {
		return type;
	}

	/** The event of this enum name ({@code TICKET_CREATED}) or payload name ({@code ticket.created}); empty for none. */
	public static Optional<WebhookEvent> of(String name) {
		return Arrays.stream(values()).filter(e -> e.name().equals(name) || e.type.equals(name)).findFirst();
	}

}

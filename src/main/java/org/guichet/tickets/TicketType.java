package org.guichet.tickets;

public enum TicketType {

	INCIDENT, SERVICE_REQUEST, ASSISTANCE

}

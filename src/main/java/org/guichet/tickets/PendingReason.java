package org.guichet.tickets;

public enum PendingReason {

	USER, SUPPLIER, APPROVAL

}

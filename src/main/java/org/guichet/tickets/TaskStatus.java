package org.guichet.tickets;

public enum TaskStatus {

	TODO, IN_PROGRESS, DONE

}

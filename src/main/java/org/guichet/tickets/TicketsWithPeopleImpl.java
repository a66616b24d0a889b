package org.guichet.tickets;

import java.util.Map;
import java.util.Optional;

import org.hibernate.jpa.SpecHints;

import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Reads by id with a load graph rather than a query: a query always runs, even for the ticket
 * the transaction just registered, whereas a find answers from the persistence context first.
 */
class TicketsWithPeopleImpl implements TicketsWithPeople {

	@PersistenceContext
	private EntityManager em;

	@Override
	public Optional<Ticket> findWithPeople(long id) {
		EntityGraph<Ticket> people = em.createEntityGraph(Ticket.class);
		people.addAttributeNodes("requester", "registeredBy", "assignee", "group", "category");
		return Optional.ofNullable(em.find(Ticket.class, id, Map.of(SpecHints.HINT_SPEC_LOAD_GRAPH, people)));
	}

}

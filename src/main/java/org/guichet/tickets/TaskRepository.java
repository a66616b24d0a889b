package org.guichet.tickets;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TaskRepository extends JpaRepository<Task, Long> {

	@Query("select t from Task t left join fetch t.assignee where t.ticket.id = :ticketId order by t.id")
	List<Task> findByTicket(long ticketId);

	@Query("select t from Task t where t.id = :taskId and t.ticket.id = :ticketId")
	Optional<Task> findOnTicket(long ticketId, long taskId);

}

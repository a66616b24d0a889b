package org.guichet.approvals;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApprovalRepository extends JpaRepository<Approval, Long> {

	Optional<Approval> findByTicketId(long ticketId);

	/** The pending approvals whose open step asks one of those people, oldest first. */
	@Query("select distinct a from Approval a join a.steps s join s.approverIds u"
			+ " where a.outcome = org.guichet.approvals.ApprovalOutcome.PENDING"
			+ " and s.state = org.guichet.approvals.StepState.OPEN and u in :userIds order by a.requestedAt, a.id")
	List<Approval> findOpenAsking(Collection<Long> userIds);

	/** How many pending approvals ask that person on their open step and still wait for their own answer. */
	@Query("select count(distinct a.id) from Approval a join a.steps s join s.approverIds u"
			+ " where a.outcome = org.guichet.approvals.ApprovalOutcome.PENDING"
			+ " and s.state = org.guichet.approvals.StepState.OPEN and u = :userId"
			+ " and not exists (select d.id from ApprovalDecision d where d.step = s and d.approverId = :userId)")
	long countOpenAsking(long userId);

	/** A step with its approval, by the step's id (what an approval link names). */
	@Query("select s from ApprovalStep s join fetch s.approval where s.id = :stepId")
	Optional<ApprovalStep> findStep(long stepId);

	/** The people whose manager that person is. */
	@Query("select u.id from User u where u.manager.id = :managerId and u.active = true")
	List<Long> findReportsOf(long managerId);

	/** The approvals requested in [start, end), counted by outcome: rows of (outcome, count). */
	@Query("select a.outcome, count(a) from Approval a where a.requestedAt >= :start and a.requestedAt < :end"
			+ " group by a.outcome")
	List<Object[]> countByOutcomeRequestedBetween(java.time.Instant start, java.time.Instant end);

}

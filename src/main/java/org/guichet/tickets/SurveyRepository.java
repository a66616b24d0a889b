package org.guichet.tickets;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SurveyRepository extends JpaRepository<Survey, Long> {

	/** Surveys whose invitation is due at {@code now} and not sent, still answerable, oldest due first. */
	@Query("select s from Survey s where s.invitedAt is null and s.inviteAt <= :now and s.expiresAt > :now"
			+ " order by s.inviteAt, s.ticketId")
	List<Survey> findDue(Instant now, Pageable page);

}

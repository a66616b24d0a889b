package org.guichet.routing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AbsenceRepository extends JpaRepository<Absence, Long> {

	@Query("select distinct a.userId from Absence a where a.userId in :userIds and a.startsAt <= :at and a.endsAt > :at")
	List<Long> findAbsentAt(Collection<Long> userIds, Instant at);

	@Query("select a from Absence a where a.userId = :userId order by a.startsAt desc")
	List<Absence> findByUser(long userId);

	@Query("select a from Absence a where a.userId = :userId and a.id = :id")
	Optional<Absence> findOfUser(long userId, long id);

}

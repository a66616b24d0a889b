package org.guichet.routing;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface GroupAssignmentRepository extends JpaRepository<GroupAssignment, Long> {

	/** The mode alone, without loading the row, which would then be read unlocked. */
	@Query("select a.mode from GroupAssignment a where a.groupId = :groupId")
	Optional<AssignmentMode> findMode(long groupId);

	/** Locks the row until the transaction ends, so concurrent registrations take turns. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from GroupAssignment a where a.groupId = :groupId")
	Optional<GroupAssignment> findForUpdate(long groupId);

	@Modifying
	@Query("delete from GroupAssignment a where a.groupId = :groupId")
	void deleteByGroup(long groupId);

}

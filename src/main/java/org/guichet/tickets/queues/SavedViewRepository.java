package org.guichet.tickets.queues;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SavedViewRepository extends JpaRepository<SavedView, Long> {

	/** The person's own views and those shared with the groups given, by name. */
	@Query("select v from SavedView v where (v.ownerId = :ownerId and v.groupId is null) or v.groupId in :groupIds"
			+ " order by lower(v.name), v.id")
	List<SavedView> findVisible(long ownerId, Collection<Long> groupIds);

	@Modifying
	@Query("delete from SavedView v where v.groupId = :groupId")
	int deleteByGroup(long groupId);

}

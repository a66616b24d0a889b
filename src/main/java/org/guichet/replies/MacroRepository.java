package org.guichet.replies;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MacroRepository extends JpaRepository<Macro, Long> {

	@Query("""
			select m from Macro m where m.ownerId = :ownerId or m.groupId in :groupIds
			order by lower(m.name), m.id""")
	List<Macro> findUsable(long ownerId, Collection<Long> groupIds);

	@Query("select m from Macro m where m.ownerId = :ownerId order by lower(m.name), m.id")
	List<Macro> findPersonal(long ownerId);

	@Query("select m from Macro m where m.groupId in :groupIds order by lower(m.name), m.id")
	List<Macro> findShared(Collection<Long> groupIds);

	@Query("select m from Macro m where m.groupId is not null order by lower(m.name), m.id")
	List<Macro> findAllShared();

	List<Macro> findByCannedReplyId(long cannedReplyId);

	List<Macro> findByGroupId(long groupId);

	List<Macro> findByAssignGroupId(long groupId);

}

package org.guichet.replies;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CannedReplyRepository extends JpaRepository<CannedReply, Long> {

	/** The person's own ones and those shared with the given groups whose name contains the text (lower case). */
	@Query("""
			select r from CannedReply r
			where (r.ownerId = :ownerId or r.groupId in :groupIds) and lower(r.name) like concat('%', :text, '%')
			order by lower(r.name), r.id""")
	List<CannedReply> findUsable(long ownerId, Collection<Long> groupIds, String text);

	@Query("select r from CannedReply r where r.ownerId = :ownerId order by lower(r.name), r.id")
	List<CannedReply> findPersonal(long ownerId);

	@Query("select r from CannedReply r where r.groupId in :groupIds order by lower(r.name), r.id")
	List<CannedReply> findShared(Collection<Long> groupIds);

	@Query("select r from CannedReply r where r.groupId is not null order by lower(r.name), r.id")
	List<CannedReply> findAllShared();

	List<CannedReply> findByGroupId(long groupId);

}

package org.guichet.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SupportGroupRepository extends JpaRepository<SupportGroup, Long> {

	Optional<SupportGroup> findByName(String name);

	@EntityGraph(attributePaths = "members")
	Optional<SupportGroup> findWithMembersById(long id);

	@Query("select g.id from SupportGroup g join g.members m where m.id = :userId")
	List<Long> findGroupIdsOfMember(long userId);

	@Query("select distinct g from SupportGroup g left join fetch g.members order by g.level, g.name")
	List<SupportGroup> findAllWithMembers();

}

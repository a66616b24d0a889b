package org.guichet.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

	@Query("select t from ApiToken t join fetch t.user u where t.tokenDigest = :digest and u.active = true")
	Optional<ApiToken> findOfActiveUserByDigest(String digest);

	List<ApiToken> findByUserIdOrderByCreatedAtDesc(long userId);

	Optional<ApiToken> findByIdAndUserId(long id, long userId);

}

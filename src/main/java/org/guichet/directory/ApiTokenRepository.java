package org.guichet.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

	@Query("select t.user from ApiToken t where t.tokenDigest = :digest and t.user.active = true")
	Optional<User> findActiveUserByDigest(String digest);

	List<ApiToken> findByUserIdOrderByCreatedAtDesc(long userId);

	Optional<ApiToken> findByIdAndUserId(long id, long userId);

}

package org.guichet.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

	/**
	 * Outside a transaction, one statement in auto-commit: every API request reads its token, and a
	 * read-only transaction of its own would add its {@code BEGIN} and {@code COMMIT}.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	@Query("select t from ApiToken t join fetch t.user u where t.tokenDigest = :digest")
	Optional<ApiToken> findWithOwnerByDigest(String digest);

	List<ApiToken> findByUserIdOrderByCreatedAtDesc(long userId);

	Optional<ApiToken> findByIdAndUserId(long id, long userId);

}

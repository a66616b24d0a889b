package org.guichet.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UserRepository extends JpaRepository<User, Long> {

	Optional<User> findByUsername(String username);

	boolean existsByUsername(String username);

	List<User> findByActiveTrue(Sort sort);

	List<User> findByRoleInAndActiveTrue(List<Role> roles, Sort sort);

}

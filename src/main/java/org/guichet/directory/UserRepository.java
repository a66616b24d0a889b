package org.guichet.directory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface UserRepository extends JpaRepository<User, Long>, JpaSpecificationExecutor<User> {

	Optional<User> findByUsername(String username);

	/** The people with these user names, in no order; a name nobody has is left out. */
	List<User> findByUsernameIn(Collection<String> usernames);

	boolean existsByUsername(String username);

	@EntityGraph(attributePaths = "manager")
	Optional<User> findWithManagerById(long id);

	List<User> findByActiveTrue(Sort sort);

	List<User> findByRoleInAndActiveTrue(List<Role> roles, Sort sort);

	/** How many active people have exactly this role (the tool's page counts users per role). */
	long countByRoleAndActiveTrue(Role role);

	/** Users whose user name or full name contains the text, ignoring case. */
	@Query("select u from User u where lower(u.username) like lower(concat('%', :text, '%'))"
			+ " or lower(u.fullName) like lower(concat('%', :text, '%'))")
	Page<User> search(String text, Pageable pageable);

	/**
	 * Active people whose full name, user name, e-mail or phone contains the pattern's text, by
	 * name, a page at a time (the caller picker of a phone call).
	 *
	 * @param pattern a LIKE pattern in lower case, with {@code !} escaping {@code %}, {@code _} and itself
	 */
	@Query("select u from User u where u.active = true and (lower(u.fullName) like :pattern escape '!'"
			+ " or lower(u.username) like :pattern escape '!' or lower(u.email) like :pattern escape '!'"
			+ " or u.phone like :pattern escape '!') order by u.fullName, u.id")
	Slice<User> findCallers(String pattern, Pageable pageable);

	/**
	 * People whose phone's last digits (its {@code phone_tail} column: the last
	 * {@value AddressBook#PHONE_TAIL_DIGITS} characters of the number without its spaces, dots,
	 * dashes and brackets) are these, by id.
	 */
	@Query(value = "select * from app_user where phone_tail = :digits order by id", nativeQuery = true)
	List<User> findByPhoneTail(String digits);

	/** People whose phone's last digits (as {@link #findByPhoneTail}) end with these, by id. */
	@Query(value = "select * from app_user where phone_tail like concat('%', :digits) order by id", nativeQuery = true)
	List<User> findByPhoneTailEnding(String digits);

	/**
	 * Active people whose full name contains the pattern's text, by name, a page at a time (the
	 * person picker of the catalogue's forms, which shows names and departments only).
	 *
	 * @param pattern a LIKE pattern in lower case, with {@code !} escaping {@code %}, {@code _} and itself
	 */
	@Query("select u from User u where u.active = true and lower(u.fullName) like :pattern escape '!'"
			+ " order by u.fullName, u.id")
	Slice<User> findActiveByName(String pattern, Pageable pageable);

	/** The active people whose manager is that person (their direct reports), in that order. */
	List<User> findByManagerIdAndActiveTrue(long managerId, Sort sort);

	/** The people with this e-mail address, ignoring case: active ones first, then the oldest. */
	@Query(value = "select * from app_user where email_key = lower(:address) order by active desc, id", nativeQuery = true)
	List<User> findByAddress(String address);

}

package org.guichet.calendars.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface StoredCalendarRepository extends JpaRepository<StoredCalendar, Long> {

	List<StoredCalendar> findAllByOrderByName();

	Optional<StoredCalendar> findByName(String name);

	/** The version alone, to tell whether a built calendar kept in memory is still current. */
	@Query("select c.version from StoredCalendar c where c.id = :id")
	Optional<Long> findVersionById(long id);

}

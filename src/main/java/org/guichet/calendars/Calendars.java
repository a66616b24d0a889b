package org.guichet.calendars;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.guichet.calendars.internal.StoredCalendar;
import org.guichet.calendars.internal.StoredCalendarRepository;
import org.guichet.system.ConflictException;
import org.guichet.system.NotFoundException;
import org.guichet.system.VersionMismatchException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The stored business calendars: defining, changing and removing them, and the
 * {@link BusinessCalendar} of a calendar for the modules that compute deadlines on it.
 * <p>
 * A calendar is validated before it gets here, by building its {@link BusinessCalendar}. Built
 * calendars are kept in memory per id and version: building one is not free, and it keeps the
 * tables it computes deadlines with. Several nodes may share the database: a calendar changed on
 * another node has a new version, so it is built again. A transaction reads a calendar's version
 * once and keeps it to its end (a new ticket asks for its calendar several times): it computes
 * with the calendar as it was at its first use, as if a change committed meanwhile came after it.
 */
@Service
@Transactional
public class Calendars {

	private final StoredCalendarRepository repository;

	private final ObjectProvider<CalendarDeletionCheck> deletionChecks;

	private final ApplicationEventPublisher events;

	private final Map<Long, Built> built = new ConcurrentHashMap<>();

	Calendars(StoredCalendarRepository repository, ObjectProvider<CalendarDeletionCheck> deletionChecks,
			ApplicationEventPublisher events) {
		this.events = events;
		this.repository = repository;
		this.deletionChecks = deletionChecks;
	}

	/**
	 * Saves a new calendar.
	 * @throws ConflictException if another calendar has that name
	 */
	public NamedCalendar create(String name, BusinessCalendar calendar, Map<Holiday, String> holidayLabels) {
		refuseTakenName(name, null);
		StoredCalendar stored = this.repository.saveAndFlush(new StoredCalendar(name, calendar, holidayLabels));
		return named(stored, calendar);
	}

	/**
	 * Replaces a calendar's name and definition.
	 * @param expectedVersion the version the change was made on
	 * @throws NotFoundException if there is no such calendar
	 * @throws VersionMismatchException (412) if the calendar changed since {@code expectedVersion}
	 * @throws ConflictException if another calendar has that name
	 */
	public NamedCalendar update(long id, long expectedVersion, String name, BusinessCalendar calendar,
			Map<Holiday, String> holidayLabels) {
		StoredCalendar stored = stored(id);
		VersionMismatchException.check(expectedVersion, stored.getVersion(), "calendar.stale",
				"Calendar " + id + " was changed by someone else", stored.getName());
		refuseTakenName(name, id);
		stored.redefine(name, calendar, holidayLabels);
		forgetVersionRead(id);
		NamedCalendar saved = named(this.repository.saveAndFlush(stored), calendar);
		this.events.publishEvent(new CalendarChanged(id));
		return saved;
	}

	/** Saves the calendar under that name, replacing the calendar of that name if there is one (for set-up data). */
	public NamedCalendar define(String name, BusinessCalendar calendar) {
		StoredCalendar stored = this.repository.findByName(name)
			.map((existing) -> {
				existing.redefine(name, calendar, Map.of());
				forgetVersionRead(existing.getId());
				return existing;
			})
			.orElseGet(() -> new StoredCalendar(name, calendar, Map.of()));
		return named(this.repository.saveAndFlush(stored), calendar);
	}

	/** @throws NotFoundException if there is no such calendar */
	@Transactional(readOnly = true)
	public NamedCalendar get(long id) {
		return named(stored(id));
	}

	@Transactional(readOnly = true)
	public boolean exists(long id) {
		return this.repository.existsById(id);
	}

	/** Every calendar, by name. */
	@Transactional(readOnly = true)
	public List<NamedCalendar> list() {
		return this.repository.findAllByOrderByName().stream().map(this::named).toList();
	}

	/**
	 * @throws NotFoundException if there is no such calendar
	 * @throws ConflictException if something still uses it, e.g. an SLA policy
	 */
	public void delete(long id) {
		StoredCalendar stored = stored(id);
		NamedCalendar calendar = named(stored);
		this.deletionChecks.orderedStream().forEach((check) -> check.refuseIfUsed(calendar));
		this.repository.delete(stored);
		forgetVersionRead(id);
		this.built.remove(id);
	}

	/**
	 * The version of the calendar of that id, which moves on with every change of it.
	 * @throws NotFoundException if there is no such calendar
	 */
	@Transactional(readOnly = true)
	public long version(long id) {
		return versionRead(id);
	}

	/**
	 * The current business calendar of that id, to compute deadlines with.
	 * @throws NotFoundException if there is no such calendar
	 */
	@Transactional(readOnly = true)
	public BusinessCalendar calendar(long id) {
		return builtOnce(id, versionRead(id), () -> stored(id));
	}

	/** The calendar's version as first read in the current transaction, or read now outside one. */
	private long versionRead(long id) {
		VersionsRead read = versionsRead(true);
		Long version = read == null ? null : read.versions.get(id);
		if (version == null) {
			version = this.repository.findVersionById(id).orElseThrow(() -> notFound(id));
			if (read != null) {
				read.versions.put(id, version);
			}
		}
		return version;
	}

	/** The calendar changes in the current transaction: its version is read again at its next use. */
	private void forgetVersionRead(long id) {
		VersionsRead read = versionsRead(false);
		if (read != null) {
			read.versions.remove(id);
		}
	}

	/**
	 * The versions read in the current transaction, registered with it (a transaction suspended for
	 * another keeps its own), or null outside a transaction or when none is kept and {@code create}
	 * is false.
	 */
	private @Nullable VersionsRead versionsRead(boolean create) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof VersionsRead read && read.owner() == this) {
				return read;
			}
		}
		if (!create) {
			return null;
		}
		VersionsRead read = new VersionsRead();
		TransactionSynchronizationManager.registerSynchronization(read);
		return read;
	}

	private NamedCalendar named(StoredCalendar stored) {
		return named(stored, builtOnce(stored.getId(), stored.getVersion(), () -> stored));
	}

	private static NamedCalendar named(StoredCalendar stored, BusinessCalendar calendar) {
		return new NamedCalendar(stored.getId(), stored.getName(), stored.getVersion(), calendar, stored.holidayLabels());
	}

	/** Kept in memory only from what was read from the database, never from a write that might still roll back. */
	private BusinessCalendar builtOnce(long id, long version, Supplier<StoredCalendar> stored) {
		Built cached = this.built.get(id);
		if (cached != null && cached.version() == version) {
			return cached.calendar();
		}
		StoredCalendar current = stored.get();
		BusinessCalendar calendar = current.toBusinessCalendar();
		this.built.put(id, new Built(current.getVersion(), calendar));
		return calendar;
	}

	private StoredCalendar stored(long id) {
		return this.repository.findById(id).orElseThrow(() -> notFound(id));
	}

	private void refuseTakenName(String name, @Nullable Long exceptId) {
		this.repository.findByName(name)
			.filter((other) -> exceptId == null || other.getId() != exceptId)
			.ifPresent((other) -> {
				throw new ConflictException("calendar.name-taken", "There is already a calendar named " + name, name);
			});
	}

	private static NotFoundException notFound(long id) {
		return new NotFoundException("calendar.not-found", "No calendar " + id, String.valueOf(id));
	}

	private record Built(long version, BusinessCalendar calendar) {

	}

	/** The calendars' versions read in one transaction, forgotten with it. */
	private final class VersionsRead implements TransactionSynchronization {

		private final Map<Long, Long> versions = new HashMap<>();

		Calendars owner() {
			return Calendars.this;
		}

	}

}

package org.guichet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Builds the whole index again from the database (Hibernate Search's mass indexer), on an
 * administrator's demand or at start when the index is empty while the database holds documents
 * (a new installation, an index folder deleted or lost) or was built with older fields (an
 * upgrade: see {@link #FIELDS_VERSION}). The application serves meanwhile; the changes committed
 * during a build reach the index through the usual path as well. One build at a time on this node.
 * On OpenSearch the index is the nodes' one: a build started on any node rebuilds it for all, and
 * {@link #progress()} is this node's build only.
 */
@Component
public class IndexBuild {

	private static final Logger log = LoggerFactory.getLogger(IndexBuild.class);

	/**
	 * The version of the indexes' fields, written beside them ({@value #FIELDS_FILE}) once a build
	 * succeeded. Raise it with any mapping change that documents indexed before it would not answer
	 * (a field's type or analysis changed, a field queries need added): an index on disk with another
	 * version is built again at the next start. 2: people, groups and categories as keywords; 3: a
	 * ticket's texts but its title in one field; 4: a ticket of no group marked so ({@code unrouted});
	 * 5: each of a ticket's texts in one field of both languages' analysis. On OpenSearch the version
	 * is part of the indexes' names: other fields are new, empty indexes, built when found empty.
	 */
	static final int FIELDS_VERSION = 5;

	private static final String FIELDS_FILE = "fields-version";

	private final EntityManagerFactory entityManagerFactory;

	private final Clock clock;

	private final boolean atStartWhenEmpty;

	/**
	 * The file of the fields' version, or null when the index is in memory (never outdated) or on
	 * OpenSearch, where the version is in the indexes' names ({@link SearchBackend}).
	 */
	private final @Nullable Path fieldsFile;

	private final AtomicReference<@Nullable Progress> current = new AtomicReference<>();

	IndexBuild(EntityManagerFactory entityManagerFactory, Clock clock, SearchBackend backend,
			@Value("${guichet.search.build-when-empty:true}") boolean atStartWhenEmpty,
			@Value("${spring.jpa.properties.hibernate.search.backend.directory.type:local-filesystem}") String directoryType,
			@Value("${spring.jpa.properties.hibernate.search.backend.directory.root:}") String directoryRoot) {
		this.entityManagerFactory = entityManagerFactory;
		this.clock = clock;
		this.atStartWhenEmpty = atStartWhenEmpty;
		this.fieldsFile = backend.isLocal() && "local-filesystem".equals(directoryType) && !directoryRoot.isBlank()
				? Path.of(directoryRoot).resolve(FIELDS_FILE) : null;
	}

	/**
	 * The last build's progress (this run of the application), or null when none was started.
	 */
	public @Nullable Progress progress() {
		return current.get();
	}

	/**
	 * Starts a build in the background unless one runs; gives its progress (the running one's when
	 * one was already running).
	 */
	public Progress start() {
		Progress running = current.get();
		if (running != null && running.finishedAt() == null) {
			return running;
		}
		Progress progress = new Progress(clock.instant());
		current.set(progress);
		SearchMapping mapping = Search.mapping(entityManagerFactory);
		mapping.scope(Object.class)
			.massIndexer()
			.threadsToLoadObjects(2)
			.batchSizeToLoadObjects(100)
			.monitor(progress)
			.start()
			.whenComplete((done, failure) -> {
				progress.finish(clock.instant(), failure);
				if (failure != null) {
					log.error("Building the search index failed", failure);
				}
				else {
					log.info("Search index built: {} documents", progress.done());
					writeFieldsVersion();
				}
			});
		return progress;
	}

	@EventListener(ApplicationReadyEvent.class)
	void buildWhenEmptyOrOutdated() {
		if (!atStartWhenEmpty) {
			return;
		}
		if (indexIsEmptyWhileDatabaseIsNot()) {
			log.info("The search index is empty while the database holds documents: building it");
			start();
		}
		else if (fieldsOutdated()) {
			log.info("The search index was built with older fields than version {}: building it again", FIELDS_VERSION);
			start();
		}
	}

	/** Whether the index on disk was built with other fields than this version's (none written: version 1). */
	private boolean fieldsOutdated() {
		if (fieldsFile == null) {
			return false;
		}
		try {
			if (!Files.exists(fieldsFile)) {
				if (indexIsEmpty()) {
					writeFieldsVersion();
					return false;
				}
				return true;
			}
			return !Integer.toString(FIELDS_VERSION).equals(Files.readString(fieldsFile).strip());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read " + fieldsFile, e);
		}
	}

	private void writeFieldsVersion() {
		if (fieldsFile != null) {
			try {
				Files.createDirectories(fieldsFile.getParent());
				Files.writeString(fieldsFile, Integer.toString(FIELDS_VERSION));
			}
			catch (IOException e) {
				log.error("Cannot write {}: the index will be built again at the next start", fieldsFile, e);
			}
		}
	}

	private boolean indexIsEmpty() {
		var em = entityManagerFactory.createEntityManager();
		try {
			SearchSession session = Search.session(em);
			return session.search(session.scope(Object.class)).where(f -> f.matchAll()).fetchTotalHitCount() == 0;
		}
		finally {
			em.close();
		}
	}

	private boolean indexIsEmptyWhileDatabaseIsNot() {
		if (!indexIsEmpty()) {
			return false;
		}
		var em = entityManagerFactory.createEntityManager();
		try {
			return Search.mapping(entityManagerFactory)
				.allIndexedEntities()
				.stream()
				.anyMatch(entity -> !em.createQuery("select 1 from " + entity.jpaName(), Integer.class)
					.setMaxResults(1)
					.getResultList()
					.isEmpty());
		}
		finally {
			em.close();
		}
	}

	/** A build's progress, safe to read from any thread. */
	public static final class Progress implements MassIndexingMonitor {

		private final Instant startedAt;

		private final AtomicLong total = new AtomicLong();

		private final AtomicLong done = new AtomicLong();

		private volatile @Nullable Instant finishedAt;

		private volatile @Nullable String failure;

		Progress(Instant startedAt) {
			this.startedAt = startedAt;
		}

		public Instant startedAt() {
			return startedAt;
		}

		/** When it ended, or null while it runs. */
		public @Nullable Instant finishedAt() {
			return finishedAt;
		}

		/** Why it failed, or null while it runs or when it succeeded. */
		public @Nullable String failure() {
			return failure;
		}

		/** Documents to index, as counted when the build started. */
		public long total() {
			return total.get();
		}

		/** Documents indexed so far. */
		public long done() {
			return done.get();
		}

		/** Percent done, 0 to 100. */
		public int percent() {
			long all = total.get();
			return all == 0 ? (finishedAt == null ? 0 : 100) : (int) Math.min(100, done.get() * 100 / all);
		}

		void finish(Instant at, @Nullable Throwable cause) {
			failure = cause == null ? null : String.valueOf(cause.getMessage());
			finishedAt = at;
		}

		@Override
		public void documentsAdded(long increment) {
			done.addAndGet(increment);
		}

		@Override
		public void documentsBuilt(long increment) {
		}

		@Override
		public void entitiesLoaded(long increment) {
		}

		@Override
		public void addToTotalCount(long increment) {
			total.addAndGet(increment);
		}

		@Override
		public void indexingCompleted() {
		}

	}

}

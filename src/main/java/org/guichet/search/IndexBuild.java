package org.guichet.search;

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
 * (a new installation, an index folder deleted or lost). The application serves meanwhile; the
 * changes committed during a build reach the index through the usual path as well. One build at a
 * time.
 */
@Component
public class IndexBuild {

	private static final Logger log = LoggerFactory.getLogger(IndexBuild.class);

	private final EntityManagerFactory entityManagerFactory;

	private final Clock clock;

	private final boolean atStartWhenEmpty;

	private final AtomicReference<@Nullable Progress> current = new AtomicReference<>();

	IndexBuild(EntityManagerFactory entityManagerFactory, Clock clock,
			@Value("${guichet.search.build-when-empty:true}") boolean atStartWhenEmpty) {
		this.entityManagerFactory = entityManagerFactory;
		this.clock = clock;
		this.atStartWhenEmpty = atStartWhenEmpty;
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
				}
			});
		return progress;
	}

	@EventListener(ApplicationReadyEvent.class)
	void buildWhenEmpty() {
		if (atStartWhenEmpty && indexIsEmptyWhileDatabaseIsNot()) {
			log.info("The search index is empty while the database holds documents: building it");
			start();
		}
	}

	private boolean indexIsEmptyWhileDatabaseIsNot() {
		var em = entityManagerFactory.createEntityManager();
		try {
			SearchSession session = Search.session(em);
			if (session.search(session.scope(Object.class)).where(f -> f.matchAll()).fetchTotalHitCount() > 0) {
				return false;
			}
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

package org.guichet.assist;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.guichet.tickets.ResolvedTickets;
import org.guichet.tickets.ResolvedTickets.ResolvedTicket;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Learns the desk's triage models from its resolved and closed tickets
 * ({@link ResolvedTickets}: an agent answered for their fields), one model per field, and keeps
 * them ({@link TriageModels}). Trains on a schedule ({@code guichet.assist.training-cron}, by
 * default every night at 03:15; {@code -} for never), on an administrator's demand, and in the
 * background when the desk has no model yet (at start, and once the demo data is loaded), unless
 * {@code guichet.assist.train-when-missing} is false. One training at a time: asked while one
 * runs, it runs once more after it, so that it learns from the tickets as they are then.
 */
@Service
public class TriageTraining {

	/** The fewest tickets a field must be learnt from; with fewer, that field has no model. */
	public static final int MIN_EXAMPLES = 20;

	private static final int PAGE = 1000;

	private static final Logger log = LoggerFactory.getLogger(TriageTraining.class);

	/**
	 * What one training did.
	 *
	 * @param tickets the resolved tickets read
	 * @param trained the fields that have a model now, with how many tickets each learnt from
	 * @param took how long it took
	 */
	public record Outcome(int tickets, Map<TriageField, Integer> trained, Duration took) {
	}

	private final ResolvedTickets resolved;

	private final TriageModels models;

	private final Clock clock;

	private final boolean trainWhenMissing;

	private final ExecutorService background = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "assist-training");
		thread.setDaemon(true);
		thread.setPriority(Thread.MIN_PRIORITY);
		return thread;
	});

	private final AtomicBoolean queued = new AtomicBoolean();

	TriageTraining(ResolvedTickets resolved, TriageModels models, Clock clock,
			@Value("${guichet.assist.train-when-missing:true}") boolean trainWhenMissing) {
		this.resolved = resolved;
		this.models = models;
		this.clock = clock;
		this.trainWhenMissing = trainWhenMissing;
	}

	/**
	 * Trains now, in the caller's thread, and keeps the models (a field with fewer than
	 * {@link #MIN_EXAMPLES} tickets, or with a single value among them, has no model any more).
	 */
	public Outcome train() {
		long start = System.nanoTime();
		Map<TriageField, List<LabelledText>> examples = new EnumMap<>(TriageField.class);
		for (TriageField field : TriageField.values()) {
			examples.put(field, new ArrayList<>());
		}
		int count = 0;
		long after = 0;
		for (List<ResolvedTicket> page = resolved.after(after, PAGE); !page.isEmpty(); page = resolved.after(after, PAGE)) {
			for (ResolvedTicket ticket : page) {
				String text = TriageText.of(ticket.title(), ticket.description(), ticket.requesterDepartment());
				add(examples, TriageField.CATEGORY, text, ticket.categoryId());
				add(examples, TriageField.TYPE, text, ticket.type().name());
				add(examples, TriageField.URGENCY, text, ticket.urgency().name());
				add(examples, TriageField.GROUP, text, ticket.groupId());
				after = ticket.id();
			}
			count += page.size();
		}
		Map<TriageField, TriageModel> trained = new EnumMap<>(TriageField.class);
		Map<TriageField, Integer> sizes = new EnumMap<>(TriageField.class);
		examples.forEach((field, texts) -> {
			if (texts.size() >= MIN_EXAMPLES && distinctLabels(texts) >= 2) {
				trained.put(field, TriageClassifier.train(texts, TriageClassifier.Settings.DEFAULT));
				sizes.put(field, texts.size());
			}
		});
		models.replace(trained, sizes, clock.instant());
		Outcome outcome = new Outcome(count, sizes, Duration.ofNanos(System.nanoTime() - start));
		log.info("Triage models learnt from {} resolved tickets in {} ms: {}", count, outcome.took().toMillis(), sizes);
		return outcome;
	}

	/**
	 * Trains in the background; returns at once.
	 *
	 * @return false when a training was already waiting to start (it will read the tickets as they
	 * are then, so this demand is served by it)
	 */
	public boolean trainInBackground() {
		if (!queued.compareAndSet(false, true)) {
			return false;
		}
		background.execute(() -> {
			queued.set(false);
			try {
				train();
			}
			catch (RuntimeException e) {
				log.warn("Triage training failed; the former models stay in use", e);
			}
		});
		return true;
	}

	/**
	 * Trains in the background when the desk has no model yet and training when missing is on: at
	 * start, and when a desk's tickets were loaded in bulk (the demo data).
	 */
	@EventListener(ApplicationReadyEvent.class)
	public void trainWhenMissing() {
		if (trainWhenMissing && !models.any()) {
			trainInBackground();
		}
	}

	@Scheduled(cron = "${guichet.assist.training-cron:0 15 3 * * *}")
	@SchedulerLock(name = "triage-training", lockAtLeastFor = "PT5M")
	void trainOnSchedule() {
		trainInBackground();
	}

	@PreDestroy
	void stop() {
		background.shutdownNow();
	}

	private static void add(Map<TriageField, List<LabelledText>> examples, TriageField field, String text,
			@Nullable Object value) {
		if (value != null) {
			examples.get(field).add(new LabelledText(text, value.toString()));
		}
	}

	private static int distinctLabels(List<LabelledText> texts) {
		Set<String> labels = new HashSet<>();
		texts.forEach(text -> labels.add(text.label()));
		return labels.size();
	}

}

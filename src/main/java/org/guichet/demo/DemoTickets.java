package org.guichet.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;
import org.guichet.demo.DemoCatalogue.Topic;
import org.guichet.demo.DemoOrganisation.Organisation;
import org.guichet.demo.DemoRecurrences.Occurrence;
import org.guichet.demo.DemoWordings.Wording;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.User;
import org.guichet.tickets.Channel;
import org.guichet.tickets.DeskSettings;
import org.guichet.tickets.Survey;
import org.guichet.tickets.SurveySettings;
import org.guichet.tickets.Surveys;
import org.guichet.tickets.Impact;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.Priority;
import org.guichet.tickets.PriorityMatrix;
import org.guichet.tickets.ReplyToResolved;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Status;
import org.guichet.tickets.Task;
import org.guichet.tickets.TaskStatus;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.springframework.stereotype.Component;

import static org.guichet.demo.DemoCatalogue.TOPICS;

/**
 * Four months of tickets, each lived through the domain (assigned, taken, answered, put on hold,
 * resolved, refused, accepted, rated…) at the instants it would have happened, so that its
 * history and its timestamps are those of a real ticket. Old tickets are closed, recent ones
 * still open. Each incident is worded in its own way ({@link DemoWordings}); the few problems that
 * come back ({@link DemoRecurrences}) are placed among them at their own instants.
 */
@Component
class DemoTickets {

	static final int TICKETS = 400;

	static final int DAYS = 120;

	static final ZoneId ZONE = ZoneId.of("Europe/Paris");

	private static final Duration AUTO_CLOSE = Duration.ofDays(7);

	/** The demo desk's survey: 60 % of the closed tickets, asked two hours after, for 14 days. */
	private static final SurveySettings DEMO_SURVEY = new SurveySettings(true, 60, 2, 14);

	private final EntityManager entityManager;

	private final TicketManagement tickets;

	private final DeskSettings settings;

	private final Surveys surveys;

	private final Clock clock;

	DemoTickets(EntityManager entityManager, DeskSettings settings, TicketManagement tickets, Surveys surveys,
			Clock clock) {
		this.entityManager = entityManager;
		this.tickets = tickets;
		this.settings = settings;
		this.surveys = surveys;
		this.clock = clock;
	}

	/**
	 * Writes the tickets, then empties the persistence context: what comes next reads them back
	 * in batches instead of checking all of them for changes at every query.
	 *
	 * @return the tickets' ids, oldest ticket first
	 */
	List<TicketId> create(Organisation organisation, Random random) {
		Instant now = clock.instant();
		List<TicketId> created = new ArrayList<>(TICKETS);
		PriorityMatrix matrix = settings.priorityMatrix();
		// requesters validate solutions (the default); a survey as desks run it: a sample, asked
		// two hours after the closure, for two weeks
		settings.saveSurvey(DEMO_SURVEY);
		DemoWordings wordings = new DemoWordings();
		List<Instant> times = creationTimes(now, random, TICKETS - DemoRecurrences.OCCURRENCES.size());
		List<Occurrence> planted = new ArrayList<>(DemoRecurrences.OCCURRENCES);
		planted.sort(Comparator.comparing(occurrence -> createdAt(occurrence, now)));
		int next = 0;
		for (Instant createdAt : times) {
			// the recurrences take their turn among the others, so that ids follow creation
			for (; next < planted.size() && createdAt(planted.get(next), now).isBefore(createdAt); next++) {
				created.add(plant(planted.get(next), organisation, matrix, random, now));
			}
			Topic topic = TOPICS.get(random.nextInt(TOPICS.size()));
			User requester = requester(organisation, random);
			Story story = new Story(organisation, matrix, random, createdAt, now, entityManager::persist, topic, requester,
					wordings.next(topic, requester), surveys);
			created.add(live(createdAt.equals(times.get(times.size() - 1)) ? story.untouched() : story));
		}
		for (; next < planted.size(); next++) {
			created.add(plant(planted.get(next), organisation, matrix, random, now));
		}
		entityManager.flush();
		entityManager.clear();
		return created;
	}

	private TicketId plant(Occurrence occurrence, Organisation organisation, PriorityMatrix matrix, Random random,
			Instant now) {
		Topic topic = occurrence.topic();
		return live(new Story(organisation, matrix, random, createdAt(occurrence, now), now, entityManager::persist, topic,
				organisation.person(occurrence.requester()), new Wording(topic.title(), topic.description()), surveys));
	}

	private TicketId live(Story story) {
		// Persisted, not saved through the repository: these are past tickets, and their
		// events must not reach the listeners of live tickets (notifications, counters).
		Ticket ticket = story.live();
		tickets.recordParticipantsOfNew(ticket);
		return ticket.id();
	}

	private static Instant createdAt(Occurrence occurrence, Instant now) {
		return workingDaysBefore(LocalDate.ofInstant(now, ZONE), occurrence.workingDaysAgo()).atTime(occurrence.at())
			.atZone(ZONE)
			.toInstant();
	}

	/** Who asks: a few people ask far more than the others. */
	private static User requester(Organisation org, Random random) {
		double who = random.nextDouble();
		if (who < 0.10) {
			return org.person("alice");
		}
		if (who < 0.16) {
			return org.person("bob");
		}
		if (who < 0.19) {
			return org.person("cmorel");
		}
		return org.requesters().get(random.nextInt(org.requesters().size()));
	}

	/**
	 * Hours of the day tickets are registered at, and how many in each: the morning and
	 * early-afternoon peaks of an office, a few before and after, fewer still at night.
	 */
	private static final int[] HOUR_WEIGHTS = { 1, 0, 0, 0, 0, 0, 1, 3, 14, 30, 32, 24, 10, 14, 28, 25, 20, 11, 4, 2,
			1, 1, 1, 1 };

	/** The fractional part of the golden ratio, which spreads the successive multiples of it evenly over [0, 1). */
	private static final double GOLDEN_RATIO_FRACTION = (Math.sqrt(5) - 1) / 2;

	/** How many of a working day's tickets come on each day of the week, Monday first (in percent). */
	private static final int[] WEEKDAY_SHARES = { 100, 90, 85, 85, 75, 5, 3 };

	/**
	 * Mostly office hours on working days, Monday the busiest, spread evenly over the days: a
	 * month's arrivals are within a few tickets of the month before (the queues are not empty all
	 * the same, since each ticket stays open for its {@link Story#lifetime}).
	 */
	private static List<Instant> creationTimes(Instant now, Random random, int count) {
		LocalDate today = LocalDate.ofInstant(now, ZONE);
		int hours = 0;
		for (int weight : HOUR_WEIGHTS) {
			hours += weight;
		}
		List<Instant> times = new ArrayList<>(count);
		// the days drawn in a golden-ratio sequence rather than at random: evenly over the whole
		// period, without the months a random draw makes busier or quieter by chance
		double day = random.nextDouble();
		while (times.size() < count) {
			day = (day + GOLDEN_RATIO_FRACTION) % 1;
			LocalDate date = today.minusDays((long) (day * DAYS));
			int hour = 0;
			for (int draw = random.nextInt(hours); draw >= HOUR_WEIGHTS[hour]; hour++) {
				draw -= HOUR_WEIGHTS[hour];
			}
			Instant at = date.atTime(LocalTime.of(hour, random.nextInt(60), random.nextInt(60))).atZone(ZONE).toInstant();
			if (random.nextInt(100) < WEEKDAY_SHARES[date.getDayOfWeek().ordinal()]
					&& at.isBefore(now.minus(Duration.ofMinutes(15)))) {
				times.add(at);
			}
		}
		times.sort(null);
		return times;
	}

	/** The working day {@code days} working days before {@code day}; the last Friday for 0 on a weekend. */
	static LocalDate workingDaysBefore(LocalDate day, int days) {
		LocalDate date = day;
		for (int left = days; left > 0 || date.getDayOfWeek().getValue() > 5; date = date.minusDays(1)) {
			if (date.getDayOfWeek().getValue() <= 5) {
				left--;
			}
		}
		return date;
	}

	/** One ticket's life, from its registration to the status its age calls for. */
	private static final class Story {

		private final Organisation org;

		private final PriorityMatrix matrix;

		private final Random random;

		private final Instant now;

		private final Consumer<Object> store;

		private final Surveys surveys;

		private final Topic topic;

		private final User requester;

		private final Wording wording;

		private final Channel channel;

		/** Registered and solved during the requester's call (an N1 first-contact resolution). */
		private final boolean onTheCall;

		/** Cancelled when its {@link #lifetime} ends, instead of resolved. */
		private final boolean cancelled;

		/** From its registration to its resolution (or cancellation), whether that is past or to come. */
		private final Duration lifetime;

		private final Instant createdAt;

		private Status target;

		private Instant at;

		private SupportGroup group;

		private User technician;

		Story(Organisation org, PriorityMatrix matrix, Random random, Instant createdAt, Instant now,
				Consumer<Object> store, Topic topic, User requester, Wording wording, Surveys surveys) {
			this.org = org;
			this.store = store;
			this.surveys = surveys;
			this.matrix = matrix;
			this.random = random;
			this.now = now;
			this.at = createdAt;
			this.createdAt = createdAt;
			this.topic = topic;
			this.requester = requester;
			this.wording = wording;
			this.channel = weighted(List.of(Channel.PORTAL, Channel.PHONE, Channel.EMAIL, Channel.CHAT, Channel.API,
					Channel.SMS), 50, 18, 16, 7, 5, 4);
			this.onTheCall = channel == Channel.PHONE && chance(0.6);
			this.cancelled = !onTheCall && chance(0.05);
			this.lifetime = onTheCall ? Duration.ofMinutes(5 + random.nextInt(20)) : lifetime(createdAt);
			this.target = target(Duration.between(createdAt, now));
			this.group = topic.category().startsWith("Réseau") || topic.category().startsWith("Wi-Fi")
					|| topic.category().startsWith("Téléphonie") || topic.category().endsWith("ERP") ? org.n2() : org.n1();
			this.technician = pick(org.technicians(group));
		}

		/** The desk's latest ticket, which nobody has opened yet whatever its lifetime: still NEW. */
		Story untouched() {
			target = Status.NEW;
			return this;
		}

		Ticket live() {
			boolean selfService = channel == Channel.PORTAL || channel == Channel.API;
			User dispatcher = pick(org.technicians(org.n1()));
			// requesters tend to say it is more urgent than it is, as the demo's good-practices page says
			int shift = weighted(List.of(0, 1, -1), 55, 40, 5);
			Urgency urgency = Urgency.values()[Math.max(0, Math.min(4, topic.urgency().ordinal() + shift))];
			Ticket ticket = new Ticket(topic.type(), wording.title(), wording.description(), requester,
					selfService ? requester : dispatcher, channel, org.leaves().get(topic.category()), urgency,
					selfService ? Impact.LOW : topic.impact(), matrix, at);
			// stored at once: its escalations name it by its id
			store.accept(ticket);
			if (chance(0.06) && requester.getManager() != null) {
				ticket.addObserver(requester.getManager(), requester, at);
			}
			if (target == Status.NEW) {
				if (chance(0.4)) {
					ticket.assign(group, null, dispatcher, later(5, 120));
				}
				return ticket;
			}
			if (target == Status.CANCELLED && chance(0.5)) {
				ticket.reply(requester, pick(DemoCatalogue.CANCELLATIONS), ReplyToResolved.FLAG, later(10, 600));
				reachTheEndOfItsLifetime();
				ticket.cancel(DemoCatalogue.CANCEL_REASON, dispatcher, later(5, 120));
				return ticket;
			}
			boolean solved = target == Status.RESOLVED || target == Status.CLOSED;
			if (solved && onTheCall) {
				solvedOnTheCall(ticket, dispatcher, urgency);
				return closedIfDue(ticket);
			}
			ticket.prioritise(urgency, topic.impact(), matrix, dispatcher, later(1, 20));
			ticket.assign(group, technician, dispatcher, at);
			if (target == Status.ASSIGNED) {
				return ticket;
			}
			if (solved && lifetime.toHours() < 24 && chance(0.5)) {
				// the solution is the team's first answer
				ticket.take(technician, takeDelay(ticket));
				ticket.resolve(topic.solution(), SolutionKind.PERMANENT, technician, later(10, 180));
				return closedIfDue(ticket);
			}
			work(ticket);
			if (target == Status.CANCELLED) {
				ticket.reply(requester, pick(DemoCatalogue.CANCELLATIONS), ReplyToResolved.FLAG, later(30, 1440));
				reachTheEndOfItsLifetime();
				ticket.cancel(DemoCatalogue.CANCEL_REASON, technician, later(5, 60));
				return ticket;
			}
			// a ticket open for days mostly waits: on its requester or a supplier
			if (target == Status.PENDING || lifetime.toDays() >= 2 || lifetime.toDays() >= 1 && chance(0.5)) {
				waitFor(ticket);
				if (target == Status.PENDING) {
					return ticket;
				}
			}
			if (target == Status.IN_PROGRESS) {
				if (chance(0.4)) {
					ticket.reply(requester, written(pick(DemoCatalogue.REQUESTER_REPLIES)), ReplyToResolved.FLAG, later(10, 240));
				}
				return ticket;
			}
			resolve(ticket);
			return closedIfDue(ticket);
		}

		private Ticket closedIfDue(Ticket ticket) {
			if (target == Status.CLOSED) {
				close(ticket);
			}
			return ticket;
		}

		/**
		 * The agent who took the call registered the ticket and solves it on the phone, within
		 * minutes: a first-contact resolution, by the N1 group.
		 */
		private void solvedOnTheCall(Ticket ticket, User agent, Urgency urgency) {
			group = org.n1();
			technician = agent;
			ticket.prioritise(urgency, topic.impact(), matrix, agent, later(1, 2));
			ticket.assign(group, agent, agent, at);
			ticket.take(agent, at);
			ticket.resolve(topic.solution(), SolutionKind.PERMANENT, agent, later(3, 20));
		}

		/**
		 * When the technician takes the ticket: mostly well within the time to own of its priority,
		 * sometimes late (the desk is busy, the technician away).
		 */
		private Instant takeDelay(Ticket ticket) {
			int target = (int) DemoServiceLevels.standardTimeToOwn(ticket.getPriority()).toMinutes();
			return chance(0.9) ? later(Math.max(1, target / 10), target * 3 / 4) : later(target, target * 3);
		}

		private void work(Ticket ticket) {
			ticket.take(technician, takeDelay(ticket));
			ticket.reply(technician, pick(DemoCatalogue.FIRST_REPLIES), ReplyToResolved.FLAG, later(1, 30));
			if (chance(0.35)) {
				ticket.addInternalNote(technician, written(pick(DemoCatalogue.INTERNAL_NOTES)), later(10, 120));
			}
			if (group == org.n1() && chance(0.12)) {
				escalate(ticket, org.n2(), DemoCatalogue.ESCALATION_N2);
			}
			if (topic.external() && chance(0.6)) {
				escalate(ticket, org.n3(), DemoCatalogue.ESCALATION_N3);
			}
			User supervisor = technician.getManager();
			if (supervisor != null && chance(ticket.getPriority().compareTo(Priority.HIGH) >= 0 ? 0.2 : 0.03)) {
				store.accept(ticket.escalateToSupervisor(supervisor, pick(DemoCatalogue.ESCALATION_SUPERVISOR),
						technician, later(60, 1440)));
			}
			if (topic.category().endsWith("Nouvel arrivant")) {
				for (String title : DemoCatalogue.TASKS) {
					Task task = ticket.addTask(title, technician, 60, technician, later(5, 30));
					if (target.ordinal() >= Status.RESOLVED.ordinal() || chance(0.5)) {
						ticket.updateTask(task, TaskStatus.DONE, 30 + random.nextInt(90), technician, later(60, 1440));
					}
				}
			}
		}

		/** A functional escalation, as an agent makes it: to a group of a higher level, with a reason. */
		private void escalate(Ticket ticket, SupportGroup to, String reason) {
			User from = technician;
			group = to;
			technician = pick(org.technicians(to));
			store.accept(ticket.escalate(to, technician, reason, from, later(30, 1440)));
			ticket.reply(technician, pick(DemoCatalogue.FIRST_REPLIES), ReplyToResolved.FLAG, later(30, 600));
		}

		private void waitFor(Ticket ticket) {
			// a service request's equipment on order; never an approval: only a request filed through the
			// catalogue waits for one, held by the approvals module (DemoServiceCatalogue)
			boolean onOrder = !topic.external() && topic.type() == TicketType.SERVICE_REQUEST && chance(0.4);
			PendingReason reason = topic.external() || onOrder ? PendingReason.SUPPLIER : PendingReason.USER;
			if (reason == PendingReason.USER) {
				ticket.reply(technician, DemoCatalogue.QUESTION_TO_USER, ReplyToResolved.FLAG, later(5, 120));
			}
			else {
				ticket.addInternalNote(technician, onOrder ? DemoCatalogue.ORDER_NOTE : DemoCatalogue.SUPPLIER_NOTE,
						later(5, 120));
			}
			ticket.putPending(reason, technician, at);
			if (target == Status.PENDING) {
				return;
			}
			boolean ends = target != Status.IN_PROGRESS;
			if (ends) {
				// the wait lasts until the last hours of the ticket's lifetime
				Instant lastHours = createdAt.plus(lifetime).minus(Duration.ofMinutes(120 + random.nextInt(1080)));
				at = lastHours.isAfter(at) ? lastHours : at;
			}
			if (reason == PendingReason.USER) {
				// the requester's answer takes the ticket out of pending
				ticket.reply(requester, written(pick(DemoCatalogue.REQUESTER_REPLIES)), ReplyToResolved.FLAG,
						ends ? later(30, 600) : later(30, 1440));
			}
			else {
				ticket.resume(technician, ends ? later(30, 600) : later(480, 7200));
			}
		}

		private void resolve(Ticket ticket) {
			reachTheEndOfItsLifetime();
			SolutionKind kind = chance(0.85) ? SolutionKind.PERMANENT : SolutionKind.WORKAROUND;
			ticket.resolve(topic.solution(), kind, technician, later(0, 30));
			if (target != Status.RESOLVED && chance(0.09)) {
				ticket.refuse(pick(DemoCatalogue.REFUSALS), requester, later(120, 2880));
				ticket.reply(technician, pick(DemoCatalogue.AFTER_REFUSAL), ReplyToResolved.FLAG, later(10, 240));
				ticket.resolve("Nouvelle intervention. " + topic.solution(), SolutionKind.PERMANENT, technician,
						later(60, 2880));
			}
		}

		private void close(Ticket ticket) {
			Instant resolvedAt = ticket.getResolvedAt();
			Instant autoClose = resolvedAt == null ? now : resolvedAt.plus(AUTO_CLOSE).plusSeconds(random.nextInt(600));
			boolean unanswered = chance(0.25) && autoClose.isBefore(now);
			if (unanswered) {
				at = autoClose;
				ticket.closeUnanswered(at);
			}
			else {
				ticket.accept(requester, null, later(60, 2880));
			}
			Survey survey = surveys.recordPastClosure(Objects.requireNonNull(ticket.getId()), at, now).orElse(null);
			// about half of those asked answer; fewer of those who never answered the solution
			if (survey != null && !survey.getInviteAt().isAfter(now) && chance(unanswered ? 0.2 : 0.6)) {
				at = survey.getInviteAt();
				Instant ratedAt = later(5, 2880);
				if (ratedAt.isBefore(survey.getExpiresAt())) {
					int rating = weighted(List.of(5, 4, 3, 2, 1), 48, 32, 12, 5, 3);
					String comment = chance(0.6) ? pick(DemoCatalogue.SATISFACTION_COMMENTS.get(rating - 1)) : null;
					ticket.rate(rating, comment, requester, ratedAt);
				}
			}
		}

		/** Moves the story's clock on to the end of the ticket's {@link #lifetime}, if its steps took less. */
		private void reachTheEndOfItsLifetime() {
			Instant end = createdAt.plus(lifetime);
			at = end.isAfter(at) ? end : at;
		}

		/** Moves the story's clock on, never past now: a recent ticket lives its steps faster. */
		private Instant later(int minMinutes, int maxMinutes) {
			long wanted = 60L * (minMinutes + random.nextInt(maxMinutes - minMinutes + 1)) + random.nextInt(60);
			long room = Duration.between(at, now).toSeconds() / 3;
			at = at.plusSeconds(Math.max(0, Math.min(wanted, room)));
			return at;
		}

		/**
		 * How long a ticket stays open, drawn the same way for an old ticket as for a recent one, so
		 * that the open queue on any past day is as long as today's: most within a day or a few, some
		 * in a week or two, a few waiting for weeks (a supplier, equipment on order). None lasts longer than
		 * seven weeks: the queue is level over the months the reports show. It
		 * ends in the office hours of a working day, when the team works. Calendar time.
		 */
		private Duration lifetime(Instant createdAt) {
			int bracket = weighted(List.of(0, 1, 2, 3, 4), 45, 22, 13, 12, 8);
			int[] fromMinutes = { 20, 1440, 4 * 1440, 10 * 1440, 21 * 1440 };
			int[] toMinutes = { 20 * 60, 4 * 1440, 10 * 1440, 21 * 1440, 50 * 1440 };
			LocalDateTime end = LocalDateTime.ofInstant(createdAt, ZONE)
				.plusMinutes(fromMinutes[bracket] + random.nextInt(toMinutes[bracket] - fromMinutes[bracket]));
			if (end.getHour() >= 18) {
				end = end.toLocalDate().plusDays(1).atTime(8, 0).plusMinutes(random.nextInt(180));
			}
			else if (end.getHour() < 8) {
				end = end.toLocalDate().atTime(8, 0).plusMinutes(random.nextInt(180));
			}
			while (end.getDayOfWeek().getValue() > 5) {
				end = end.plusDays(1);
			}
			return Duration.between(createdAt, end.atZone(ZONE).toInstant());
		}

		/** Where the ticket stands now: past its {@link #lifetime}, resolved or closed; before, in the step its age calls for. */
		private Status target(Duration age) {
			if (age.compareTo(lifetime) >= 0) {
				if (cancelled) {
					return Status.CANCELLED;
				}
				// a part of those resolved in the last days still waits for the requester's answer
				return age.minus(lifetime).toDays() < 6 && chance(0.5) ? Status.RESOLVED : Status.CLOSED;
			}
			long days = age.toDays();
			if (age.toHours() < 2) {
				// just registered: a part of them not taken yet
				return weighted(List.of(Status.NEW, Status.ASSIGNED, Status.IN_PROGRESS), 40, 30, 22);
			}
			if (days < 1) {
				// older than the time to own of most priorities: taken, but for a few
				return weighted(List.of(Status.NEW, Status.ASSIGNED, Status.IN_PROGRESS, Status.PENDING), 5, 8, 45, 12);
			}
			if (days < 6) {
				return weighted(List.of(Status.NEW, Status.ASSIGNED, Status.IN_PROGRESS, Status.PENDING), 4, 8, 22, 14);
			}
			if (days < 21) {
				return weighted(List.of(Status.IN_PROGRESS, Status.PENDING), 4, 6);
			}
			return Status.PENDING;
		}

		/** A reply or note naming the requester and, as their colleague, their manager (the director's: Hugo Blanc). */
		private String written(String text) {
			User manager = requester.getManager();
			return DemoCatalogue.written(text, requester, manager != null ? manager : org.person("hblanc"));
		}

		private boolean chance(double probability) {
			return random.nextDouble() < probability;
		}

		private <T> T pick(List<T> values) {
			return values.get(random.nextInt(values.size()));
		}

		private <T> T weighted(List<T> values, int... weights) {
			int total = 0;
			for (int weight : weights) {
				total += weight;
			}
			int draw = random.nextInt(total);
			for (int i = 0; i < weights.length; i++) {
				draw -= weights[i];
				if (draw < 0) {
					return values.get(i);
				}
			}
			throw new IllegalArgumentException("weights");
		}

	}

}

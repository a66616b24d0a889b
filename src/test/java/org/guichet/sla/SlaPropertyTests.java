package org.guichet.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.guichet.calendars.BusinessCalendar;
import org.guichet.calendars.StandardCalendars;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.tickets.Channel;
import org.guichet.tickets.HistoryEntry;
import org.guichet.tickets.Impact;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.Priority;
import org.guichet.tickets.PriorityMatrix;
import org.guichet.tickets.ReplyToResolved;
import org.guichet.tickets.SlaState;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Status;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketEvents.TicketClassified;
import org.guichet.tickets.TicketEvents.TicketCommented;
import org.guichet.tickets.TicketEvents.TicketPriorityChanged;
import org.guichet.tickets.TicketEvents.TicketStatusChanged;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For random ticket histories, made by the real {@link Ticket} aggregate and followed by the live
 * rules ({@link ClockReactions}), the clocks equal an independent recomputation from the
 * ticket's audit trail alone: which intervals each clock ran, summed on the calendar, and the
 * thresholds compared. The same histories also go through {@link SlaReplay}, which must agree.
 * Seeded: a failure names its seed.
 */
class SlaPropertyTests {

	private static final int HISTORIES = 1000;

	private static final Instant T0 = Instant.parse("2027-03-01T07:00:00Z");

	private static final BusinessCalendar OFFICE = StandardCalendars.frenchOffice();

	private static final BusinessCalendar ALWAYS = StandardCalendars.twentyFourSeven();

	private final User requester = user(1, "alice", Role.REQUESTER);

	private final User technician = user(2, "tech1", Role.TECHNICIAN);

	private final SupportGroup group = group();

	@Test
	void storedClocksEqualARecomputationFromTheAuditTrail() {
		for (long seed = 1; seed <= HISTORIES; seed++) {
			History history = new History(seed);
			history.run();
			history.check();
		}
	}

	/** One random ticket history under one random policy. */
	private final class History {

		private final long seed;

		private final Random random;

		private final BusinessCalendar calendar;

		private final SlaPolicy policy;

		private final Ticket ticket;

		private final TicketSla sla;

		private Instant now = T0;

		History(long seed) {
			this.seed = seed;
			this.random = new Random(seed);
			this.calendar = random.nextBoolean() ? OFFICE : ALWAYS;
			this.policy = randomPolicy();
			now = now.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 3)));
			this.ticket = new Ticket(TicketType.values()[random.nextInt(3)], "Imprimante", "Bloquée", requester,
					requester, Channel.PORTAL, null, Urgency.values()[random.nextInt(Urgency.values().length)],
					Impact.values()[random.nextInt(Impact.values().length)], PriorityMatrix.standard(), now);
			ReflectionTestUtils.setField(ticket, "id", seed);
			pullEvents();
			this.sla = new TicketSla(seed, ticket.getType(), policy.getId(),
					policy.targetsFor(ticket.getType(), ticket.getPriority()).orElseThrow(), now, calendar);
		}

		void run() {
			int steps = 1 + random.nextInt(14);
			for (int i = 0; i < steps; i++) {
				now = now.plus(Duration.ofMinutes(1 + random.nextInt(random.nextBoolean() ? 90 : 60 * 20)));
				act();
				for (Object event : pullEvents()) {
					follow(event);
				}
				sla.refresh(now);
			}
			now = now.plus(Duration.ofMinutes(random.nextInt(60 * 30)));
		}

		private void act() {
			Status status = ticket.getStatus();
			boolean open = Status.OPEN.contains(status);
			switch (random.nextInt(12)) {
				case 0 -> {
					if (open) {
						ticket.assign(group, random.nextBoolean() ? technician : null, technician, now);
					}
				}
				case 1 -> {
					if (status == Status.NEW || status == Status.ASSIGNED) {
						ticket.take(technician, now);
					}
				}
				case 2 -> {
					if (status == Status.ASSIGNED || status == Status.IN_PROGRESS) {
						ticket.putPending(PendingReason.values()[random.nextInt(3)], technician, now);
					}
				}
				case 3 -> {
					if (status == Status.PENDING) {
						ticket.resume(technician, now);
					}
				}
				case 4 -> {
					if (status != Status.CLOSED && status != Status.CANCELLED) {
						ticket.reply(random.nextBoolean() ? requester : technician, "Réponse",
								ReplyToResolved.values()[random.nextInt(ReplyToResolved.values().length)], now);
					}
				}
				case 5 -> {
					if (open) {
						ticket.resolve("Redémarrée", SolutionKind.PERMANENT, technician, now);
					}
				}
				case 6 -> {
					if (status == Status.RESOLVED) {
						if (random.nextBoolean()) {
							ticket.accept(requester, random.nextBoolean() ? "Merci" : null, now);
						}
						else {
							ticket.closeUnanswered(now);
						}
					}
				}
				case 7 -> {
					if (status == Status.RESOLVED) {
						ticket.refuse("Toujours en panne", requester, now);
					}
				}
				case 8 -> {
					if (status == Status.RESOLVED || status == Status.CLOSED) {
						ticket.reopen(technician, now);
					}
				}
				case 9 -> {
					if (open && random.nextInt(4) == 0) {
						ticket.cancel("No longer needed", technician, now);
					}
				}
				case 10 -> ticket.overridePriority(Priority.values()[random.nextInt(Priority.values().length)],
						"Impact revu", technician, now);
				default -> ticket.retype(TicketType.values()[random.nextInt(3)], technician, now);
			}
		}

		/** The live rules, as {@link SlaManagement} applies them to the ticket's events. */
		private void follow(Object event) {
			if (event instanceof TicketStatusChanged change) {
				ClockReactions.statusChanged(sla, change, ticket.getType(), ticket.getPriority(), policy, calendar);
			}
			else if (event instanceof TicketCommented commented) {
				ClockReactions.commented(sla, commented, policy, calendar);
			}
			else if (event instanceof TicketPriorityChanged change) {
				ClockReactions.reclassified(sla, change.type(), change.to(), policy, calendar);
			}
			else if (event instanceof TicketClassified change) {
				ClockReactions.reclassified(sla, change.type(), ticket.getPriority(), policy, calendar);
			}
		}

		void check() {
			Recomputed expected = new Recomputed(trail(), ticket.getFirstResponseAt(), ticket.getType(),
					ticket.getPriority(), policy, calendar, now);
			String context = "seed " + seed + ", targets " + ticket.getType() + ", history " + describe();
			assertThat(sla.ttoState(now)).as("TTO state, " + context).isEqualTo(expected.ttoState);
			assertThat(sla.ttrState(now)).as("TTR state, " + context).isEqualTo(expected.ttrState);
			assertThat(sla.getTtoDeadline()).as("TTO deadline, " + context).isEqualTo(expected.ttoDeadline);
			assertThat(sla.getTtrDeadline()).as("TTR deadline, " + context).isEqualTo(expected.ttrDeadline);
			assertThat(sla.ttrPaused()).as("TTR paused, " + context).isEqualTo(expected.ttrPaused);
			assertThat(sla.isStopped()).as("stopped, " + context).isEqualTo(!Status.OPEN.contains(ticket.getStatus())
					&& ticket.getStatus() != Status.RESOLVED);
			TicketSla replayed = SlaReplay.replay(ticket, trail(), policy, calendar, now).orElseThrow();
			assertThat(replayed.state(now)).as("replayed state, " + context).isEqualTo(sla.state(now));
			assertThat(replayed.getTtrDeadline()).as("replayed TTR deadline, " + context)
				.isEqualTo(sla.getTtrDeadline());
			assertThat(replayed.getTtoDeadline()).as("replayed TTO deadline, " + context)
				.isEqualTo(sla.getTtoDeadline());
		}

		private SlaPolicy randomPolicy() {
			SlaPolicy p = new SlaPolicy("Aléatoire", 1);
			ReflectionTestUtils.setField(p, "id", 1L);
			p.setTtoMetBy(random.nextBoolean() ? TtoTrigger.TAKEN_IN_CHARGE : TtoTrigger.FIRST_RESPONSE);
			p.pausing(random.nextBoolean(), random.nextBoolean(), random.nextBoolean());
			for (TicketType type : TicketType.values()) {
				for (Priority priority : Priority.values()) {
					Duration tto = Duration.ofMinutes(15 + random.nextInt(60 * 8));
					p.target(type, priority, tto, tto.plusMinutes(random.nextInt(60 * 30)));
				}
			}
			return p;
		}

		private List<Object> pullEvents() {
			List<Object> events = ReflectionTestUtils.invokeMethod(ticket, "pullEvents");
			return events == null ? List.of() : events;
		}

		@SuppressWarnings("unchecked")
		private List<HistoryEntry> trail() {
			return (List<HistoryEntry>) ReflectionTestUtils.getField(ticket, "history");
		}

		private String describe() {
			StringBuilder text = new StringBuilder(policy.getTtoMetBy() + " " + (calendar == OFFICE ? "office" : "24/7"));
			for (HistoryEntry e : trail()) {
				text.append("\n  ").append(e.getAt()).append(' ').append(e.getField()).append(": ")
					.append(e.getOldValue()).append(" -> ").append(e.getNewValue());
			}
			return text.append("\n  now ").append(now).toString();
		}

	}

	/**
	 * The clocks recomputed from the audit trail: the intervals during which each clock ran, from
	 * the statuses and pending reasons recorded, and the type and priority in force when it last
	 * ran giving its target.
	 */
	private static final class Recomputed {

		SlaState ttoState;

		SlaState ttrState;

		Instant ttoDeadline;

		Instant ttrDeadline;

		Duration ttrPaused;

		Recomputed(List<HistoryEntry> trail, @Nullable Instant firstResponse, TicketType typeNow, Priority priorityNow,
				SlaPolicy policy, BusinessCalendar calendar, Instant now) {
			Instant created = trail.get(0).getAt();
			TicketType type = initial(trail, "type", TicketType::valueOf, typeNow);
			Priority priority = initial(trail, "priority", Priority::valueOf, priorityNow);
			List<Phase> phases = phases(trail, created, type, priority, now);
			Instant ownedAt = null;
			for (Phase phase : phases) {
				if (phase.enteredBy == Entry.TAKEN && policy.getTtoMetBy() == TtoTrigger.TAKEN_IN_CHARGE
						|| phase.status == Status.RESOLVED) {
					ownedAt = phase.from;
					break;
				}
			}
			if (policy.getTtoMetBy() == TtoTrigger.FIRST_RESPONSE && firstResponse != null
					&& (ownedAt == null || firstResponse.isBefore(ownedAt))) {
				ownedAt = firstResponse;
			}
			Instant cancelled = phases.stream().filter(p -> p.status == Status.CANCELLED).map(p -> p.from).findFirst()
				.orElse(null);
			// TTO: runs from the creation until owned or cancelled, except while paused
			boolean owned = ownedAt != null && (cancelled == null || !cancelled.isBefore(ownedAt));
			Instant ttoEnd = owned ? ownedAt : cancelled != null ? cancelled : now;
			Clock tto = clock(phases, ttoEnd, ttoEnd.equals(now), policy, calendar, false);
			SlaTargets ttoTargets = policy.targetsFor(tto.type, tto.priority).orElseThrow();
			ttoDeadline = calendar.addBusinessTime(created, ttoTargets.timeToOwn().plus(tto.paused));
			ttoState = verdict(tto.used, ttoTargets.timeToOwn(), ttoTargets, owned, !owned && cancelled != null);
			// TTR: runs while open, except while paused; stops at each resolution, for good at a cancellation
			Phase last = phases.get(phases.size() - 1);
			boolean resolved = last.status == Status.RESOLVED || last.status == Status.CLOSED;
			Instant ttrEnd = resolved ? lastResolution(phases) : cancelled != null ? cancelled : now;
			Clock ttr = clock(phases, ttrEnd, !resolved && cancelled == null, policy, calendar, true);
			SlaTargets ttrTargets = policy.targetsFor(ttr.type, ttr.priority).orElseThrow();
			ttrPaused = ttr.paused;
			ttrDeadline = calendar.addBusinessTime(created, ttrTargets.timeToResolve().plus(ttr.paused));
			ttrState = verdict(ttr.used, ttrTargets.timeToResolve(), ttrTargets, resolved, cancelled != null);
		}

		private static SlaState verdict(Duration used, Duration target, SlaTargets targets, boolean done,
				boolean cancelled) {
			if (done) {
				return used.compareTo(target) > 0 ? SlaState.MISSED : SlaState.MET;
			}
			if (cancelled) {
				return used.compareTo(target) >= 0 ? SlaState.MISSED : SlaState.STOPPED;
			}
			if (used.compareTo(target) >= 0) {
				return SlaState.BREACHED;
			}
			return used.compareTo(targets.atRisk(target)) >= 0 ? SlaState.AT_RISK : SlaState.ON_TRACK;
		}

		/** What a clock used and was paused from the creation to {@code end}, and the type and priority when it last ran. */
		private static Clock clock(List<Phase> phases, Instant end, boolean endIsNow, SlaPolicy policy,
				BusinessCalendar calendar, boolean ttr) {
			Duration used = Duration.ZERO;
			Duration paused = Duration.ZERO;
			Phase lastCounted = phases.get(0);
			// a pause still running now is not counted yet: from the start of the last wait on
			Instant waitingSince = null;
			if (endIsNow) {
				for (Phase phase : phases) {
					boolean waiting = phase.status == Status.PENDING && policy.pauses(phase.reason);
					waitingSince = waiting ? (waitingSince == null ? phase.from : waitingSince) : null;
				}
			}
			for (Phase phase : phases) {
				if (!phase.from.isBefore(end)) {
					break;
				}
				Instant to = phase.to.isAfter(end) ? end : phase.to;
				Duration length = calendar.businessTimeBetween(phase.from, to);
				boolean running = Status.OPEN.contains(phase.status)
						&& !(phase.status == Status.PENDING && policy.pauses(phase.reason));
				if (running) {
					used = used.plus(length);
					lastCounted = phase;
				}
				else if (phase.status == Status.PENDING || ttr) {
					// paused, or (TTR) resolved or closed before a reopening
					if (waitingSince == null || phase.from.isBefore(waitingSince)) {
						paused = paused.plus(length);
					}
					if (phase.status == Status.PENDING) {
						lastCounted = phase;
					}
				}
			}
			return new Clock(used, paused, lastCounted.type, lastCounted.priority);
		}

		private static Instant lastResolution(List<Phase> phases) {
			Instant at = null;
			Status before = null;
			for (Phase phase : phases) {
				if (phase.status == Status.RESOLVED && before != Status.RESOLVED) {
					at = phase.from;
				}
				before = phase.status;
			}
			return at;
		}

		/** The ticket's life cut at each recorded change: status, pending reason, type, priority. */
		private static List<Phase> phases(List<HistoryEntry> trail, Instant created, TicketType type,
				Priority priority, Instant now) {
			List<Phase> phases = new ArrayList<>();
			Phase current = new Phase(created, Status.NEW, null, type, priority, Entry.CREATED);
			PendingReason reason = null;
			for (HistoryEntry e : trail) {
				Status status = current.status;
				TicketType t = current.type;
				Priority p = current.priority;
				Entry entered = Entry.OTHER;
				switch (e.getField()) {
					case "status" -> {
						if (e.getOldValue() == null) {
							continue;
						}
						status = Status.valueOf(e.getNewValue());
						Status from = Status.valueOf(e.getOldValue());
						entered = status == Status.IN_PROGRESS && (from == Status.NEW || from == Status.ASSIGNED)
								? Entry.TAKEN : Entry.OTHER;
					}
					case "pendingReason" -> {
						reason = e.getNewValue() == null ? null : PendingReason.valueOf(e.getNewValue());
						continue;
					}
					case "type" -> t = TicketType.valueOf(e.getNewValue());
					case "priority" -> p = Priority.valueOf(e.getNewValue());
					default -> {
						continue;
					}
				}
				current.to = e.getAt();
				phases.add(current);
				current = new Phase(e.getAt(), status, status == Status.PENDING ? reason : null, t, p, entered);
			}
			current.to = now;
			phases.add(current);
			return phases;
		}

		private static <T> T initial(List<HistoryEntry> trail, String field, java.util.function.Function<String, T> parse,
				@Nullable T fallback) {
			for (HistoryEntry e : trail) {
				if (e.getField().equals(field)) {
					return parse.apply(e.getOldValue());
				}
			}
			return fallback;
		}

	}

	private enum Entry {

		CREATED, TAKEN, OTHER

	}

	private static final class Phase {

		final Instant from;

		Instant to;

		final Status status;

		final @Nullable PendingReason reason;

		final TicketType type;

		final Priority priority;

		final Entry enteredBy;

		Phase(Instant from, Status status, @Nullable PendingReason reason, TicketType type, Priority priority,
				Entry enteredBy) {
			this.from = from;
			this.to = from;
			this.status = status;
			this.reason = reason;
			this.type = type;
			this.priority = priority;
			this.enteredBy = enteredBy;
		}

	}

	private record Clock(Duration used, Duration paused, TicketType type, Priority priority) {
	}

	private static User user(long id, String username, Role role) {
		User user = new User(username, "{noop}x", username, role, T0);
		ReflectionTestUtils.setField(user, "id", id);
		return user;
	}

	private static SupportGroup group() {
		SupportGroup group = new SupportGroup("N1 Support", SupportLevel.N1);
		ReflectionTestUtils.setField(group, "id", 10L);
		return group;
	}

}

package org.guichet.knowledge;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.system.ConflictException;
import org.guichet.system.ForbiddenException;
import org.guichet.system.InvalidInputException;
import org.guichet.system.NotFoundException;
import org.guichet.tickets.Categories;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Categories' diagnosis procedures and their steps ticked on tickets (docs/KNOWLEDGE.md
 * "Diagnosis procedures"). A supervisor or an administrator makes a published procedure article
 * the procedure of its category (table {@code category_diagnosis}, one per category); a ticket
 * of that category, or of one of its sub-categories without a procedure of its own, shows the
 * procedure's steps ({@link DiagnosisSteps}) to the IT team as a checklist. Each step ticked is
 * kept with its text, who and when (table {@code diagnosis_tick}) and written in the ticket's
 * history ({@link TicketManagement#recordWork}); a tick stays when the procedure changes.
 */
@Service
@Transactional
public class DiagnosisProcedures {

	static final String TICKED = "diagnosisTicked";

	static final String UNTICKED = "diagnosisUnticked";

	private final JdbcClient jdbc;

	private final ArticleRepository articles;

	private final Categories categories;

	private final TicketManagement tickets;

	private final Clock clock;

	DiagnosisProcedures(JdbcClient jdbc, ArticleRepository articles, Categories categories, TicketManagement tickets,
			Clock clock) {
		this.jdbc = jdbc;
		this.articles = articles;
		this.categories = categories;
		this.tickets = tickets;
		this.clock = clock;
	}

	/**
	 * Makes the article its category's diagnosis procedure, replacing the one it had.
	 *
	 * @throws ForbiddenException when {@code by} is not a supervisor or an administrator
	 * @throws InvalidInputException when the article is not a published procedure with a category
	 * and at least one step
	 */
	public void attach(long articleId, CurrentUser by) {
		requireSupervisor(by);
		Article article = articles.findById(articleId)
			.orElseThrow(() -> new NotFoundException("knowledge.not-found", "No article " + articleId, articleId));
		if (article.getKind() != ArticleKind.PROCEDURE || article.getStatus() != ArticleStatus.PUBLISHED) {
			throw new InvalidInputException("article", "knowledge.diagnosis.not-procedure",
					"Only a published procedure can be a diagnosis procedure");
		}
		if (article.getCategoryId() == null) {
			throw new InvalidInputException("category", "knowledge.diagnosis.no-category",
					"Give the procedure a category first");
		}
		if (DiagnosisSteps.of(article.getBody()).isEmpty()) {
			throw new InvalidInputException("body", "knowledge.diagnosis.no-steps",
					"The procedure has no list of steps: write each step as a list item");
		}
		Timestamp now = Timestamp.from(clock.instant());
		int updated = jdbc.sql("update category_diagnosis set article_id = :article, set_by_id = :by, set_at = :at"
				+ " where category_id = :category")
			.param("article", articleId)
			.param("by", by.id())
			.param("at", now)
			.param("category", article.getCategoryId())
			.update();
		if (updated == 0) {
			jdbc.sql("insert into category_diagnosis (category_id, article_id, set_by_id, set_at)"
					+ " values (:category, :article, :by, :at)")
				.param("category", article.getCategoryId())
				.param("article", articleId)
				.param("by", by.id())
				.param("at", now)
				.update();
		}
	}

	/** Takes the article away from the categories it is the procedure of, if any. */
	public void detach(long articleId, CurrentUser by) {
		requireSupervisor(by);
		jdbc.sql("delete from category_diagnosis where article_id = :article").param("article", articleId).update();
	}

	/** The ids of the categories whose procedure the article is (empty when none). */
	@Transactional(readOnly = true)
	public List<Long> categoriesOf(long articleId) {
		return jdbc.sql("select category_id from category_diagnosis where article_id = :article order by category_id")
			.param("article", articleId)
			.query(Long.class)
			.list();
	}

	/**
	 * The diagnosis checklist of the ticket for a member of the IT team: the procedure of its
	 * category (or of the nearest parent category with one) while it is published, each step with
	 * its tick, and the ticks of steps the procedure no longer has. Empty when the ticket has no
	 * procedure and no tick, or the reader is not of the IT team.
	 *
	 * @throws NotFoundException when the reader may not see the ticket
	 */
	@Transactional(readOnly = true)
	public Optional<Checklist> checklist(TicketId id, CurrentUser reader) {
		Ticket ticket = tickets.get(id, reader);
		if (!reader.isAgent()) {
			return Optional.empty();
		}
		Article procedure = procedureOf(ticket.getCategory() == null ? null : ticket.getCategory().getId());
		Map<String, Tick> ticks = ticks(id);
		if (procedure == null && ticks.isEmpty()) {
			return Optional.empty();
		}
		List<Step> steps = new ArrayList<>();
		if (procedure != null) {
			for (String text : DiagnosisSteps.of(procedure.getBody())) {
				steps.add(new Step(text, ticks.remove(text)));
			}
		}
		List<Step> former = ticks.values().stream().map(tick -> new Step(tick.step(), tick)).toList();
		return Optional.of(new Checklist(procedure, steps, former, tickets.mayWorkOn(ticket, reader)));
	}

	/**
	 * Ticks or unticks a step of the ticket's checklist, and writes it in the ticket's history.
	 * Ticking a ticked step, or unticking an unticked one, changes nothing.
	 *
	 * @throws NotFoundException when {@code by} may not work on the ticket
	 * @throws InvalidInputException when ticking a step its procedure does not have
	 */
	public void tick(TicketId id, String step, boolean done, CurrentUser by) {
		Checklist checklist = checklist(id, by)
			.orElseThrow(() -> new InvalidInputException("step", "knowledge.diagnosis.unknown-step",
					"This ticket has no diagnosis procedure"));
		if (!checklist.mayTick()) {
			throw new NotFoundException("ticket.not-found", "No ticket " + id, id.toString());
		}
		if (done) {
			Step known = checklist.steps()
				.stream()
				.filter(s -> s.text().equals(step))
				.findFirst()
				.orElseThrow(() -> new InvalidInputException("step", "knowledge.diagnosis.unknown-step",
						"The procedure has no such step: reload the page to see its steps as they are now"));
			if (known.tick() != null || checklist.procedure() == null) {
				return;
			}
			jdbc.sql("insert into diagnosis_tick (ticket_id, article_id, step, ticked_by_id, ticked_at)"
					+ " values (:ticket, :article, :step, :by, :at)")
				.param("ticket", id.value())
				.param("article", checklist.procedure().getId())
				.param("step", step)
				.param("by", by.id())
				.param("at", Timestamp.from(clock.instant()))
				.update();
			tickets.recordWork(id, TICKED, null, step, by);
		}
		else if (jdbc.sql("delete from diagnosis_tick where ticket_id = :ticket and step = :step")
			.param("ticket", id.value())
			.param("step", step)
			.update() > 0) {
			tickets.recordWork(id, UNTICKED, step, null, by);
		}
	}

	/** The published diagnosis procedure of the category or of its nearest parent with one; null when none. */
	@Nullable Article procedureOf(@Nullable Long categoryId) {
		for (long category : categories.lineage(categoryId)) {
			Optional<Long> articleId = jdbc.sql("select article_id from category_diagnosis where category_id = :category")
				.param("category", category)
				.query(Long.class)
				.optional();
			if (articleId.isPresent()) {
				return articles.findById(articleId.get()).filter(a -> a.getStatus() == ArticleStatus.PUBLISHED).orElse(null);
			}
		}
		return null;
	}

	private Map<String, Tick> ticks(TicketId id) {
		Map<String, Tick> ticks = new LinkedHashMap<>();
		jdbc.sql("select t.step, t.ticked_at, u.full_name from diagnosis_tick t join app_user u on u.id = t.ticked_by_id"
				+ " where t.ticket_id = :ticket order by t.id")
			.param("ticket", id.value())
			.query(rs -> {
				String step = rs.getString("step");
				ticks.put(step, new Tick(step, rs.getString("full_name"), rs.getTimestamp("ticked_at").toInstant()));
			});
		return ticks;
	}

	private static void requireSupervisor(CurrentUser by) {
		if (!by.has(Role.SUPERVISOR)) {
			throw new ForbiddenException("knowledge.diagnosis.forbidden",
					"Only a supervisor or an administrator sets a category's diagnosis procedure");
		}
	}

	/**
	 * A ticket's diagnosis checklist.
	 *
	 * @param procedure the procedure shown, null when it was taken away or is no longer published
	 * @param steps its steps, in order, each with its tick
	 * @param former ticked steps the procedure no longer has (it changed since), as ticked
	 * @param mayTick whether the reader may tick on this ticket
	 */
	public record Checklist(@Nullable Article procedure, List<Step> steps, List<Step> former, boolean mayTick) {

		/** How many of the procedure's steps are ticked. */
		public long done() {
			return steps.stream().filter(step -> step.tick() != null).count();
		}

	}

	/** A step and its tick, null when not ticked. */
	public record Step(String text, @Nullable Tick tick) {
	}

	/** Who ticked a step ({@code by}: their full name), and when. */
	public record Tick(String step, String by, Instant at) {
	}

}

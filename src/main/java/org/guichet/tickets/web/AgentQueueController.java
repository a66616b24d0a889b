package org.guichet.tickets.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.guichet.directory.CurrentUser;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.Priority;
import org.guichet.tickets.Queue;
import org.guichet.tickets.QueueCount;
import org.guichet.tickets.QueueCounts;
import org.guichet.tickets.Status;
import org.guichet.tickets.TicketColumn;
import org.guichet.tickets.TicketFilter;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketQuery;
import org.guichet.tickets.TicketSlice;
import org.guichet.tickets.TicketSort;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.queues.SavedView;
import org.guichet.tickets.queues.SavedViews;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The agent workspace's queues, as tabs with their counts ({@link QueueCounts}), with the saved
 * views beside them, filters ({@link TicketFilter}), sort, the agent's columns, the list's total
 * ({@link QueueCounts#ofList}) and Previous/Next paging; a KPI's drill-down criteria as removable chips ({@link DrillDownChips}). A filter value that does not fit is shown next to its field (400), the list left
 * unfiltered-out rather than guessed. When htmx asks (a filter changed, the list refreshes
 * itself), only the result list is sent back.
 */
@Controller
class AgentQueueController {

	/**
	 * What a ticket's card shows on a phone besides its number, whatever columns the agent
	 * chose: the cells of those not chosen are drawn for the cards only.
	 */
	private static final List<TicketColumn> CARD = List.of(TicketColumn.TITLE, TicketColumn.PRIORITY,
			TicketColumn.SLA, TicketColumn.REQUESTER);

	private final TicketManagement tickets;

	private final SavedViews views;

	private final Choices choices;

	private final MessageSource messages;

	private final QueueCounts counts;

	private final DrillDownChips drillDownChips;

	private final QueueRows rows;

	AgentQueueController(TicketManagement tickets, SavedViews views, Choices choices, MessageSource messages,
			QueueCounts counts, DrillDownChips drillDownChips, QueueRows rows) {
		this.rows = rows;
		this.tickets = tickets;
		this.views = views;
		this.choices = choices;
		this.messages = messages;
		this.counts = counts;
		this.drillDownChips = drillDownChips;
	}

	@GetMapping("/agent")
	String queue(HttpServletRequest request, @RequestParam(name = "view", required = false) @Nullable Long viewId,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
			@RequestHeader(name = "HX-History-Restore-Request", required = false) @Nullable String historyRestore,
			@AuthenticationPrincipal CurrentUser me, Model model, HttpServletResponse response) {
		TicketFilter.Reading reading = TicketFilter.read(request.getParameterMap());
		TicketFilter filter = reading.filter();
		SavedView view = viewId == null ? null : views.get(viewId, me);
		List<TicketColumn> columns = view != null && view.columns() != null ? view.columns() : views.columnsOf(me);
		model.addAttribute("filter", filter);
		model.addAttribute("sent", reading.sent());
		model.addAttribute("queue", filter.queue() == null ? Queue.UNASSIGNED : filter.queue());
		model.addAttribute("columns", columns);
		model.addAttribute("columnChoices", TicketColumn.choicesAfter(columns));
		model.addAttribute("cells", cells(columns));
		model.addAttribute("view", view);
		model.addAttribute("selfUrl", QueueLinks.to("/agent", filter, viewId));
		model.addAttribute("exportUrl", QueueLinks.to("/agent/tickets.csv", filter, viewId));
		model.addAttribute("viewParameters", filter.onPage(0).toParameters());
		model.addAttribute("drillParameters", filter.drillDown().toParameters());
		model.addAttribute("drillChips", drillDownChips.of(filter, viewId, LocaleContextHolder.getLocale()));
		model.addAttribute("drillClearUrl", drillDownChips.clearUrl(filter, viewId));
		if (reading.isValid()) {
			Queue shown = filter.queue() == null ? Queue.UNASSIGNED : filter.queue();
			TicketQuery query = filter.toQuery(Queue.UNASSIGNED, shown.defaultSort());
			TicketSlice slice = tickets.search(query, me);
			model.addAttribute("slice", slice);
			model.addAttribute("rows", rows.of(slice.tickets(), request.getContextPath(), selected(model),
					LocaleContextHolder.getLocale()));
			QueueCount total = counts.ofList(query, slice, me);
			model.addAttribute("total", total);
			IntFunction<String> link = page -> QueueLinks.to("/agent", filter.onPage(page), viewId);
			model.addAttribute("pager", total.pager(slice, link));
		}
		else {
			Map<String, String> errors = new LinkedHashMap<>();
			reading.errors()
				.forEach(error -> errors.putIfAbsent(error.field(), messages.getMessage(error.code(),
						error.arguments(), error.englishMessage(), LocaleContextHolder.getLocale())));
			model.addAttribute("filterErrors", errors);
			model.addAttribute("slice", new TicketSlice(List.of(), 0, TicketFilter.DEFAULT_SIZE, false));
			model.addAttribute("rows", List.of());
		}
		if (htmx != null && historyRestore == null) {
			// The export link and the forms that save the list's filter follow it too.
			model.addAttribute("outOfBand", true);
			return "agent/queue :: results";
		}
		if (!reading.isValid()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		Map<Queue, String> tabs = new EnumMap<>(Queue.class);
		for (Queue queue : Queue.values()) {
			tabs.put(queue, QueueLinks.to("/agent",
					filter.inQueue(queue, queue.isSla() ? queue.defaultSort() : filter.sort()), null));
		}
		model.addAttribute("tabs", tabs);
		Map<SavedView, String> savedViews = new LinkedHashMap<>();
		views.visibleTo(me).forEach(saved -> savedViews.put(saved, QueueLinks.to("/agent", saved.parameters(),
				saved.getId())));
		model.addAttribute("savedViews", savedViews);
		model.addAttribute("mayManageView", view != null && views.mayManage(view, me));
		model.addAttribute("tabCounts", counts.of(me));
		model.addAttribute("statuses", Status.values());
		model.addAttribute("types", TicketType.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("sorts", TicketSort.values());
		model.addAttribute("bulkActions", BulkForm.Action.values());
		model.addAttribute("bulkTransitions", BulkForm.TRANSITIONS);
		model.addAttribute("pendingReasons", PendingReason.values());
		model.addAttribute("maxText", TicketFilter.MAX_TEXT);
		choices.addClassification(model);
		choices.addTeamAndMyGroups(model, me);
		return "agent/queue";
	}

	/** The cells of each row: the chosen columns, then those of the phone's card not chosen. */
	private static List<QueueRow.Cell> cells(List<TicketColumn> columns) {
		List<QueueRow.Cell> cells = new ArrayList<>();
		columns.forEach(column -> cells.add(new QueueRow.Cell(column.name(), "cell-" + column.name())));
		CARD.stream()
			.filter(column -> !columns.contains(column))
			.forEach(column -> cells.add(new QueueRow.Cell(column.name(), "cell-" + column.name() + " card-only")));
		return cells;
	}

	/** The tickets a refused bulk action left selected ({@link BulkActionController}'s flash), if any. */
	private static Collection<Long> selected(Model model) {
		return model.getAttribute("bulkSelected") instanceof Collection<?> ids
				? ids.stream().filter(Long.class::isInstance).map(Long.class::cast).toList() : List.of();
	}

}

package org.guichet.tickets.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.guichet.directory.CurrentUser;
import org.guichet.tickets.Queue;
import org.guichet.tickets.TicketColumn;
import org.guichet.tickets.TicketExport;
import org.guichet.tickets.TicketFilter;
import org.guichet.tickets.TicketSort;
import org.guichet.tickets.queues.SavedView;
import org.guichet.tickets.queues.SavedViews;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The CSV of the list an agent is looking at (a queue or a saved view): its filter and order,
 * every page, the columns shown. A filter value that does not fit is refused (400) as on the
 * list itself.
 */
@Controller
class QueueExportController {

	private final TicketExport export;

	private final SavedViews views;

	QueueExportController(TicketExport export, SavedViews views) {
		this.export = export;
		this.views = views;
	}

	@GetMapping("/agent/tickets.csv")
	void csv(HttpServletRequest request, @RequestParam(name = "view", required = false) @Nullable Long viewId,
			@AuthenticationPrincipal CurrentUser me, HttpServletResponse response) throws IOException {
		TicketFilter filter = TicketFilter.parse(request.getParameterMap());
		SavedView view = viewId == null ? null : views.get(viewId, me);
		List<TicketColumn> columns = view != null && view.columns() != null ? view.columns() : views.columnsOf(me);
		export.download(filter.toQuery(Queue.UNASSIGNED, TicketSort.PRIORITY), columns, me,
				LocaleContextHolder.getLocale(), response);
	}

}

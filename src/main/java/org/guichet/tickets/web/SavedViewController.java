package org.guichet.tickets.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.guichet.directory.CurrentUser;
import org.guichet.system.DomainException;
import org.guichet.tickets.TicketColumn;
import org.guichet.tickets.TicketFilter;
import org.guichet.tickets.queues.SavedView;
import org.guichet.tickets.queues.SavedViews;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Saves the list being shown as a view (its filter, sort and columns), saves it over a view,
 * renames and deletes views. The filter is read from the form's hidden copy of the list's
 * parameters, with the one filter's rules; a refusal goes back to the list with the message
 * ({@code viewProblem}) and the name typed ({@code viewName}).
 */
@Controller
class SavedViewController {

	private final SavedViews views;

	private final MessageSource messages;

	SavedViewController(SavedViews views, MessageSource messages) {
		this.views = views;
		this.messages = messages;
	}

	@PostMapping("/agent/views")
	String create(HttpServletRequest request, @RequestParam(defaultValue = "") String name,
			@RequestParam(name = "shareWith", required = false) @Nullable Long shareWith,
			@AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
		TicketFilter filter = TicketFilter.parse(request.getParameterMap());
		try {
			SavedView view = views.create(name, shareWith, filter.onPage(0).toParameters(), null, me);
			redirect.addFlashAttribute("flashView", messages.getMessage("view.saved",
					new Object[] { view.getName() }, LocaleContextHolder.getLocale()));
			return "redirect:" + QueueLinks.to("/agent", view.parameters(), view.getId());
		}
		catch (DomainException ex) {
			return refused(ex, name, QueueLinks.to("/agent", filter, null), redirect);
		}
	}

	@PostMapping("/agent/views/{id}")
	String update(@PathVariable long id, HttpServletRequest request, @AuthenticationPrincipal CurrentUser me,
			RedirectAttributes redirect) {
		TicketFilter filter = TicketFilter.parse(request.getParameterMap());
		SavedView view = views.get(id, me);
		try {
			view = views.update(id, filter.onPage(0).toParameters(), view.columns(), me);
			redirect.addFlashAttribute("flashView", messages.getMessage("view.updated",
					new Object[] { view.getName() }, LocaleContextHolder.getLocale()));
		}
		catch (DomainException ex) {
			return refused(ex, view.getName(), QueueLinks.to("/agent", filter, id), redirect);
		}
		return "redirect:" + QueueLinks.to("/agent", view.parameters(), id);
	}

	@PostMapping("/agent/views/{id}/rename")
	String rename(@PathVariable long id, @RequestParam(defaultValue = "") String name,
			@AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
		SavedView view = views.get(id, me);
		String back = QueueLinks.to("/agent", view.parameters(), id);
		try {
			views.rename(id, name, me);
		}
		catch (DomainException ex) {
			return refused(ex, name, back, redirect);
		}
		return "redirect:" + back;
	}

	@PostMapping("/agent/views/{id}/delete")
	String delete(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
		SavedView view = views.get(id, me);
		try {
			views.delete(id, me);
		}
		catch (DomainException ex) {
			return refused(ex, view.getName(), QueueLinks.to("/agent", view.parameters(), id), redirect);
		}
		redirect.addFlashAttribute("flashView", messages.getMessage("view.deleted", new Object[] { view.getName() },
				LocaleContextHolder.getLocale()));
		return "redirect:/agent";
	}

	/**
	 * Remembers the columns the agent picked, in the order posted: for the view shown when they
	 * may manage it, for themselves otherwise. None picked gives the default back. {@code move}
	 * ({@code COLUMN:UP} or {@code COLUMN:DOWN}, the picker's buttons without JavaScript) moves
	 * a picked column one place first and comes back with the picker open.
	 */
	@PostMapping("/agent/columns")
	String chooseColumns(@RequestParam(name = "column", required = false) @Nullable List<String> chosen,
			@RequestParam(required = false) @Nullable String move,
			@RequestParam(name = "view", required = false) @Nullable Long viewId,
			@RequestParam(required = false) @Nullable String back, @AuthenticationPrincipal CurrentUser me,
			RedirectAttributes redirect) {
		List<TicketColumn> columns;
		try {
			columns = chosen == null ? List.of() : TicketColumn.parse(String.join(",", chosen));
			if (move != null && columns != null && !columns.isEmpty()) {
				String[] moved = move.split(":", 2);
				columns = TicketColumn.move(columns, TicketColumn.valueOf(moved[0].strip().toUpperCase(Locale.ROOT)),
						moved.length > 1 && "UP".equalsIgnoreCase(moved[1]));
			}
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("viewProblem", messages.getMessage("view.column-unknown",
					new Object[] { chosen == null ? move : String.join(", ", chosen) }, LocaleContextHolder.getLocale()));
			return "redirect:" + QueueLinks.back(back);
		}
		List<TicketColumn> kept = columns == null ? List.of() : columns;
		SavedView view = viewId == null ? null : views.get(viewId, me);
		if (view != null && views.mayManage(view, me)) {
			Map<String, String> parameters = new LinkedHashMap<>(view.parameters());
			views.update(view.getId(), parameters, kept.isEmpty() ? null : kept, me);
		}
		else {
			views.chooseColumns(kept, me);
		}
		if (move != null) {
			redirect.addFlashAttribute("columnsOpen", true);
		}
		return "redirect:" + QueueLinks.back(back);
	}

	private String refused(DomainException ex, String name, String back, RedirectAttributes redirect) {
		redirect.addFlashAttribute("viewProblem",
				messages.getMessage(ex.messageKey(), ex.arguments(), ex.getMessage(), LocaleContextHolder.getLocale()));
		redirect.addFlashAttribute("viewName", name);
		return "redirect:" + back;
	}

}

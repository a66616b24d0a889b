package org.guichet.presentation.examples;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.guichet.directory.CurrentUser;
import org.guichet.system.InvalidInputException;
import org.guichet.system.Pager;
import org.guichet.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.security.core.annotation.AuthenticationPrincipal;

/**
 * The example tickets in the agent's pages: the "Example" menu of the ticket page's action bar
 * (loaded and sent in place with htmx; without script its forms post and come back to the
 * ticket), and the list of examples ({@code /agent/examples}).
 */
@Controller
class ExampleController {

	private static final int PAGE_SIZE = 25;

	private final ExampleTickets examples;

	private final MessageSource messages;

	ExampleController(ExampleTickets examples, MessageSource messages) {
		this.examples = examples;
		this.messages = messages;
	}

	@GetMapping("/agent/tickets/{id}/example")
	String menu(@PathVariable long id, @AuthenticationPrincipal CurrentUser reader, Model model) {
		return menu(id, examples.of(new TicketId(id), reader), false, null, null, null, model);
	}

	@PostMapping("/agent/tickets/{id}/example")
	String mark(@PathVariable long id, @RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable String kind, @AuthenticationPrincipal CurrentUser by,
			HttpServletRequest request, Model model) {
		ExampleKind chosen = null;
		try {
			chosen = ExampleKind.parse(kind);
			Example example = examples.mark(new TicketId(id), reason, chosen, by);
			return answer(request, id, Optional.of(example), true, model);
		}
		catch (InvalidInputException ex) {
			String problem = messages.getMessage(ex.messageKey(), ex.arguments(), ex.getMessage(),
					LocaleContextHolder.getLocale());
			String fragment = menu(id, examples.of(new TicketId(id), by), true, reason, chosen, problem, model);
			return request.getHeader("HX-Request") == null ? "presentation/example-form" : fragment;
		}
	}

	@PostMapping("/agent/tickets/{id}/example/remove")
	String unmark(@PathVariable long id, @AuthenticationPrincipal CurrentUser by, HttpServletRequest request,
			Model model) {
		examples.unmark(new TicketId(id), by);
		return answer(request, id, Optional.empty(), false, model);
	}

	@GetMapping("/agent/examples")
	String list(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CurrentUser reader,
			HttpServletRequest request, Model model) {
		ExamplePage found = examples.page(Math.max(0, page), PAGE_SIZE, reader);
		model.addAttribute("examples", found);
		model.addAttribute("pager", Pager.of(found.page(), found.items().isEmpty(), found.hasNext(), Pager.sameQuery(request)));
		return "presentation/examples";
	}

	/**
	 * The menu in place (htmx), open on a marked example so that the agent sees it taken into
	 * account with its dossier's links; else back to the ticket page as a plain form post would.
	 */
	private String answer(HttpServletRequest request, long id, Optional<Example> example, boolean open, Model model) {
		if (request.getHeader("HX-Request") == null) {
			return "redirect:/agent/tickets/" + id;
		}
		return menu(id, example, open, null, null, null, model);
	}

	private static String menu(long id, Optional<Example> example, boolean open, @Nullable String reason,
			@Nullable ExampleKind kind, @Nullable String problem, Model model) {
		model.addAttribute("ticketId", id);
		model.addAttribute("example", example.orElse(null));
		model.addAttribute("open", open);
		model.addAttribute("reason", reason != null ? reason : example.map(Example::reason).orElse(""));
		model.addAttribute("kind", kind != null ? kind : example.map(Example::kind).orElse(null));
		model.addAttribute("kinds", ExampleKind.values());
		model.addAttribute("problem", problem);
		model.addAttribute("reasonMax", ExampleTickets.REASON_MAX);
		return "presentation/example-menu :: menu";
	}

}

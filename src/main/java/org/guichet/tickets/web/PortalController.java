package org.guichet.tickets.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;
import org.guichet.directory.CurrentUser;
import org.guichet.search.SearchWords;
import org.guichet.system.DomainException;
import org.guichet.system.FormRefusals;
import org.guichet.system.Pager;
import org.guichet.tickets.CategoryRepository;
import org.guichet.tickets.Channel;
import org.guichet.tickets.DeskSettings;
import org.guichet.tickets.RequesterSlaVisibility;
import org.guichet.tickets.Status;
import org.guichet.tickets.Surveys;
import org.guichet.tickets.StatusGroup;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.QueueCounts;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketQuery;
import org.guichet.tickets.TicketSlice;
import org.guichet.tickets.TicketSort;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.TicketView;
import org.guichet.tickets.Transition;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The self-service portal: the requester's tickets, the new ticket form, and the ticket page
 * with its public timeline, where the requester replies, accepts or refuses the solution and
 * rates the service.
 */
@Controller
@RequestMapping("/portal")
class PortalController {

	private static final int PAGE_SIZE = 20;

	private final TicketManagement tickets;

	private final QueueCounts counts;

	private final CategoryRepository categories;

	private final FormErrors errors;

	private final FileUploads uploads;

	private final MessageSource messages;

	private final DeskSettings settings;

	private final Surveys surveys;

	PortalController(TicketManagement tickets, QueueCounts counts, CategoryRepository categories, FormErrors errors,
			FileUploads uploads, MessageSource messages, DeskSettings settings, Surveys surveys) {
		this.tickets = tickets;
		this.counts = counts;
		this.categories = categories;
		this.errors = errors;
		this.uploads = uploads;
		this.messages = messages;
		this.settings = settings;
		this.surveys = surveys;
	}

	/**
	 * The requester's tickets, most recently updated first, filtered on a status group and a text
	 * (number, title, description); the filter stays in the URL so that the pages, the back button
	 * and a bookmark keep it.
	 *
	 * @param status a {@link StatusGroup} name; anything else (or nothing) lists every ticket
	 */
	@GetMapping
	String myTickets(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String q, @AuthenticationPrincipal CurrentUser me,
			HttpServletRequest request, Model model) {
		StatusGroup group = Arrays.stream(StatusGroup.values())
			.filter(g -> g.name().equalsIgnoreCase(status))
			.findFirst()
			.orElse(null);
		String text = q == null ? "" : q.strip();
		// An agent's own requests only: the visibility rules would show them their whole queue.
		Long requesterId = me.isAgent() ? me.id() : null;
		TicketQuery query = new TicketQuery(null, null, null, null, null, null, requesterId, null, text,
				TicketSort.UPDATED, page, PAGE_SIZE, group);
		TicketSlice slice = tickets.search(query, me);
		model.addAttribute("slice", slice);
		model.addAttribute("pager", counts.ofList(query, slice, me).pager(slice, Pager.sameQuery(request)));
		model.addAttribute("groups", StatusGroup.values());
		model.addAttribute("group", group);
		model.addAttribute("q", text);
		model.addAttribute("noWord", !text.isEmpty() && !SearchWords.hasWord(text));
		model.addAttribute("filtered", group != null || !text.isEmpty());
		model.addAttribute("slaShown",
				settings.requesterSlaVisibility() == RequesterSlaVisibility.EXPECTED_RESOLUTION);
		return "portal/tickets";
	}

	// --- New ticket -------------------------------------------------------------------------

	/**
	 * @param followUpOf a ticket the new one is about (the closed ticket page offers it): the
	 * form starts with its type, category and a title naming it, and the two are linked
	 * @param description the message typed on a ticket closed meanwhile, to start the new one with
	 */
	@GetMapping("/tickets/new")
	String initCreationForm(@RequestParam(required = false) @Nullable Long followUpOf,
			@RequestParam(required = false) @Nullable String description, @AuthenticationPrincipal CurrentUser me,
			Model model, Locale locale) {
		NewTicketForm form = new NewTicketForm();
		if (description != null) {
			form.setDescription(description);
		}
		if (followUpOf != null) {
			Ticket earlier = tickets.get(new TicketId(followUpOf), me);
			form.followUp(earlier, messages.getMessage("portal.follow-up.title",
					new Object[] { earlier.getNumber(), earlier.getTitle() }, locale));
		}
		model.addAttribute("ticket", form);
		return creationForm(model);
	}

	@PostMapping("/tickets/new")
	String processCreationForm(@ModelAttribute("ticket") NewTicketForm form, BindingResult result,
			@RequestParam(required = false) @Nullable MultipartFile file, @AuthenticationPrincipal CurrentUser me,
			Model model, RedirectAttributes redirect) {
		form.check(result);
		FormRefusals.check(result, () -> uploads.checkSize(file));
		if (result.hasErrors()) {
			return creationForm(model);
		}
		form.setChannel(Channel.PORTAL);
		form.setRequesterId(null);
		form.setImpact(null);
		Ticket ticket;
		try {
			ticket = tickets.register(form.toNewTicket(), me);
		}
		catch (DomainException ex) {
			errors.reject(ex, result, model);
			return creationForm(model);
		}
		redirect.addFlashAttribute("flash", uploads.attach(ticket.id(), file, false, me) ? "portal.flash.created"
				: "portal.flash.created-without-file");
		return "redirect:/portal/tickets/" + ticket.id().value();
	}

	private String creationForm(Model model) {
		model.addAttribute("types", TicketType.values());
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("categories", categories.findAllOrdered());
		return "portal/new";
	}

	// --- Ticket page ------------------------------------------------------------------------

	@GetMapping("/tickets/{id}")
	String showTicket(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
		return ticketPage(id, me, model);
	}

	@PostMapping("/tickets/{id}/reply")
	String reply(@PathVariable long id, @ModelAttribute("replyForm") ActionForm form, BindingResult result,
			@RequestParam(required = false) @Nullable MultipartFile file, @AuthenticationPrincipal CurrentUser me,
			Model model, RedirectAttributes redirect) {
		return act(id, result, me, model, redirect, "portal.flash.replied", ticket -> {
			uploads.checkSize(file);
			tickets.comment(ticket, form.getBody(), false, me);
			if (!uploads.attach(ticket, file, false, me)) {
				redirect.addFlashAttribute("flash", "portal.flash.replied-without-file");
			}
		});
	}

	/**
	 * The requester's reply to a resolved ticket, with their answer: solved accepts the solution
	 * (the message, optional, kept as a reply; not a reopening), not solved refuses it (the
	 * message, required, is the reason; a reopening).
	 */
	@PostMapping("/tickets/{id}/answer")
	String answer(@PathVariable long id, @ModelAttribute("answerForm") ActionForm form, BindingResult result,
			@RequestParam(required = false) @Nullable Boolean solved,
			@RequestParam(required = false) @Nullable MultipartFile file, @AuthenticationPrincipal CurrentUser me,
			Model model, RedirectAttributes redirect) {
		if (solved == null) {
			result.reject("portal.answer.choose");
		}
		boolean accepted = Boolean.TRUE.equals(solved);
		TicketAction action = accepted ? TicketAction.ACCEPT : TicketAction.REFUSE;
		return act(id, result, me, model, redirect, accepted ? "portal.flash.accepted" : "portal.flash.refused",
				ticket -> {
					uploads.checkSize(file);
					tickets.transition(ticket, new Transition(action, form.getReason(), null, null, null),
							form.getVersion(), me);
					if (!uploads.attach(ticket, file, false, me)) {
						redirect.addFlashAttribute("flash", "portal.flash.replied-without-file");
					}
				});
	}

	@PostMapping("/tickets/{id}/rate")
	String rate(@PathVariable long id, @ModelAttribute("ratingForm") ActionForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
		int rating = form.getRating() == null ? 0 : form.getRating();
		return act(id, result, me, model, redirect, "portal.flash.rated",
				ticket -> tickets.rate(ticket, rating, form.getComment(), me));
	}

	private String act(long id, BindingResult result, CurrentUser me, Model model, RedirectAttributes redirect,
			String flash, Consumer<TicketId> action) {
		redirect.addFlashAttribute("flash", flash);
		return errors.act(result, model, () -> action.accept(new TicketId(id)), "redirect:/portal/tickets/" + id,
				() -> ticketPage(id, me, model));
	}

	private String ticketPage(long id, CurrentUser me, Model model) {
		TicketView view = tickets.view(new TicketId(id), me);
		Ticket ticket = view.ticket();
		model.addAttribute("ticket", ticket);
		// The portal shows the public side of a ticket, even to an agent who filed it.
		model.addAttribute("comments", view.comments().stream().filter(c -> !c.isInternal()).toList());
		model.addAttribute("attachments", view.attachments().stream().filter(a -> !a.isInternal()).toList());
		boolean requester = ticket.getRequester().getId() == me.id();
		boolean canAnswer = TicketAction.ACCEPT.allowedFrom(ticket.getStatus());
		boolean closed = ticket.getStatus() == Status.CLOSED || ticket.getStatus() == Status.CANCELLED;
		model.addAttribute("requester", requester);
		model.addAttribute("canAnswer", canAnswer);
		// a refused rating is shown back with its reason even when the survey is no longer open
		BindingResult rated = (BindingResult) model.getAttribute(BindingResult.MODEL_KEY_PREFIX + "ratingForm");
		model.addAttribute("canRate", surveys.answerable(ticket) || rated != null && rated.hasErrors());
		model.addAttribute("closed", closed);
		model.addAttribute("pastSolutions", tickets.pastSolutions(ticket.id(), me));
		model.addAttribute("links", tickets.links(ticket.id(), me));
		// the sla module's fragment says the expected resolution date when requesters may see it
		model.addAttribute("slaShown",
				settings.requesterSlaVisibility() == RequesterSlaVisibility.EXPECTED_RESOLUTION);
		keepTyped(model, requester && canAnswer, closed);
		for (String form : new String[] { "replyForm", "answerForm" }) {
			if (!model.containsAttribute(form)) {
				model.addAttribute(form, new ActionForm());
			}
		}
		if (!model.containsAttribute("ratingForm")) {
			ActionForm rating = new ActionForm();
			rating.setRating(ticket.getSatisfactionRating());
			rating.setComment(ticket.getSatisfactionComment() == null ? "" : ticket.getSatisfactionComment());
			model.addAttribute("ratingForm", rating);
		}
		InPlace.keepAddress("/portal/tickets/" + id);
		return "portal/ticket";
	}

	/**
	 * The message of a refused reply or answer goes into the form the ticket's page now offers,
	 * for the ticket may have changed meanwhile: an answer to a solution the team took back
	 * becomes a reply, a reply to a ticket resolved meanwhile an answer, and on a ticket closed
	 * meanwhile the message is kept for a new request about it ({@code keptMessage}).
	 */
	private static void keepTyped(Model model, boolean answerShown, boolean closed) {
		String typed = model.getAttribute("answerForm") instanceof ActionForm answer ? answer.getReason()
				: model.getAttribute("replyForm") instanceof ActionForm reply ? reply.getBody() : "";
		if (typed.isBlank()) {
			return;
		}
		if (closed) {
			model.addAttribute("keptMessage", typed);
		}
		else if (answerShown && !model.containsAttribute("answerForm")) {
			ActionForm answer = new ActionForm();
			answer.setReason(typed);
			model.addAttribute("answerForm", answer);
		}
		else if (!answerShown && !model.containsAttribute("replyForm")) {
			ActionForm reply = new ActionForm();
			reply.setBody(typed);
			model.addAttribute("replyForm", reply);
		}
	}

}

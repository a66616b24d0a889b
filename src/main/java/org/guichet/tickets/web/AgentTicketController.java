package org.guichet.tickets.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.User;
import org.guichet.system.DomainException;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Escalation;
import org.guichet.tickets.EscalationKind;
import org.guichet.tickets.Impact;
import org.guichet.tickets.MajorIncidents;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.Priority;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Status;
import org.guichet.tickets.TaskStatus;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.TicketView;
import org.guichet.tickets.Transition;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionOperations;
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
 * The agent's ticket page (timeline, history, side panel of fields) and every action on it,
 * plus the quick creation of a ticket on behalf of a caller. Each action posts the version the
 * agent saw; a refusal shows the page again with the agent's text in its form.
 */
@Controller
@RequestMapping("/agent/tickets")
class AgentTicketController {

	/** The forms the page binds with th:object; the others post only a version or a task status. */
	private static final String[] ACTION_FORMS = { "replyForm", "noteForm", "taskForm", "pendingForm",
			"resolveForm", "cancelForm" };

	private final TicketManagement tickets;

	private final Choices choices;

	private final FormErrors errors;

	private final FileUploads uploads;

	private final TransactionOperations transactions;

	private final MajorIncidents majorIncidents;

	AgentTicketController(TicketManagement tickets, Choices choices, FormErrors errors, FileUploads uploads,
			TransactionOperations transactions, MajorIncidents majorIncidents) {
		this.majorIncidents = majorIncidents;
		this.tickets = tickets;
		this.choices = choices;
		this.errors = errors;
		this.uploads = uploads;
		this.transactions = transactions;
	}

	// --- Quick creation ---------------------------------------------------------------------

	@GetMapping("/new")
	String initCreationForm(Model model) {
		NewTicketForm form = new NewTicketForm();
		form.setChannel(Channel.PHONE);
		form.setImpact(Impact.LOW);
		model.addAttribute("ticket", form);
		return creationForm(model);
	}

	@PostMapping("/new")
	String processCreationForm(@ModelAttribute("ticket") NewTicketForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
		if (form.getRequesterId() == null) {
			result.rejectValue("requesterId", "field.required");
		}
		if (!form.check(result)) {
			return creationForm(model);
		}
		try {
			Ticket ticket = tickets.register(form.toNewTicket(), me);
			// The agent keeps sight of the ticket they registered, wherever routing sent it.
			SupportGroup routedTo = ticket.getGroup();
			flash(redirect, routedTo == null ? "agent.flash.registered" : "agent.flash.registered-routed",
					ticket.getNumber(), ticket.getRequester().getFullName(), routedTo == null ? "" : routedTo.getName());
			return "redirect:/agent/tickets/" + ticket.id().value();
		}
		catch (DomainException ex) {
			errors.reject(ex, result, model);
			return creationForm(model);
		}
	}

	private String creationForm(Model model) {
		model.addAttribute("types", TicketType.values());
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("impacts", Impact.values());
		model.addAttribute("channels", Channel.values());
		choices.addClassification(model);
		choices.addCaller(model);
		return "agent/new";
	}

	// --- Ticket page ------------------------------------------------------------------------

	@GetMapping("/{id}")
	String showTicket(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
		return ticketPage(id, me, model);
	}

	@PostMapping("/{id}/take")
	String take(@PathVariable long id, @ModelAttribute("versionForm") ActionForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
		return transition(id, form, result, me, model, redirect, Transition.of(TicketAction.TAKE));
	}

	@PostMapping("/{id}/resume")
	String resume(@PathVariable long id, @ModelAttribute("versionForm") ActionForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
		return transition(id, form, result, me, model, redirect, Transition.of(TicketAction.RESUME));
	}

	@PostMapping("/{id}/reopen")
	String reopen(@PathVariable long id, @ModelAttribute("versionForm") ActionForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
		return transition(id, form, result, me, model, redirect, Transition.of(TicketAction.REOPEN));
	}

	@PostMapping("/{id}/cancel")
	String cancel(@PathVariable long id, @ModelAttribute("cancelForm") ActionForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
		return transition(id, form, result, me, model, redirect,
				new Transition(TicketAction.CANCEL, form.getReason(), null, null, null));
	}

	@PostMapping("/{id}/pending")
	String putPending(@PathVariable long id, @ModelAttribute("pendingForm") ActionForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
		return transition(id, form, result, me, model, redirect,
				new Transition(TicketAction.PENDING, null, form.getPendingReason(), null, null));
	}

	@PostMapping("/{id}/resolve")
	String resolve(@PathVariable long id, @ModelAttribute("resolveForm") ActionForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
		// Open tasks may be left open, but knowingly: the form asks, and says how many.
		if (!form.isOpenTasksConfirmed() && openTasks(tickets.view(new TicketId(id), me)) > 0) {
			result.rejectValue("openTasksConfirmed", "agent.resolve.open-tasks.required");
		}
		return transition(id, form, result, me, model, redirect,
				new Transition(TicketAction.RESOLVE, null, null, form.getSolution(), form.getSolutionKind()));
	}

	@PostMapping("/{id}/assign")
	String assign(@PathVariable long id, @ModelAttribute("assignForm") ActionForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
		return act(id, result, me, model, redirect, "agent.flash.assigned",
				ticket -> tickets.assign(ticket, form.getGroupId(), form.getAssigneeId(), form.getVersion(), me));
	}

	@PostMapping("/{id}/escalate")
	String escalate(@PathVariable long id, @ModelAttribute("escalateForm") ActionForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
		return act(id, result, me, model, redirect, "escalation.flash.escalated", ticket -> {
			Escalation escalation = tickets.escalate(ticket, form.getEscalationKind(), form.getGroupId(),
					form.getAssigneeId(), form.getReason(), form.getVersion(), me);
			// The agent stays on the ticket, which they still read once it left their groups.
			SupportGroup toGroup = escalation.getToGroup();
			User toUser = escalation.getToUser();
			flash(redirect, "escalation.flash.escalated-to", ticket.toString(),
					toGroup != null ? toGroup.getName() : toUser != null ? toUser.getFullName() : "");
		});
	}

	@PostMapping("/{id}/reply")
	String reply(@PathVariable long id, @ModelAttribute("replyForm") ActionForm form, BindingResult result,
			@RequestParam(required = false) @Nullable MultipartFile file, @AuthenticationPrincipal CurrentUser me,
			Model model, RedirectAttributes redirect) {
		return comment(id, form, result, file, false, me, model, redirect);
	}

	@PostMapping("/{id}/note")
	String addNote(@PathVariable long id, @ModelAttribute("noteForm") ActionForm form, BindingResult result,
			@RequestParam(required = false) @Nullable MultipartFile file, @AuthenticationPrincipal CurrentUser me,
			Model model, RedirectAttributes redirect) {
		return comment(id, form, result, file, true, me, model, redirect);
	}

	@PostMapping("/{id}/tasks")
	String addTask(@PathVariable long id, @ModelAttribute("taskForm") ActionForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
		return act(id, result, me, model, redirect, "agent.flash.task-added", ticket -> tickets.addTask(ticket,
				form.getTitle(), form.getAssigneeId(), form.getPlannedMinutes(), me));
	}

	@PostMapping("/{id}/tasks/{taskId}")
	String updateTask(@PathVariable long id, @PathVariable long taskId,
			@ModelAttribute("taskUpdateForm") ActionForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
		TaskStatus status = form.getTaskStatus() == null ? TaskStatus.TODO : form.getTaskStatus();
		return act(id, result, me, model, redirect, "agent.flash.task-updated",
				ticket -> tickets.updateTask(ticket, taskId, status, form.getActualMinutes(), me));
	}

	@PostMapping("/{id}/fields")
	String updateFields(@PathVariable long id, @ModelAttribute("fieldsForm") FieldsForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
		return act(id, result, me, model, redirect, "agent.flash.fields-saved", ticket -> tickets.update(ticket,
				form.toChanges(tickets.get(ticket, me)), form.getVersion(), me));
	}

	private String transition(long id, ActionForm form, BindingResult result, CurrentUser me, Model model,
			RedirectAttributes redirect, Transition transition) {
		return act(id, result, me, model, redirect, "agent.flash." + transition.action().name(), ticket -> {
			Status now = tickets.transition(ticket, transition, form.getVersion(), me).getStatus();
			if (transition.action() == TicketAction.RESOLVE && now == Status.CLOSED) {
				// without requester validation the resolution closed the ticket
				redirect.addFlashAttribute("flash", "agent.flash.RESOLVE.closed");
			}
		});
	}

	private String comment(long id, ActionForm form, BindingResult result, @Nullable MultipartFile file,
			boolean internal, CurrentUser me, Model model, RedirectAttributes redirect) {
		return act(id, result, me, model, redirect, internal ? "agent.flash.noted" : "agent.flash.replied",
				ticket -> {
					uploads.checkSize(file);
					// one transaction: the reply's mail, written as it commits, lists the file sent with it
					Boolean attached = transactions.execute(status -> {
						tickets.comment(ticket, form.getBody(), internal, me);
						return uploads.attach(ticket, file, internal, me);
					});
					if (!Boolean.TRUE.equals(attached)) {
						redirect.addFlashAttribute("flash", "agent.flash.commented-without-file");
					}
				});
	}

	private String act(long id, BindingResult result, CurrentUser me, Model model, RedirectAttributes redirect,
			String flash, Consumer<TicketId> action) {
		redirect.addFlashAttribute("flash", flash);
		return errors.act(result, model, () -> action.accept(new TicketId(id)), "redirect:/agent/tickets/" + id,
				() -> ticketPage(id, me, model));
	}

	private static long openTasks(TicketView view) {
		return view.tasks().stream().filter(task -> task.getStatus() != TaskStatus.DONE).count();
	}

	/** A confirmation whose message takes arguments (the ticket's number, a name…). */
	private static void flash(RedirectAttributes redirect, String key, Object... arguments) {
		redirect.addFlashAttribute("flash", key);
		redirect.addFlashAttribute("flashArgs", arguments);
	}

	/**
	 * The part "major incident": who may flag it ({@code mayFlag}: an agent who works on it, or a
	 * supervisor), a major incident's children, or the open major incidents an open ticket may be
	 * attached to.
	 */
	private void addMajorIncident(Ticket ticket, boolean works, CurrentUser me, Model model) {
		boolean mayFlag = works || me.role().includes(Role.SUPERVISOR);
		model.addAttribute("mayFlag", mayFlag);
		model.addAttribute("majorChildren",
				ticket.isMajorIncident() ? majorIncidents.children(ticket.id(), me) : List.of());
		model.addAttribute("ongoingMajors", mayFlag && !ticket.isMajorIncident()
				&& Status.OPEN.contains(ticket.getStatus()) ? majorIncidents.ongoing(me) : List.of());
	}

	private String ticketPage(long id, CurrentUser me, Model model) {
		TicketId ticketId = new TicketId(id);
		TicketView view = tickets.view(ticketId, me);
		Ticket ticket = view.ticket();
		model.addAttribute("view", view);
		model.addAttribute("ticket", ticket);
		model.addAttribute("history", tickets.history(ticketId, me));
		model.addAttribute("pastSolutions", tickets.pastSolutions(ticketId, me));
		model.addAttribute("links", tickets.links(ticketId, me));
		Set<TicketAction> allowed = EnumSet.noneOf(TicketAction.class);
		boolean works = tickets.mayWorkOn(ticket, me);
		model.addAttribute("works", works);
		for (TicketAction action : works ? TicketAction.values() : new TicketAction[0]) {
			if (ticket.allows(action) && !action.isRequesterAnswer()
					&& action != TicketAction.AUTO_CLOSE) {
				allowed.add(action);
			}
		}
		List<String> can = new java.util.ArrayList<>(allowed.stream().map(Enum::name).toList());
		for (Ticket.Work work : works ? Ticket.Work.values() : new Ticket.Work[0]) {
			if (ticket.allows(work)) {
				can.add(work.name());
			}
		}
		model.addAttribute("can", can);
		addMajorIncident(ticket, works, me, model);
		model.addAttribute("openTasks", openTasks(view));
		InPlace.keepAddress("/agent/tickets/" + id);
		for (String form : ACTION_FORMS) {
			if (!model.containsAttribute(form)) {
				model.addAttribute(form, new ActionForm());
			}
		}
		if (!model.containsAttribute("assignForm")) {
			ActionForm assignment = new ActionForm();
			assignment.setGroupId(ticket.getGroup() == null ? null : ticket.getGroup().getId());
			assignment.setAssigneeId(ticket.getAssignee() == null ? null : ticket.getAssignee().getId());
			model.addAttribute("assignForm", assignment);
		}
		if (!model.containsAttribute("escalateForm")) {
			ActionForm escalation = new ActionForm();
			escalation.setEscalationKind(EscalationKind.FUNCTIONAL);
			model.addAttribute("escalateForm", escalation);
		}
		if (!model.containsAttribute("fieldsForm")) {
			model.addAttribute("fieldsForm", FieldsForm.of(ticket));
		}
		model.addAttribute("types", TicketType.values());
		model.addAttribute("levels", Urgency.values());
		model.addAttribute("impacts", Impact.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("pendingReasons", PendingReason.values());
		model.addAttribute("solutionKinds", SolutionKind.chosenByTeam());
		model.addAttribute("taskStatuses", TaskStatus.values());
		choices.addClassification(model);
		choices.addTeam(model);
		choices.addEscalationTargets(model, ticket);
		return "agent/ticket";
	}

}

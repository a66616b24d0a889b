package org.guichet.approvals.web;

import java.util.List;

import org.guichet.approvals.Approvals;
import org.guichet.approvals.Verdict;
import org.guichet.approvals.WaitingApproval;
import org.guichet.directory.CurrentUser;
import org.guichet.system.ConflictException;
import org.guichet.system.FormRefusals;
import org.guichet.system.InvalidInputException;
import org.guichet.tickets.AttachmentFile;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "To approve": what waits for the reader's decision, each with the request's answers, its files
 * and the earlier steps' decisions, approved or refused in place (htmx answers the one card and
 * the navbar's counts; without it the page comes back). A refusal without a reason, or a decision
 * raced by another, is shown beside the comment, the comment kept.
 */
@Controller
class ApprovalPageController {

	private final Approvals approvals;

	ApprovalPageController(Approvals approvals) {
		this.approvals = approvals;
	}

	@ModelAttribute("decision")
	DecisionForm decision() {
		return new DecisionForm();
	}

	@GetMapping("/approvals")
	String list(@AuthenticationPrincipal CurrentUser reader, Model model) {
		model.addAttribute("waiting", approvals.waitingFor(reader));
		return "approvals/list";
	}

	/** A file of the request, to its approvers (see {@link Approvals#file}); 404 to anyone else. */
	@GetMapping("/approvals/{id}/files/{attachmentId}")
	ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long attachmentId,
			@AuthenticationPrincipal CurrentUser reader) {
		AttachmentFile file = approvals.file(id, attachmentId, reader);
		return ResponseEntity.ok().headers(file.headers()).body(file.content());
	}

	@PostMapping("/approvals/{id}/decision")
	String decide(@PathVariable long id, @ModelAttribute("decision") DecisionForm decision, BindingResult result,
			@AuthenticationPrincipal CurrentUser by,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect) {
		String outcome = null;
		try {
			Verdict verdict = Verdict.parse(decision.getVerdict());
			approvals.decide(id, verdict, decision.getComment(), by);
			outcome = verdict == Verdict.APPROVE ? "approvals.done.approved" : "approvals.done.refused";
		}
		catch (InvalidInputException | ConflictException ex) {
			FormRefusals.reject(ex, result);
		}
		catch (OptimisticLockingFailureException ex) {
			// the race was lost as the ticket's changes committed
			FormRefusals.reject(Approvals.changedMeanwhile(id), result);
		}
		if (htmx == null) {
			if (outcome != null) {
				redirect.addFlashAttribute("done", outcome);
				return "redirect:/approvals";
			}
			model.addAttribute("waiting", approvals.waitingFor(by));
			model.addAttribute("failedId", id);
			return "approvals/list";
		}
		model.addAttribute("approvalId", id);
		model.addAttribute("failedId", id);
		model.addAttribute("done", outcome);
		if (outcome == null) {
			List<WaitingApproval> still = approvals.waitingFor(by).stream()
				.filter(w -> w.approval().id() == id)
				.toList();
			model.addAttribute("entry", still.isEmpty() ? null : still.get(0));
		}
		model.addAttribute("inPlace", true);
		return "approvals/list :: card";
	}

	/** What an approver sends: APPROVE or REFUSE, and a comment (required to refuse). */
	static class DecisionForm {

		private @Nullable String verdict;

		private @Nullable String comment;

		public @Nullable String getVerdict() {
			return verdict;
		}

		public void setVerdict(@Nullable String verdict) {
			this.verdict = verdict;
		}

		public @Nullable String getComment() {
			return comment;
		}

		public void setComment(@Nullable String comment) {
			this.comment = comment;
		}

	}

}

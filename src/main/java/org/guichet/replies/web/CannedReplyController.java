package org.guichet.replies.web;

import org.guichet.directory.CurrentUser;
import org.guichet.replies.CannedReplies;
import org.guichet.replies.CannedReply;
import org.guichet.system.DomainException;
import org.guichet.system.VersionMismatchException;
import org.jspecify.annotations.Nullable;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agent's canned replies: their personal ones and the shared ones of the groups they manage,
 * listed, created, changed and deleted. A refused form comes back with every error next to its
 * field and everything typed.
 */
@Controller
@RequestMapping("/agent/replies")
class CannedReplyController {

	private final CannedReplies replies;

	private final ReplyChoices choices;

	CannedReplyController(CannedReplies replies, ReplyChoices choices) {
		this.replies = replies;
		this.choices = choices;
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("replies", replies.manageable(me));
		choices.addGroups(model, me);
		return "replies/list";
	}

	@GetMapping("/new")
	String initCreationForm(@RequestParam(required = false) @Nullable Long groupId,
			@AuthenticationPrincipal CurrentUser me, Model model) {
		CannedReplyForm form = new CannedReplyForm();
		form.setGroupId(groupId);
		model.addAttribute("replyForm", form);
		return form(null, me, model);
	}

	@PostMapping("/new")
	String processCreationForm(@ModelAttribute("replyForm") CannedReplyForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
		try {
			CannedReply reply = replies.create(form.definition(), me);
			redirect.addFlashAttribute("flash", "replies.flash.saved");
			redirect.addFlashAttribute("flashArgs", new Object[] { reply.getName() });
			return "redirect:/agent/replies";
		}
		catch (DomainException ex) {
			DefinitionErrors.reject(ex, result);
			return form(null, me, model);
		}
	}

	@GetMapping("/{id}")
	String initUpdateForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("replyForm", CannedReplyForm.of(replies.get(id, me)));
		return form(id, me, model);
	}

	@PostMapping("/{id}")
	String processUpdateForm(@PathVariable long id, @ModelAttribute("replyForm") CannedReplyForm form,
			BindingResult result, @AuthenticationPrincipal CurrentUser me, Model model,
			RedirectAttributes redirect) {
		try {
			CannedReply reply = replies.update(id, form.getVersion(), form.definition(), me);
			redirect.addFlashAttribute("flash", "replies.flash.saved");
			redirect.addFlashAttribute("flashArgs", new Object[] { reply.getName() });
			return "redirect:/agent/replies";
		}
		catch (VersionMismatchException ex) {
			// what was typed stays, on the current version: saving again replaces the other change
			form.setVersion(ex.currentVersion());
			DefinitionErrors.reject(ex, result);
			return form(id, me, model);
		}
		catch (DomainException ex) {
			DefinitionErrors.reject(ex, result);
			return form(id, me, model);
		}
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
		String name = replies.get(id, me).getName();
		replies.delete(id, me);
		redirect.addFlashAttribute("flash", "replies.flash.deleted");
		redirect.addFlashAttribute("flashArgs", new Object[] { name });
		return "redirect:/agent/replies";
	}

	private String form(@Nullable Long id, CurrentUser me, Model model) {
		model.addAttribute("replyId", id);
		choices.addGroups(model, me);
		model.addAttribute("placeholders", org.guichet.replies.Placeholders.NAMES);
		return "replies/form";
	}

}

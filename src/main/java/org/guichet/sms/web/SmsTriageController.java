package org.guichet.sms.web;

import org.guichet.directory.CurrentUser;
import org.guichet.sms.SmsTriage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The SMS triage list in the workspace ({@link SmsTriage}): the texts from unknown numbers, each marked handled. */
@Controller
@RequestMapping("/agent/sms")
class SmsTriageController {

	private final SmsTriage triage;

	SmsTriageController(SmsTriage triage) {
		this.triage = triage;
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("waiting", triage.waiting(me));
		model.addAttribute("limit", SmsTriage.LIMIT);
		return "sms/triage";
	}

	@PostMapping("/{id}/handled")
	String handled(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
		triage.handled(id, me);
		redirect.addFlashAttribute("flash", "sms.triage.marked");
		return "redirect:/agent/sms";
	}

}

package org.guichet.mail.outbox;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' page of mail out: whether an SMTP server is configured, how many mails wait,
 * the mails that could not be sent (with why) and a button that sends one again
 * ({@link MailOutboxAdministration}, shared with the API).
 */
@Controller
@RequestMapping("/admin/mail")
class MailAdminController {

	private final MailOutboxAdministration administration;

	private final MailSendingJob sender;

	private final MailSettings settings;

	MailAdminController(MailOutboxAdministration administration, MailSendingJob sender, MailSettings settings) {
		this.administration = administration;
		this.sender = sender;
		this.settings = settings;
	}

	@GetMapping
	@Transactional(readOnly = true)
	String page(Model model) {
		Map<OutboxStatus, Long> counts = administration.counts();
		model.addAttribute("configured", sender.configured());
		model.addAttribute("from", settings.from());
		model.addAttribute("replyTo", settings.replyTo());
		model.addAttribute("queuedCount", counts.get(OutboxStatus.QUEUED));
		model.addAttribute("sendingCount", counts.get(OutboxStatus.SENDING));
		model.addAttribute("sentCount", counts.get(OutboxStatus.SENT));
		model.addAttribute("failedCount", counts.get(OutboxStatus.FAILED));
		model.addAttribute("shown", MailOutboxAdministration.MOST_LISTED);
		model.addAttribute("failed", administration.newest(OutboxStatus.FAILED, MailOutboxAdministration.MOST_LISTED));
		model.addAttribute("queued", administration.newest(OutboxStatus.QUEUED, MailOutboxAdministration.MOST_LISTED));
		return "admin/mail/outbox";
	}

	/**
	 * Queues a failed mail again ({@link MailOutboxAdministration#resend}); a mail that is no longer
	 * failed is left as it is and the page says so; a number of no mail gets 404.
	 */
	@PostMapping("/{id}/resend")
	String resend(@PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute(administration.resend(id) ? "resent" : "alreadyResent", id);
		return "redirect:/admin/mail";
	}

}

package org.guichet.mail.outbox;

import java.time.Clock;
import java.sql.Timestamp;

import org.guichet.system.NotFoundException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
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
 * the mails that could not be sent (with why) and a button that sends one again.
 */
@Controller
@RequestMapping("/admin/mail")
class MailAdminController {

	/** How many failed and waiting mails the page lists, newest first. */
	static final int SHOWN = 100;

	private final OutboxMailRepository outbox;

	private final MailSendingJob sender;

	private final MailSettings settings;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	MailAdminController(OutboxMailRepository outbox, MailSendingJob sender, MailSettings settings, JdbcTemplate jdbc,
			Clock clock) {
		this.outbox = outbox;
		this.sender = sender;
		this.settings = settings;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@GetMapping
	@Transactional(readOnly = true)
	String page(Model model) {
		model.addAttribute("configured", sender.configured());
		model.addAttribute("from", settings.from());
		model.addAttribute("replyTo", settings.replyTo());
		model.addAttribute("queuedCount", outbox.countByStatus(OutboxStatus.QUEUED));
		model.addAttribute("sendingCount", outbox.countByStatus(OutboxStatus.SENDING));
		model.addAttribute("sentCount", outbox.countByStatus(OutboxStatus.SENT));
		model.addAttribute("failedCount", outbox.countByStatus(OutboxStatus.FAILED));
		model.addAttribute("shown", SHOWN);
		model.addAttribute("failed", outbox.findByStatusOrderByIdDesc(OutboxStatus.FAILED, PageRequest.of(0, SHOWN)));
		model.addAttribute("queued", outbox.findByStatusOrderByIdDesc(OutboxStatus.QUEUED, PageRequest.of(0, SHOWN)));
		return "admin/mail/outbox";
	}

	/**
	 * Queues a failed mail again, as it was written and with the same Message-ID (so that a mail
	 * client that did get it the first time shows it once), for the sender's next round. A mail
	 * that is no longer failed (sent again from another tab, or by another administrator) is left
	 * as it is and the page says so; a number of no mail gets 404.
	 */
	@PostMapping("/{id}/resend")
	@Transactional
	String resend(@PathVariable long id, RedirectAttributes redirect) {
		int queued = jdbc.update("update mail_outbox set status = 'QUEUED', attempts = 0, claimed_at = null, "
				+ "next_attempt_at = ? where id = ? and status = 'FAILED'", Timestamp.from(clock.instant()), id);
		if (queued == 0) {
			if (!outbox.existsById(id)) {
				throw new NotFoundException("mail.outbox.not-failed", "No failed mail with this number", id);
			}
			redirect.addFlashAttribute("alreadyResent", id);
			return "redirect:/admin/mail";
		}
		redirect.addFlashAttribute("resent", id);
		return "redirect:/admin/mail";
	}

}

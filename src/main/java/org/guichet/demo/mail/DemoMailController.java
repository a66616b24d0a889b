package org.guichet.demo.mail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.guichet.demo.mail.DemoMailboxes.Mailbox;
import org.guichet.system.NotFoundException;
import org.guichet.tickets.Attachment;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' page of the demo's mailboxes ({@code /admin/demo-mail}, demo profile only):
 * each mailbox and its mails, one mail read whole (its HTML in a sandbox, its text with working
 * links, its threading headers), and a form that writes to support as the mailbox's owner, with a
 * file or as an answer to one of their mails.
 */
@Controller
@RequestMapping("/admin/demo-mail")
@ConditionalOnDemoMail
class DemoMailController {

	private static final String PAGE = "demo/mail";

	private final DemoMailServer server;

	private final DemoMailboxes mailboxes;

	private final SupportMailWriter writer;

	DemoMailController(DemoMailServer server, DemoMailboxes mailboxes, SupportMailWriter writer) {
		this.server = server;
		this.mailboxes = mailboxes;
		this.writer = writer;
	}

	/**
	 * @param box the address of the mailbox shown, or none
	 * @param mail the UID of the mail read in it, or none
	 * @param reply the UID of the mail the form answers, or none
	 */
	@GetMapping
	String page(@RequestParam(required = false) @Nullable String box, @RequestParam(required = false) @Nullable Long mail,
			@RequestParam(required = false) @Nullable Long reply, Model model) {
		SupportMailForm form = new SupportMailForm();
		if (box != null) {
			form.setFrom(box);
			if (reply != null) {
				DemoMail original = DemoMail.of(server.message(box, reply).orElseThrow(() -> unknownMail(reply)));
				form.setInReplyTo(reply);
				form.setSubject(answerSubject(original.subject()));
			}
		}
		model.addAttribute("mailForm", form);
		return show(box, mail, model);
	}

	/**
	 * Sends the form's mail to support; with errors, the page again with everything typed (the
	 * file must be chosen again: browsers never fill a file input).
	 *
	 * @throws NotFoundException when {@code from} is not the address of a user's mailbox
	 */
	@PostMapping("/send")
	String send(@ModelAttribute("mailForm") SupportMailForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Mailbox sender = mailboxes.list()
			.stream()
			.filter(mailbox -> !mailbox.support() && mailbox.address().equalsIgnoreCase(form.getFrom()))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("demo.mail.box.unknown", "No demo mailbox has this address",
					form.getFrom()));
		DemoMail original = null;
		if (form.getInReplyTo() != null) {
			original = server.message(sender.address(), form.getInReplyTo()).map(DemoMail::of).orElse(null);
			if (original == null) {
				result.rejectValue("inReplyTo", "demo.mail.send.reply.unknown");
			}
		}
		String subject = form.getSubject().strip();
		if (subject.isEmpty() && original != null) {
			subject = answerSubject(original.subject());
		}
		if (subject.isEmpty()) {
			result.rejectValue("subject", "demo.mail.send.subject.required");
		}
		else if (subject.length() > SupportMailForm.SUBJECT_MAX) {
			result.rejectValue("subject", "demo.mail.send.subject.too-long", new Object[] { SupportMailForm.SUBJECT_MAX },
					null);
		}
		if (form.getBody().isBlank()) {
			result.rejectValue("body", "demo.mail.send.body.required");
		}
		else if (form.getBody().length() > SupportMailForm.BODY_MAX) {
			result.rejectValue("body", "demo.mail.send.body.too-long", new Object[] { SupportMailForm.BODY_MAX }, null);
		}
		if (form.hasFile() && form.getFile().getSize() > Attachment.MAX_BYTES) {
			result.rejectValue("file", "demo.mail.send.file.too-large",
					new Object[] { Attachment.MAX_BYTES / (1024 * 1024) }, null);
		}
		if (result.hasErrors()) {
			model.addAttribute("fileDropped", form.hasFile());
			return show(sender.address(), null, model);
		}
		writer.send(sender.address(), sender.owner(), subject, form.getBody(), form.hasFile() ? form.getFile() : null,
				original);
		redirect.addFlashAttribute("sent", subject);
		redirect.addFlashAttribute("sentFrom", sender.owner());
		return "redirect:/admin/demo-mail?box=" + URLEncoder.encode(sender.address(), StandardCharsets.UTF_8);
	}

	private String show(@Nullable String box, @Nullable Long mail, Model model) {
		List<Mailbox> all = mailboxes.list();
		Mailbox shown = box == null ? null
				: all.stream()
					.filter(mailbox -> mailbox.address().equalsIgnoreCase(box))
					.findFirst()
					.orElseThrow(() -> new NotFoundException("demo.mail.box.unknown", "No demo mailbox has this address", box));
		model.addAttribute("mailboxes", all);
		model.addAttribute("box", shown);
		model.addAttribute("support", server.supportAddress());
		model.addAttribute("fileLimit", Attachment.MAX_BYTES / (1024 * 1024));
		if (shown != null) {
			List<DemoMail> mails = server.inbox(shown.address())
				.stream()
				.map(DemoMail::of)
				.sorted(Comparator.comparing(DemoMail::date).thenComparing(DemoMail::uid).reversed())
				.toList();
			model.addAttribute("mails", mails);
			if (mail != null) {
				model.addAttribute("opened",
						mails.stream().filter(m -> m.uid() == mail).findFirst().orElseThrow(() -> unknownMail(mail)));
			}
		}
		return PAGE;
	}

	/** "Re: " and the subject, unless it already starts so. */
	static String answerSubject(String subject) {
		return subject.strip().toLowerCase(Locale.ROOT).startsWith("re:") ? subject.strip() : "Re: " + subject.strip();
	}

	private static NotFoundException unknownMail(long uid) {
		return new NotFoundException("demo.mail.unknown", "No mail with this number in this mailbox", uid);
	}

}

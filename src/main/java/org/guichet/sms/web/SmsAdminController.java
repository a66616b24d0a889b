package org.guichet.sms.web;

import java.util.Locale;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.sms.SmsAdministration;
import org.guichet.sms.SmsDeliveries;
import org.guichet.sms.SmsProperties;
import org.guichet.sms.SmsSettingsForm;
import org.guichet.system.DomainException;
import org.guichet.system.FormRefusals;
import org.guichet.system.RepeatableSubmission;
import org.guichet.system.VersionMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Sort;
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
 * Administration › SMS ({@code /admin/sms}, administrators only): the channel's settings, a test SMS,
 * and the SMS out (how many wait, those not sent and why, each sent again on demand).
 */
@Controller
@RequestMapping("/admin/sms")
class SmsAdminController {

	private static final String PAGE = "sms/admin";

	private static final String REDIRECT = "redirect:/admin/sms";

	private final SmsAdministration administration;

	private final SmsDeliveries deliveries;

	private final SupportGroupRepository groups;

	private final MessageSource messages;

	SmsAdminController(SmsAdministration administration, SmsDeliveries deliveries, SupportGroupRepository groups,
			MessageSource messages) {
		this.administration = administration;
		this.deliveries = deliveries;
		this.groups = groups;
		this.messages = messages;
	}

	@GetMapping
	String initSettingsForm(Model model) {
		model.addAttribute("smsForm", administration.form());
		return page(model);
	}

	/**
	 * Saves and puts in force; with refusals, the page again with everything typed and each error
	 * at its field; saved by someone else since the form's version, the page again as typed with
	 * the version now.
	 */
	@PostMapping
	String processSettingsForm(@ModelAttribute("smsForm") SmsSettingsForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				administration.save(form, me);
			}
			catch (VersionMismatchException ex) {
				form.setVersion(ex.currentVersion());
				result.reject("admin.conflict");
			}
			catch (DomainException ex) {
				FormRefusals.reject(ex, result);
			}
		}
		if (result.hasErrors()) {
			return page(model);
		}
		redirect.addFlashAttribute("flash", "sms.admin.saved");
		return REDIRECT;
	}

	/** Sends a test SMS through the gateway in force and shows its answer; the settings form stays as in force. */
	@PostMapping("/test")
	@RepeatableSubmission
	String test(@RequestParam(defaultValue = "") String testNumber, Model model, Locale locale) {
		model.addAttribute("testNumber", testNumber);
		try {
			model.addAttribute("test", deliveries.sendTest(testNumber,
					messages.getMessage("sms.admin.test.text", null, locale)));
		}
		catch (DomainException ex) {
			model.addAttribute("testError", messages.getMessage(ex.messageKey(), ex.arguments(), ex.getMessage(), locale));
		}
		model.addAttribute("smsForm", administration.form());
		return page(model);
	}

	/** Queues a failed SMS again; one no longer failed is left as it is and the page says so. */
	@PostMapping("/{id}/resend")
	String resend(@PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute(deliveries.resend(id) ? "resent" : "alreadyResent", id);
		return REDIRECT;
	}

	private String page(Model model) {
		model.addAttribute("shown", administration.shown());
		model.addAttribute("providers", SmsProperties.Provider.values());
		model.addAttribute("groups", groups.findAll(Sort.by("name")));
		model.addAttribute("counts", deliveries.counts());
		model.addAttribute("failed", deliveries.newest("FAILED"));
		model.addAttribute("waiting", deliveries.newest("PENDING"));
		model.addAttribute("limit", SmsDeliveries.SHOWN);
		return PAGE;
	}

}

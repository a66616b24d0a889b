package org.guichet.text.web;

import java.util.regex.Pattern;

import org.guichet.system.RepeatableSubmission;
import org.guichet.text.ImageSource;
import org.guichet.text.RichText;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Shows a text being written as it will be shown once sent, rendered by the same
 * {@link RichText} as the pages. Stores nothing; any signed-in person may ask (the images it
 * shows are loaded by their browser with their own rights).
 */
@Controller
class PreviewController {

	/** Longer texts are not previewed: no form of Guichet accepts them. */
	static final int MAX_CHARS = 100_000;

	/** The attachment paths a preview may show images from, e.g. {@code /tickets/12/attachments/}. */
	private static final Pattern ATTACHMENT_PATH = Pattern.compile("/[a-z]+/[0-9]{1,18}/attachments/");

	private final RichText richText;

	PreviewController(RichText richText) {
		this.richText = richText;
	}

	/**
	 * @param text the Markdown typed so far
	 * @param images the attachment path whose images the text may show; anything else shows none
	 */
	@PostMapping("/markdown/preview")
	@RepeatableSubmission
	String preview(@RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String images,
			Model model) {
		ImageSource source = ATTACHMENT_PATH.matcher(images).matches() ? ImageSource.attachmentsUnder(images)
				: ImageSource.NONE;
		model.addAttribute("tooLong", text.length() > MAX_CHARS);
		model.addAttribute("html", text.length() > MAX_CHARS ? "" : richText.html(text, source));
		return "text/fragments/editor :: result";
	}

}

package org.guichet.demo.mail;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the pages that the demo's mailboxes page exists ({@code demoMailPage}), so that the
 * administration home links to it in the demo only.
 */
@ControllerAdvice
@ConditionalOnDemoMail
class DemoMailNavigation {

	@ModelAttribute("demoMailPage")
	boolean demoMailPage() {
		return true;
	}

}

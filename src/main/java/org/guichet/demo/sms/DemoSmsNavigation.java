package org.guichet.demo.sms;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the pages that the demo's SMS gateway page exists ({@code demoSmsPage}), so that the
 * administration home links to it in the demo only.
 */
@ControllerAdvice
@ConditionalOnDemoSms
class DemoSmsNavigation {

	@ModelAttribute("demoSmsPage")
	boolean demoSmsPage() {
		return true;
	}

}

package org.guichet.sms.web;

import org.guichet.sms.SmsSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page whether the SMS channel is on ({@code smsChannel}), for the navigation bar's
 * "SMS to sort" entry; false where the channel's settings are not part of the application (a
 * web slice of another module).
 */
@ControllerAdvice
class SmsNavigation {

	private final ObjectProvider<SmsSettings> settings;

	SmsNavigation(ObjectProvider<SmsSettings> settings) {
		this.settings = settings;
	}

	@ModelAttribute("smsChannel")
	boolean smsChannel() {
		SmsSettings available = settings.getIfAvailable();
		return available != null && available.enabled();
	}

}

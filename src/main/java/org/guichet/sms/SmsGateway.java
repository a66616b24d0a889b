package org.guichet.sms;

/** A provider that sends SMS. */
interface SmsGateway {

	/**
	 * Sends one SMS.
	 *
	 * @param to the number, in E.164
	 * @return the provider's id of the message, empty when it gives none
	 * @throws Failure when the provider did not take it
	 */
	String send(String to, String text) throws Failure;

	/**
	 * A provider's refusal or silence.
	 *
	 * @param permanent whether sending the same SMS again cannot succeed (the provider refused it: a
	 *        bad number, bad credentials), rather than a failure that may pass (unreachable, 5xx, 429)
	 */
	final class Failure extends Exception {

		private final boolean permanent;

		Failure(String message, boolean permanent, Throwable cause) {
			super(message, cause);
			this.permanent = permanent;
		}

		Failure(String message, boolean permanent) {
			super(message);
			this.permanent = permanent;
		}

		boolean permanent() {
			return permanent;
		}

		/** The failure of an HTTP answer that is no success: permanent for a 4xx other than 408 and 429. */
		static Failure ofStatus(int status, String body) {
			boolean permanent = status >= 400 && status < 500 && status != 408 && status != 429;
			String excerpt = body.length() > 200 ? body.substring(0, 200) : body;
			return new Failure("HTTP " + status + ": " + excerpt.strip(), permanent);
		}

	}

}

package org.guichet.sms;

/**
 * One text as a gateway delivered it.
 *
 * @param gateway the webhook it came through ({@code generic}, {@code twilio})
 * @param messageId the gateway's id of the message, the same at each delivery of it
 * @param from the sender's number as the gateway wrote it
 * @param to the number it was sent to (the desk's)
 * @param text what it says
 */
public record InboundSms(String gateway, String messageId, String from, String to, String text) {

	/** The longest provider message id kept. */
	public static final int MESSAGE_ID_MAX = 100;

}

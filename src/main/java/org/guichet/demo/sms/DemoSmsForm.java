package org.guichet.demo.sms;

import org.jspecify.annotations.Nullable;

/**
 * The demo page's form that "sends" an SMS to the desk, as typed: {@code from} a demo user's phone
 * number as the directory has it, or empty for {@code otherNumber}, any number typed.
 */
public class DemoSmsForm {

	/** The longest text, in characters (what {@code sms_inbound} keeps). */
	static final int TEXT_MAX = 1600;

	private String from = "";

	private String otherNumber = "";

	private String text = "";

	public String getFrom() {
		return from;
	}

	public void setFrom(@Nullable String from) {
		this.from = from == null ? "" : from.strip();
	}

	public String getOtherNumber() {
		return otherNumber;
	}

	public void setOtherNumber(@Nullable String otherNumber) {
		this.otherNumber = otherNumber == null ? "" : otherNumber;
	}

	public String getText() {
		return text;
	}

	public void setText(@Nullable String text) {
		this.text = text == null ? "" : text;
	}

	/** The number the SMS comes from: the chosen user's, else the one typed. */
	String sender() {
		return from.isEmpty() ? otherNumber.strip() : from;
	}

}

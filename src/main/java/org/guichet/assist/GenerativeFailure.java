package org.guichet.assist;

/**
 * Why the generative help gave nothing: shown to the agent as a message of its own
 * ({@code assist.generative.failure.<reason>}), never blocking their work.
 */
public class GenerativeFailure extends RuntimeException {

	/** The kinds of failure, each with a message for the agent. */
	public enum Reason {

		/** The help or this feature is off, or the server or model is not set: nothing was sent. */
		OFF,

		/** Today's requests or tokens reached the budget: nothing was sent. */
		BUDGET,

		/** No answer within the timeout. */
		TIMEOUT,

		/** The server could not be reached. */
		UNREACHABLE,

		/** The server answered with an error status (bad key, unknown model, rate limit, its own error). */
		REFUSED,

		/** The answer was not an OpenAI chat completion with a text. */
		MALFORMED,

		/** The stored API key cannot be decrypted with this node's key. */
		KEY_UNREADABLE

	}

	private final Reason reason;

	private final int status;

	/**
	 * @param status the HTTP status of a refusal, 0 otherwise
	 * @param detail what happened, in English, for the log and the administrators' list
	 */
	public GenerativeFailure(Reason reason, int status, String detail, Throwable cause) {
		super(detail, cause);
		this.reason = reason;
		this.status = status;
	}

	/** A failure decided before anything was sent. */
	public GenerativeFailure(Reason reason, String detail) {
		super(detail);
		this.reason = reason;
		this.status = 0;
	}

	public Reason reason() {
		return reason;
	}

	/** The HTTP status of a refusal ({@link Reason#REFUSED}), 0 otherwise. */
	public int status() {
		return status;
	}

}

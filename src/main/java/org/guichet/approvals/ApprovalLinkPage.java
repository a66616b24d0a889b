package org.guichet.approvals;

import java.time.Instant;

import org.guichet.links.LinkPurpose;
import org.jspecify.annotations.Nullable;

/**
 * What the page of an approval's signed link shows ({@link ApprovalLinks}).
 *
 * @param purpose approve or refuse; null for an invalid link
 * @param ticketId the ticket's id (where the files its answers show are); 0 for an invalid link
 * @param reference the ticket's reference, e.g. {@code #1042}; null for an invalid link
 * @param title the request's title; null for an invalid link
 * @param requester who filed the request; null for an invalid link
 * @param answers the request's answers (Markdown), shown only while the link can act
 * @param position the step's number, from 1; 0 for an invalid link
 * @param stepCount how many steps the approval has; 0 for an invalid link
 * @param decision for {@link Kind#ANSWERED} the reader's own answer (or their delegate's for
 *        them), for {@link Kind#DECIDED_BY_OTHER} the answer that closed the step; null otherwise
 * @param usedAt when a used link was used (UTC)
 * @param outcome what a used link did: {@code approved} or {@code refused}
 * @param error the message key of a refused input (field {@code comment}), with its arguments
 */
public record ApprovalLinkPage(Kind kind, @Nullable LinkPurpose purpose, long ticketId, @Nullable String reference,
		@Nullable String title, @Nullable String requester, @Nullable String answers, int position, int stepCount,
		@Nullable Answer decision, @Nullable Instant usedAt, @Nullable String outcome, @Nullable String error,
		Object @Nullable [] errorArguments) {

	/** What the link can do now. */
	public enum Kind {

		/** Not a link of ours, tampered with, or its step no longer exists. */
		INVALID,
		/** Its time is over. */
		EXPIRED,
		/** The link was used ({@code outcome} says how). */
		USED,
		/** The reader (or their delegate for them) already answered this step some other way. */
		ANSWERED,
		/** The step was closed by the answers of others (an {@code ANY} step, a refusal): nothing to answer. */
		DECIDED_BY_OTHER,
		/** The request was cancelled or merged: the approval is withdrawn. */
		WITHDRAWN,
		/** The step is still open but no longer waits for the reader (e.g. the approver they stood in for is back). */
		NOT_WAITING,
		/** The button can act. */
		READY,
		/** The answer was just taken. */
		DONE

	}

	/**
	 * An answer given on the step.
	 *
	 * @param by the full name of who gave it
	 * @param byReader whether the link's person gave it (else another approver, or their delegate for them)
	 * @param at when (UTC)
	 */
	public record Answer(String by, boolean byReader, Verdict verdict, Instant at) {
	}

	static ApprovalLinkPage invalid() {
		return new ApprovalLinkPage(Kind.INVALID, null, 0, null, null, null, null, 0, 0, null, null, null, null, null);
	}

	/** The same page with the refusal of an input shown beside it. */
	public ApprovalLinkPage withError(String key, Object[] arguments) {
		return new ApprovalLinkPage(kind, purpose, ticketId, reference, title, requester, answers, position, stepCount, decision,
				usedAt, outcome, key, arguments);
	}

}

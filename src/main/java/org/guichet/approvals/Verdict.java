package org.guichet.approvals;

/** An approver's answer. */
public enum Verdict {

	APPROVE, REFUSE

}

/**
 * Approvals (issue 14): a ticket that needs approval before work starts waits, Pending with the
 * reason APPROVAL, while the people of its steps decide, one step after the other
 * ({@link org.guichet.approvals.Approval}); approving the last step releases it to its group, a
 * refusal cancels it. Another module asks for an approval through
 * {@link org.guichet.approvals.Approvals#request}; approvers decide through
 * {@link org.guichet.approvals.Approvals#decide}. It depends on tickets (the hold, the history),
 * directory (managers, groups, administrators), routing (absences, for delegation), notifications
 * (approvers told in-app) and system.
 * docs/APPROVALS.md describes it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Approvals")
@org.jspecify.annotations.NullMarked
package org.guichet.approvals;

/**
 * Outgoing webhooks (issue 16): administrators define where Guichet posts a signed JSON document
 * when something happens to a ticket (created, status changed, assigned, a public comment, SLA at
 * risk or breached, approval decided), filtered by support group and category
 * ({@link org.guichet.webhooks.Webhooks}); each post is a row of the durable outbox written in the
 * transaction of the change and sent with retries by the node's sender job, its attempts kept in
 * the delivery log. It depends on tickets, sla and approvals (their events), directory and system.
 * docs/WEBHOOKS.md describes it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks")
@org.jspecify.annotations.NullMarked
package org.guichet.webhooks;

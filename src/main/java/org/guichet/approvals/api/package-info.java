/** The approvals' REST API, {@code /api/v1/approvals}. */
@org.jspecify.annotations.NullMarked
package org.guichet.approvals.api;

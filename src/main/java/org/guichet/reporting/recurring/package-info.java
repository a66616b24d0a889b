/**
 * Recurring incidents: the incidents of a period that come back (same category and the same
 * requester, a burst of one category at one site above its usual rate, or near-identical titles),
 * grouped into clusters a supervisor can open a problem from. The text similarity is behind {@link org.guichet.reporting.recurring.TextSimilarity}
 * so that better engines can replace today's token-set one. Defined in docs/KPIS.md.
 */
@org.jspecify.annotations.NullMarked
package org.guichet.reporting.recurring;

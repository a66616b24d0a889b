/**
 * Recurring incidents: the incidents of a period that come back (same category and the same
 * requester, a burst of one category at one site above its usual rate, or near-identical titles),
 * grouped into clusters a supervisor can open a problem from. Titles are compared by the text
 * module's {@link org.guichet.text.TextSimilarity}, the measure the assistant's likely duplicates
 * use too. Defined in docs/KPIS.md.
 */
@org.jspecify.annotations.NullMarked
package org.guichet.reporting.recurring;

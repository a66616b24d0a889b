/**
 * The lifecycle flowchart: its graph model ({@link org.guichet.presentation.flowchart.Flowchart}),
 * built by {@link org.guichet.presentation.flowchart.FlowchartBuilder} from a
 * {@link org.guichet.presentation.flowchart.LifecycleConfiguration}, laid out by Eclipse ELK's
 * layered algorithm and drawn as SVG (and PDF), with its page and API; a ticket's path on it
 * ({@link org.guichet.presentation.flowchart.TicketPath}, read from its history by
 * {@link org.guichet.presentation.flowchart.TicketJourneys}) and the branch counts of a period
 * ({@link org.guichet.presentation.flowchart.BranchCounts}, from the ticket facts).
 */
@org.jspecify.annotations.NullMarked
package org.guichet.presentation.flowchart;

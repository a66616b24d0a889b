/**
 * The assistant: triage suggestions learnt, in-process and offline, from the desk's own tickets.
 * {@link org.guichet.assist.TriageClassifier} trains a linear model (Tribuo's LibLinear logistic
 * regression over TF-IDF word and character n-grams, French and English through the same
 * pipeline) that {@link org.guichet.assist.TriageModel} applies, abstaining below a threshold;
 * {@link org.guichet.assist.ClassifierEvaluation} scores it (docs/ASSIST.md). The similar tickets and
 * the likely duplicate ({@link org.guichet.assist.SimilarTickets}) merge the search index's "more
 * like this" with the optional embeddings' cosine ({@link org.guichet.assist.TicketEmbeddings}). The
 * self-service resolution ({@link org.guichet.assist.SelfServiceOffers}) offers a new ticket's
 * requester the published article the search finds for it with a high enough confidence, on the
 * portal and in the acknowledgment mail (a signed link), and resolves the ticket with it. The
 * optional generative help ({@link org.guichet.assist.GenerativeHelp}, off by default) asks a
 * language model of the administrator's choice for drafts. It depends on tickets, directory,
 * catalogue (whether a ticket was filed through it: the item decided some fields), knowledge (the
 * articles), sla (what the generative help explains), notifications (the acknowledgment mail's
 * offer), links (the mail's signed link), search, text (folding) and system.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assistant")
@org.jspecify.annotations.NullMarked
package org.guichet.assist;

/**
 * The service catalogue (issue 14): sections and items administrators define, each with a
 * versioned form whose answers are checked ({@link org.guichet.catalogue.FormDefinition}) and
 * filed as a ticket through the tickets module's public API
 * ({@link org.guichet.catalogue.CatalogueRequests}); the answers are kept with the ticket in the
 * form's version they were filed with, shown on the ticket's pages by panels of this module's own
 * and in the ticket's JSON under {@code formAnswers}. Approvals come next. It depends on tickets,
 * directory, text (folding the portal's search words) and system; docs/CATALOGUE.md describes it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service catalogue")
@org.jspecify.annotations.NullMarked
package org.guichet.catalogue;

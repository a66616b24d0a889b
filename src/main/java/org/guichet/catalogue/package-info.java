/**
 * The service catalogue (issue 14): sections and items administrators define, each with a
 * versioned form whose answers are checked ({@link org.guichet.catalogue.FormDefinition}) and
 * filed as a ticket through the tickets module's public API
 * ({@link org.guichet.catalogue.CatalogueRequests}); the answers are kept with the ticket in the
 * form's version they were filed with, shown on the ticket's pages by panels of this module's own
 * and in the ticket's JSON under {@code formAnswers}. An item's approval steps are resolved at
 * filing and handed to the approvals module. It depends on tickets, approvals, directory, search
 * (reading the portal's search words as the search does) and system; docs/CATALOGUE.md describes it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service catalogue")
@org.jspecify.annotations.NullMarked
package org.guichet.catalogue;

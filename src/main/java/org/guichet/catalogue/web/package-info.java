/** The catalogue's pages: the portal's catalogue and forms, the ticket pages' answers block, the administrators' pages. */
@org.jspecify.annotations.NullMarked
package org.guichet.catalogue.web;

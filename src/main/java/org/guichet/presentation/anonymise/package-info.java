/**
 * Anonymisation of what a dossier or a presentation pack shows: {@link
 * org.guichet.presentation.anonymise.Pseudonyms} replaces the people concerned by consistent
 * pseudonyms (Demandeur A, Technicien 1…) in structured fields, free text (Markdown) and file
 * names, together with e-mail addresses, phone numbers, IP and MAC addresses, host names and the
 * organisation's name, and lists what it could not recognise for the author to check. The core is
 * pure Java; {@link org.guichet.presentation.anonymise.Anonymisation} builds it from the directory.
 * The rules are in docs/PRESENTING.md, section "Anonymisation".
 */
@org.jspecify.annotations.NullMarked
package org.guichet.presentation.anonymise;

/**
 * The routing administration page: rules in order with their tester, group auto-assignment
 * modes, technicians' skills and absences.
 */
@org.jspecify.annotations.NullMarked
package org.guichet.routing.web;

/**
 * The REST API of routing: {@code /api/v1/routing-rules} with the rule tester, technicians'
 * skills and absences, and each group's auto-assignment mode.
 */
@org.jspecify.annotations.NullMarked
package org.guichet.routing.api;

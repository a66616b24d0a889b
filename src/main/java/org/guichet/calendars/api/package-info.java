/**
 * The REST API of business calendars, {@code /api/v1/calendars}: managing calendars, and the
 * calendar tester that computes a deadline or a business time on one.
 */
@org.jspecify.annotations.NullMarked
package org.guichet.calendars.api;

/**
 * Internals of the business calendars: the precomputed tables of working intervals, in
 * epoch seconds, that make the calendar arithmetic fast.
 */
@org.jspecify.annotations.NullMarked
package org.guichet.calendars.internal;

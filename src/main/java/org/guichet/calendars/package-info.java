/**
 * Business calendars: the working hours, holidays and exceptional openings of a support team,
 * and the business-time arithmetic (deadlines, elapsed business time) that SLAs are measured in.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Business calendars")
@org.jspecify.annotations.NullMarked
package org.guichet.calendars;

/** The announcements' REST API, {@code /api/v1/announcements} (docs/API.md, "Announcements"). */
@org.jspecify.annotations.NullMarked
package org.guichet.announcements.api;

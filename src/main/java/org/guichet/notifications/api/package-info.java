/**
 * The REST API of notification preferences: a person's own, {@code /api/v1/me/notification-preferences},
 * and the administrators' defaults, {@code /api/v1/admin/notification-defaults}.
 */
@org.jspecify.annotations.NullMarked
package org.guichet.notifications.api;

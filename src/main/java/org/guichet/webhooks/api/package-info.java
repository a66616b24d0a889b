/** The webhooks' REST API for administrators, {@code /api/v1/webhooks}. */
@org.jspecify.annotations.NullMarked
package org.guichet.webhooks.api;

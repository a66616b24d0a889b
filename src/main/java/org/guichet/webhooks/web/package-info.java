/** The administrators' pages of the webhooks ({@code /admin/webhooks}). */
@org.jspecify.annotations.NullMarked
package org.guichet.webhooks.web;

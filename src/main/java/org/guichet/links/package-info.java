/**
 * Links that act without logging in: signed (HMAC-SHA256, key from configuration), single-use and
 * expiring, issued for the mails ({@link org.guichet.links.ActionLinks#issue}) and redeemed on small
 * public pages whose GET only shows and whose POST acts: accept or refuse a solution, rate the
 * service. Approvals reuse the same links with purposes of their own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Signed links")
@org.jspecify.annotations.NullMarked
package org.guichet.links;

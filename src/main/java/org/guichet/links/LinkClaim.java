package org.guichet.links;

import java.time.Instant;

/**
 * What a signed link says: who may do what on which subject, until when.
 *
 * @param subjectId the id of what the link acts on (for the ticket purposes, the ticket's id)
 * @param userId the person the link acts as, who received it
 * @param expiresAt the first instant the link no longer works (UTC, whole seconds)
 * @param nonce the link's random name (22 URL-safe characters), which its stored row has
 */
public record LinkClaim(LinkPurpose purpose, long subjectId, long userId, Instant expiresAt, String nonce) {

}

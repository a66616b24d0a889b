package org.guichet.tickets;

/**
 * An attached file ready to be served.
 */
public record AttachmentFile(Attachment attachment, byte[] content) {
}

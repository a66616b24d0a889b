package org.guichet.tickets;

/**
 * The files attached to tickets, counted over the whole desk. They are stored in the database
 * (table {@code attachment_content}), so their bytes are part of its size.
 *
 * @param files attached files, 0 or more
 * @param bytes their sizes added up, in bytes, 0 or more
 */
public record AttachmentVolume(long files, long bytes) {
}

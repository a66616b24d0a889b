package org.guichet.directory;

/**
 * A support group is about to be deleted. Published inside the deleting transaction: a module
 * that still uses the group vetoes the deletion by throwing a
 * {@link org.guichet.system.ConflictException} that names what uses it, and cleans up what
 * belongs to the group otherwise.
 */
public record SupportGroupDeleting(long groupId, String name) {
}

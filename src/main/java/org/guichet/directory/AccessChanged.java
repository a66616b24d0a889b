package org.guichet.directory;

/**
 * The role of an account changed, or it was deactivated or activated again, whoever changed it
 * (an administrator's page or API call, the directory's synchronisation): published when the
 * change is written, in its transaction. Its open sessions end once it commits, so that what it
 * may do now applies at its next request.
 *
 * @param user the account
 * @param username its login, which finds its sessions
 */
public record AccessChanged(UserId user, String username) {
}

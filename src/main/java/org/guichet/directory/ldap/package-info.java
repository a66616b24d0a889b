/**
 * The LDAP directory or Active Directory (docs/DIRECTORY.md): login by a bind with the directory's
 * password, the scheduled synchronisation of its people and of what its groups give, and which
 * accounts come from it ({@code directory_account}).
 */
@org.jspecify.annotations.NullMarked
package org.guichet.directory.ldap;

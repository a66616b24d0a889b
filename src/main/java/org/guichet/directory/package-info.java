/**
 * Who works with Guichet: users, their roles, support groups with their level (N1, N2, N3),
 * personal API tokens, and how a person or an integration is authenticated.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
@org.jspecify.annotations.NullMarked
package org.guichet.directory;

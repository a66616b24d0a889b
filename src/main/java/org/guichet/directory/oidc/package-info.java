/**
 * Single sign-on with an OpenID Connect provider (docs/DIRECTORY.md#single-sign-on): its settings
 * stored in the database ({@code oidc_provider}), the login flow with PKCE against them, and the
 * account a person's first login finds or creates ({@code directory_account} of origin OIDC).
 */
@org.jspecify.annotations.NullMarked
package org.guichet.directory.oidc;

-- Issue 16, single sign-on with OpenID Connect (docs/DIRECTORY.md#single-sign-on): the provider's
-- settings an administrator saves on /admin/sso (one row, off on a new desk), and the origin of an
-- account that does not come from Guichet itself: LDAP or OIDC.
-- client_secret holds SecretCipher's form (v1.<key id>.<base64>) under guichet.directory.secret-key
-- (or the key kept in the data folder), never the secret in clear; null: none set.
-- metadata: the provider's discovery document (.well-known/openid-configuration) as read when the
-- settings were saved, so that a login needs no discovery; null until an issuer is saved.
-- new_account_role: the role of an account created at its first login (never ADMINISTRATOR).
create table oidc_provider (
    id                 integer        not null primary key,
    enabled            boolean        not null,
    display_name       varchar(60)    not null,
    issuer_uri         varchar(500),
    client_id          varchar(200),
    client_secret      varchar(1000),
    scopes             varchar(500)   not null,
    username_claim     varchar(100)   not null,
    create_accounts    boolean        not null,
    new_account_role   varchar(20)    not null,
    match_by_email     boolean        not null,
    metadata           varchar(20000),
    version            bigint         not null,
    updated_at         timestamp(6) with time zone,
    updated_by         bigint,
    constraint ck_oidc_provider_one check (id = 1)
);

insert into oidc_provider (id, enabled, display_name, scopes, username_claim, create_accounts, new_account_role,
                           match_by_email, version)
values (1, false, 'SSO', 'openid profile email', 'preferred_username', false, 'REQUESTER', false, 0);

-- A small table (one row per account from elsewhere): adding a column rewrites little.
-- dn: an LDAP entry's DN; null for an OIDC account, whose external_id is "<issuer> <sub>".
alter table directory_account add column origin varchar(4) default 'LDAP' not null;
alter table directory_account alter column dn drop not null;

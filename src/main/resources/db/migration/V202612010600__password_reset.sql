-- "Forgot password" (issue 8, the portal): one reset token per account at most, kept as the
-- SHA-256 digest of its secret (the secret itself is shown once, in the reset link); issuing a
-- new one replaces the row, so an older link stops working; a reset deletes it (single use).
create table password_reset_token (
    user_id         bigint       not null primary key references app_user (id),
    token_digest    varchar(64)  not null,
    created_at      timestamp(6) with time zone not null,
    expires_at      timestamp(6) with time zone not null,
    constraint uk_password_reset_token_digest unique (token_digest)
);

-- A person's request for a reset, until an administrator issues them a link or they reset
-- their password: the administrator's list of pending requests. Also the per-account limit:
-- one recorded request per account in a few minutes.
create table password_reset_request (
    user_id         bigint       not null primary key references app_user (id),
    requested_at    timestamp(6) with time zone not null
);

-- Signed links that act without logging in (accept or refuse a solution, rate the service; the
-- approvals to come): one row per issued link, named by the random nonce its signed token carries.
-- The key that signs them is configuration, never stored here. A link is used once: the update
-- that sets used_at only where it is still null decides between simultaneous requests; outcome
-- says what was done, for the page of a link opened again.
create table action_link (
    nonce           varchar(32)  not null primary key,
    purpose         varchar(40)  not null,
    subject_id      bigint       not null,
    user_id         bigint       not null references app_user (id),
    issued_at       timestamp(6) with time zone not null,
    expires_at      timestamp(6) with time zone not null,
    used_at         timestamp(6) with time zone,
    outcome         varchar(200)
);

create index ix_action_link_expires on action_link (expires_at);

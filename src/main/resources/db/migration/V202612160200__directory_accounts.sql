-- Issue 16, the directory (LDAP / Active Directory, docs/DIRECTORY.md): which accounts come from
-- the directory, kept apart from app_user (no rewrite of a large table). A user with a row here
-- logs in with the directory's password only and its directory-owned fields are read-only.
-- external_id: the entry's stable identifier (entryUUID, objectGUID as a UUID, or the DN when the
-- directory gives none); dn: its distinguished name at the last sync or login;
-- missing_since: when a sync no longer found the entry and deactivated the account (null: found).
create table directory_account (
    user_id        bigint        not null primary key,
    external_id    varchar(200)  not null,
    dn             varchar(1000) not null,
    synced_at      timestamp(6) with time zone not null,
    missing_since  timestamp(6) with time zone,
    constraint uk_directory_account_external unique (external_id),
    constraint fk_directory_account_user foreign key (user_id) references app_user (id)
);

-- The synchronisation's one row: the claim that lets one node at a time run it (claimed_at, null
-- when none runs) and what the last run did.
create table directory_sync (
    id             integer       not null primary key,
    claimed_at     timestamp(6) with time zone,
    started_at     timestamp(6) with time zone,
    finished_at    timestamp(6) with time zone,
    succeeded      boolean,
    found          integer       not null,
    created        integer       not null,
    updated        integer       not null,
    deactivated    integer       not null,
    reactivated    integer       not null,
    failed         integer       not null,
    errors         varchar(4000),
    constraint ck_directory_sync_one check (id = 1)
);

insert into directory_sync (id, found, created, updated, deactivated, reactivated, failed)
values (1, 0, 0, 0, 0, 0, 0);

-- Issue 12, full-text search (docs/SEARCH.md, docs/adr/013): Hibernate Search's outbox-polling
-- coordination. A change to an indexed document writes an event row here in its own transaction;
-- a background processor applies the events to the index after the commit and deletes them, so
-- that only committed changes reach the index and those not yet applied at a crash are applied at
-- the next start. hsearch_agent lists the running processors (one per node). Columns as Hibernate
-- Search 8.2 maps them; the payload is binary (blob on H2, bytea on PostgreSQL).
create table hsearch_outbox_event (
    id              uuid                        not null primary key,
    entity_name     varchar(256)                not null,
    entity_id       varchar(256)                not null,
    entity_id_hash  integer                     not null,
    payload         bytea                       not null,
    retries         integer                     not null,
    process_after   timestamp(6) with time zone not null,
    status          varchar(255)                not null,
    tenant_id       varchar(255)
);
create index ix_hsearch_outbox_event_process_after on hsearch_outbox_event (process_after);

create table hsearch_agent (
    id                   uuid                        not null primary key,
    type                 varchar(255)                not null,
    name                 varchar(255)                not null,
    expiration           timestamp(6) with time zone not null,
    state                varchar(255)                not null,
    total_shard_count    integer,
    assigned_shard_index integer,
    payload              bytea,
    tenant_id            varchar(255)
);

-- Issue 16, several nodes (docs/SCALING.md, ADR 018): the generation of each kind of shared data
-- that nodes keep a copy of in memory (system.CacheGenerations). The transaction that changes the
-- data moves its generation on; every node reads all generations at most once a second and drops
-- the copies whose generation moved. A name not here yet gets its row at its first change.
create table cache_generation (
    name        varchar(100) not null primary key,
    generation  bigint       not null
);

insert into cache_generation (name, generation) values ('priority-matrix', 0);
insert into cache_generation (name, generation) values ('webhook-subscriptions', 0);
insert into cache_generation (name, generation) values ('mail-templates', 0);
insert into cache_generation (name, generation) values ('announcements', 0);
insert into cache_generation (name, generation) values ('triage-models', 0);

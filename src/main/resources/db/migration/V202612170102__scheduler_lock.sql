-- Issue 16, several nodes (docs/SCALING.md, ADR 018): the lease of each scheduled job that runs
-- on one node at a time (ShedLock's table, its JDBC provider with the database's time). A job's
-- row is created at its first run; a node holds the lease while lock_until is in the future.
create table shedlock (
    name        varchar(64)  not null primary key,
    lock_until  timestamp(3) not null,
    locked_at   timestamp(3) not null,
    locked_by   varchar(255) not null
);

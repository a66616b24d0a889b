-- Issue 8, queue pages on H2 at a million tickets: each queue's priority levels are read newest
-- first from an index whose every column the query's order names (H2 reads an index in order only
-- then, and reads no range of `status in (…)` or of an `or`). AT_RISK and BREACHED: the state's
-- tickets of one level; PENDING and RESOLVED: the status's; ALL: every ticket's. The work queues'
-- indexes come with their column (db/vendor/*/V202612040410).
create index ix_ticket_sla_priority on ticket (sla_state, priority, id);
create index ix_ticket_status_priority on ticket (status, priority, id);
create index ix_ticket_priority on ticket (priority, id);

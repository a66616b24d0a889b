-- Issue 8: whether a ticket is in its assignee's and group's work queues (MINE, GROUPS): open, or a
-- requester's reply awaits the team. One column, so that a queue is an equality the index
-- (…, in_queue, priority, id) serves, where "status in (open) or requester_replied_at is not null"
-- made H2 read every ticket of the group (2 to 17 s at a million). Computed by the database, so no
-- writer can forget it; the open statuses are Status.OPEN's (TicketInQueueIT checks they agree): a
-- new open status redefines this column in a new migration. PostgreSQL stores a generated column
-- only with "stored", which H2 does not accept: one file per database (db/vendor/{vendor}).
alter table ticket add column in_queue boolean generated always as
    (status in ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING') or requester_replied_at is not null) stored;
drop index ix_ticket_assignee_priority;
drop index ix_ticket_group_priority;
create index ix_ticket_assignee_queue on ticket (assignee_id, in_queue, priority, id);
create index ix_ticket_group_queue on ticket (group_id, in_queue, priority, id);

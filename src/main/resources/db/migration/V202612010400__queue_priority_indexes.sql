-- Issue 8, queue performance: the queues in priority order (the agent's default) are read one
-- priority level at a time, newest first (TicketSearch.byPriority); these indexes give each level
-- in id order for the conditions of the queues, so that a page reads a few dozen entries instead
-- of sorting every matching ticket: UNASSIGNED (status, no assignee), MINE (assignee), GROUPS
-- (group and status). The other queues read ix_ticket_status (status, id). Plain indexes: partial
-- ones do not exist in H2, and the whole equality prefix in the index keeps PostgreSQL from
-- misjudging "new and unassigned" (two correlated conditions) as rare and sorting them all.
create index ix_ticket_unassigned_priority on ticket (status, assignee_id, priority, id);
create index ix_ticket_assignee_priority on ticket (assignee_id, priority, id);
create index ix_ticket_group_priority on ticket (group_id, status, priority, id);

-- Merging a duplicate into another ticket (issue 8, "link and merge tickets"): the duplicate's
-- replies, notes and files move to the ticket it was merged into, each keeping the ticket it came
-- from so that the timeline can say "from #N" (null: written on this ticket). A comment or file
-- moved twice (a ticket merged into one later merged itself) keeps the ticket it was first written on.
alter table ticket_comment add column merged_from_ticket_id bigint references ticket (id);
alter table ticket_attachment add column merged_from_ticket_id bigint references ticket (id);

-- The links of one kind from a ticket (a ticket's parents, what it duplicates): the unique
-- constraint (source_ticket_id, kind, target_ticket_id) serves them.

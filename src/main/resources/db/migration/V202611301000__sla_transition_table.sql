-- The SLA transition table (docs/SLA.md). A cancelled ticket's running clocks stop without a
-- verdict at the instant it was cancelled; a policy chosen by routing is kept when the ticket's
-- type or category changes; a clock can be marked for a recomputation from its ticket's history.
alter table ticket_sla add column cancelled_at timestamp(6) with time zone;
alter table ticket_sla add column policy_from_routing boolean not null default false;
alter table ticket_sla add column recompute varchar(10);
-- A clock stopped after its deadline by some business time: stopped at 18:00 with a deadline at
-- 17:30, the end of the working day, is met in time.
alter table ticket_sla add column tto_missed boolean not null default false;
alter table ticket_sla add column ttr_missed boolean not null default false;

-- Clocks stored before the table may be wrong (a resolved ticket, once closed, had its TTR clock
-- running again and later showed as breached): every clock is recomputed from its ticket's
-- history by the periodic check, in batches, after the first start.
update ticket_sla set recompute = 'ALL', next_check_at = started_at;

-- The SLA state and the next deadline are stored on the ticket itself, so that lists show them
-- and the "at risk" and "breached" queues read them from the ticket's own index. The sla module
-- keeps them up to date; a ticket without SLA leaves them null.
alter table ticket add column sla_state varchar(12);
alter table ticket add column sla_due_at timestamp(6) with time zone;
create index ix_ticket_sla_due on ticket (sla_state, sla_due_at);

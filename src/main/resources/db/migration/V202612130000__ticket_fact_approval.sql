-- Issue 14, the approval delay KPI (docs/KPIS.md, ticket facts): a ticket's approval wait as its
-- history tells it (module approvals writes approvalRequested/approvalFallback, the release, the
-- refusal's cancellation, approvalWithdrawn). All null on a ticket that never waited for an
-- approval (no item requiring one, or every step skipped). approval_outcome: WAITING, APPROVED,
-- REFUSED, WITHDRAWN; approval_decided_at and approval_seconds (calendar seconds from the request
-- to the decision) only when APPROVED or REFUSED.
alter table ticket_fact add column approval_requested_at timestamp(6) with time zone;
alter table ticket_fact add column approval_decided_at timestamp(6) with time zone;
alter table ticket_fact add column approval_outcome varchar(16);
alter table ticket_fact add column approval_seconds bigint;
-- the KPI reads the approvals decided in a period
create index ix_ticket_fact_approval_decided on ticket_fact (approval_decided_at);

-- the tickets that already waited for an approval are derived again by the facts' catch-up
insert into ticket_fact_pending (ticket_id)
    select distinct h.ticket_id from ticket_history h
    where h.field in ('approvalRequested', 'approvalFallback')
      and not exists (select 1 from ticket_fact_pending p where p.ticket_id = h.ticket_id);

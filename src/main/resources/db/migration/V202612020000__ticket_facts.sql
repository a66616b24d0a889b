-- What the KPIs count: one row per ticket, the facts of its lifecycle derived from the ticket,
-- its history, its escalations and its SLA clocks. Kept by the tickets module in the transaction
-- of every change (the SLA columns through TicketManagement#recordSla), rebuilt from the history
-- by a command after a restore. Read by the reporting module and the lists' drill-down filters;
-- nothing else writes it. Each column is defined in docs/KPIS.md. Days, hours and weekdays are
-- local to guichet.time-zone; instants are UTC.
create table ticket_fact (
    ticket_id                   bigint       primary key references ticket (id),
    type                        varchar(20)  not null,
    channel                     varchar(10)  not null,
    priority                    varchar(12)  not null,
    category_id                 bigint,
    group_id                    bigint,
    assignee_id                 bigint,
    department                  varchar(120),
    status                      varchar(12)  not null,
    created_at                  timestamp(6) with time zone not null,
    created_day                 date         not null,
    created_hour                smallint     not null,
    created_weekday             smallint     not null,
    owned_at                    timestamp(6) with time zone,
    first_response_at           timestamp(6) with time zone,
    resolved_at                 timestamp(6) with time zone,
    resolved_day                date,
    closed_at                   timestamp(6) with time zone,
    closed_day                  date,
    cancelled_at                timestamp(6) with time zone,
    merged                      boolean      not null default false,
    own_seconds                 bigint,
    own_business_seconds        bigint,
    first_response_seconds      bigint,
    resolution_seconds          bigint,
    resolution_business_seconds bigint,
    sla_policy_id               bigint,
    tto_deadline                timestamp(6) with time zone,
    tto_met                     boolean,
    ttr_deadline                timestamp(6) with time zone,
    ttr_met                     boolean,
    reopen_count                integer      not null default 0,
    refusal_count               integer      not null default 0,
    functional_escalations      integer      not null default 0,
    hierarchical_escalations    integer      not null default 0,
    automatic_escalations       integer      not null default 0,
    first_group_id              bigint,
    resolved_first_level        boolean,
    resolved_first_contact      boolean,
    rating                      smallint,
    rated_at                    timestamp(6) with time zone
);
-- A KPI reads the tickets of a period by one of its edges: one range of one index each.
create index ix_ticket_fact_created on ticket_fact (created_at);
create index ix_ticket_fact_resolved on ticket_fact (resolved_at);
create index ix_ticket_fact_closed on ticket_fact (closed_at);
create index ix_ticket_fact_tto_deadline on ticket_fact (tto_deadline);
create index ix_ticket_fact_ttr_deadline on ticket_fact (ttr_deadline);
create index ix_ticket_fact_status on ticket_fact (status, created_at);

-- The spans of time a ticket was open (NEW, ASSIGNED, IN_PROGRESS or PENDING): one from its
-- creation, one more after each reopening; ended_at is null while it is open. The backlog at an
-- instant is the number of spans open then.
create table ticket_open_span (
    ticket_id       bigint       not null references ticket (id),
    opened_at       timestamp(6) with time zone not null,
    ended_at        timestamp(6) with time zone,
    primary key (ticket_id, opened_at)
);
create index ix_ticket_open_span_opened on ticket_open_span (opened_at);
create index ix_ticket_open_span_ended on ticket_open_span (ended_at);

-- Tickets whose facts must be derived again (every existing ticket now; all of them after a
-- restore, through the rebuild command): the facts keeper works through them in batches.
create table ticket_fact_pending (
    ticket_id       bigint       primary key references ticket (id)
);
insert into ticket_fact_pending (ticket_id) select id from ticket;

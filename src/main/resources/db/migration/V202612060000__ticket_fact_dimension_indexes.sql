-- A KPI report narrowed to one dimension (technician, group, category, department, priority,
-- channel, type) and not cached takes its figures from the daily figures (kpi_day), but four of
-- its parts are read from the facts: the open tickets now by status and age, the latest TTR and
-- TTO breaches and the latest satisfaction comments. Along the indexes without the dimension
-- (ix_ticket_fact_status, ix_ticket_fact_t*o_missed, ix_ticket_fact_closed) each part read every
-- open ticket, or every missed verdict and closure of the period until it had found enough, and
-- tested each row's dimension. With the dimension's column first, each reads that dimension's
-- rows only (docs/KPIS.md "Reading the facts"). Same SQL on H2 and PostgreSQL.
-- Only the dimensions of many values have such indexes: a type, a channel or a priority is a
-- third to a sixth of the facts, so reading the index without it costs little more, while every
-- index is paid on each fact written and when upgrading a large database.

create index ix_ticket_fact_category_open on ticket_fact (category_id, status, created_at);
create index ix_ticket_fact_category_ttr on ticket_fact (category_id, ttr_met, ttr_deadline);
create index ix_ticket_fact_category_tto on ticket_fact (category_id, tto_met, tto_deadline);
create index ix_ticket_fact_category_closed on ticket_fact (category_id, closed_at);

create index ix_ticket_fact_group_open on ticket_fact (group_id, status, created_at);
create index ix_ticket_fact_group_ttr on ticket_fact (group_id, ttr_met, ttr_deadline);
create index ix_ticket_fact_group_tto on ticket_fact (group_id, tto_met, tto_deadline);
create index ix_ticket_fact_group_closed on ticket_fact (group_id, closed_at);

create index ix_ticket_fact_assignee_open on ticket_fact (assignee_id, status, created_at);
create index ix_ticket_fact_assignee_ttr on ticket_fact (assignee_id, ttr_met, ttr_deadline);
create index ix_ticket_fact_assignee_tto on ticket_fact (assignee_id, tto_met, tto_deadline);
create index ix_ticket_fact_assignee_closed on ticket_fact (assignee_id, closed_at);

create index ix_ticket_fact_department_open on ticket_fact (department, status, created_at);
create index ix_ticket_fact_department_ttr on ticket_fact (department, ttr_met, ttr_deadline);
create index ix_ticket_fact_department_tto on ticket_fact (department, tto_met, tto_deadline);
create index ix_ticket_fact_department_closed on ticket_fact (department, closed_at);

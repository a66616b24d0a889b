-- The breaches a KPI report lists (the latest missed deadlines of its period, at most 100) are
-- read backwards along these indexes: only the missed verdicts, latest deadline first. Along the
-- deadlines' own indexes a report narrowed to one technician, group, category or department read
-- most of the year's deadlines to find its few breaches (4.4-4.9 s on H2 at a million tickets).
create index ix_ticket_fact_tto_missed on ticket_fact (tto_met, tto_deadline);
create index ix_ticket_fact_ttr_missed on ticket_fact (ttr_met, ttr_deadline);

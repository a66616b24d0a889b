-- The administrators' targets of the KPIs (reporting module): at most one per KPI name, e.g.
-- slaCompliance AT_LEAST 0.95, meanResolutionTime AT_MOST 28800 (seconds). Values are in the KPI's
-- unit: seconds for a duration, 0-1 for a ratio, 1-5 for a rating, a number of tickets for a count.
create table kpi_target (
    kpi             varchar(60)    primary key,
    comparison      varchar(10)    not null,
    target_value    numeric(14, 4) not null
);

-- Issue 13, triage suggestions (docs/ASSIST.md): the models learnt from the desk's resolved
-- tickets, one per field, and the administrator's thresholds.

-- field: CATEGORY, TYPE, URGENCY or GROUP; content: the model (gzip, see assist.TriageModelFormat);
-- examples: the tickets it learnt from; labels: the values it may suggest.
create table assist_model (
    field       varchar(20)  not null primary key,
    trained_at  timestamp(6) with time zone not null,
    examples    integer      not null,
    labels      integer      not null,
    content     bytea        not null
);

-- One row: below suggest_threshold a field's suggestion is not shown (the assistant abstains).
create table assist_settings (
    id                 integer          not null primary key,
    suggest_threshold  double precision not null,
    version            bigint           not null default 0,
    constraint ck_assist_settings_one check (id = 1),
    constraint ck_assist_settings_threshold check (suggest_threshold >= 0 and suggest_threshold <= 1)
);
insert into assist_settings (id, suggest_threshold) values (1, 0.5);

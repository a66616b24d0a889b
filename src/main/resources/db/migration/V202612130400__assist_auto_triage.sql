-- Issue 13, auto-triage (docs/ASSIST.md): the confidence from which the assistant's suggestions
-- are applied at registration without waiting for an agent; null while it is off (the default).
alter table assist_settings add column auto_apply_threshold double precision;
alter table assist_settings add constraint ck_assist_settings_auto_apply
    check (auto_apply_threshold is null or (auto_apply_threshold >= suggest_threshold and auto_apply_threshold <= 1));

-- The SMS settings carry a version: a save made on an old one is refused (412) rather than
-- silently replacing another administrator's (docs/API.md, Versions). 0 while no administrator
-- saved the page: the properties in force have no row.
alter table sms_settings add column version bigint not null default 0;

-- A kind's texts in a language carry a version: a save made on an old one is refused (412) rather
-- than silently replacing another administrator's (docs/API.md, Versions). Going back to the
-- default texts keeps the row, its texts null, so that the version only grows: an editor opened
-- before a reset and a new save is refused, not taken for the default texts it was opened on.
alter table mail_template add column version bigint not null default 0;
alter table mail_template alter column subject drop not null;
alter table mail_template alter column body drop not null;

-- Issue 16, several nodes: the SMS settings an administrator saves are shared by every node through
-- their generation (sms.SmsSettings, docs/SCALING.md), like the other copies of V202612170101; the
-- row exists beforehand so that two nodes saving for the first time do not both insert it.
insert into cache_generation (name, generation) values ('sms-settings', 0);

-- Issue 15: the ingestion claims the oldest text waiting ("outcome = 'ACCEPTED' order by id ... for
-- update skip locked"); ix_sms_inbound_outcome (outcome, handled_at, id) made the database read and
-- sort every waiting text at each claim, 10 % of an ingested text's CPU with a backlog of a thousand.
create index ix_sms_inbound_waiting on sms_inbound (outcome, id);

-- Issue 8: H2 keeps an identity column's next values in memory 32 at a time, and every 32nd
-- value writes the sequence in a transaction of its own, which (WRITE_DELAY=0) stores a chunk of
-- the file with every page changed since the last one, the running transaction's included. A
-- ticket's history and its comments are its most written tables (12 and 1.6 rows per ticket on
-- average): the demo's 400 tickets stored 170 chunks for them alone, 15 % of the load's CPU.
-- 1024 at a time; a crash loses at most the values kept in memory, a gap in ids that no one reads
-- (ticket ids, which people read, keep H2's 32). PostgreSQL's sequences are not written with the
-- transaction: nothing to change there, hence no file for it.
alter table ticket_history alter column id set cache 1024;
alter table ticket_comment alter column id set cache 1024;

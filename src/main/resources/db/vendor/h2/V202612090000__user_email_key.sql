-- Issue 11: the mail ingestion looks every sender up by address, ignoring case
-- (AddressBook.withAddress); "lower(email) = ?" read every account (8 % of an ingested message's
-- CPU on H2). H2 uses no index for an expression, so the lower-case address is a column the database
-- computes, with its index; PostgreSQL stores a generated column only with "stored", which H2 does
-- not accept: one file per database (db/vendor/{vendor}). UserRepository.findByAddress reads it.
alter table app_user add column email_key varchar(200) generated always as (lower(email));
create index ix_app_user_email_key on app_user (email_key);

-- Issue 15: an inbound SMS finds its sender by the number's last digits (AddressBook.withPhoneEnding);
-- "replace(...phone...) like '%digits'" read and rewrote every account's number for each text (17 %
-- of an ingested text's CPU on H2 with 2,000 requesters). The last 8 digits of the number without its
-- spaces, dots, dashes and brackets are a column the database computes, with its index
-- (User.PHONE_TAIL_DIGITS). PostgreSQL stores a generated column only with "stored", which H2 does
-- not accept: one file per database.
alter table app_user add column phone_tail varchar(8) generated always as
    (right(replace(replace(replace(replace(replace(phone, ' ', ''), '.', ''), '-', ''), '(', ''), ')', ''), 8));
create index ix_app_user_phone_tail on app_user (phone_tail);

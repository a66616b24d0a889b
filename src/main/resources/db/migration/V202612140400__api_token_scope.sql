-- A personal API token gets a scope (READ_ONLY: safe methods only; FULL: everything its owner may
-- do) and an optional expiry. Tokens made before keep full access and never expire.
alter table api_token add column scope varchar(9) default 'FULL' not null;
alter table api_token add column expires_at timestamp(6) with time zone;

-- H2 2.4 keeps the constants of "status in (...)" in a stored expression as a set ordered by the
-- connection that created it (V202612040410): once the pool retired that connection (30 minutes),
-- every write to ticket failed with "The database has been closed" until the next restart. The
-- same rule as a CASE, which H2 evaluates in the writing session. H2SchemaOutlivesItsMigrationTests
-- refuses a list of constants in any stored expression. H2 rewrites the table here, as for an added
-- column: about five minutes on the million-ticket bench database, once.
alter table ticket alter column in_queue boolean generated always as
    (case status
        when 'NEW' then true
        when 'ASSIGNED' then true
        when 'IN_PROGRESS' then true
        when 'PENDING' then true
        else requester_replied_at is not null
    end);

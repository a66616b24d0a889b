-- One-time form tokens (issue 7, part 4): each web form carries a random token; the first POST
-- of a token inserts its row, and the primary key refuses every later or concurrent one, which
-- is answered with the location the first one redirected to. Rows older than the retention
-- period are purged (see FormSubmissions).
create table form_submission (
    user_name       varchar(64)  not null,
    token           varchar(64)  not null,
    claimed_at      timestamp(6) with time zone not null,
    location        varchar(2000),
    primary key (user_name, token)
);
create index ix_form_submission_claimed on form_submission (claimed_at);

-- Issue 10, example tickets: the tickets an agent marked as worth presenting, with why.
-- One row per ticket (marking it again replaces the reason). The row follows its ticket: it
-- goes with it (on delete cascade); anonymising the ticket leaves it as it is, the reason being
-- the marking agent's own words about the ticket.
create table example_ticket (
    ticket_id       bigint        primary key references ticket (id) on delete cascade,
    reason          varchar(500)  not null,
    kind            varchar(30),
    marked_by_id    bigint        not null references app_user (id),
    marked_at       timestamp with time zone not null
);
create index ix_example_ticket_marked on example_ticket (marked_at desc, ticket_id desc);

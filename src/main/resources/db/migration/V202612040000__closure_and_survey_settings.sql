-- Issue 10, lifecycle settings: the satisfaction survey of each closed ticket sampled for it.
-- One row per surveyed ticket, written at its closure (a new closure opens a new survey or
-- removes the old one when the ticket is no longer sampled); the settings themselves are rows of
-- desk_setting (requester-validation, survey-*), absent until the administrator saves them.
create table ticket_survey (
    ticket_id             bigint       primary key references ticket (id),
    -- the closure that opened the survey
    closed_at             timestamp(6) with time zone not null,
    -- when the requester is invited (closure + delay)
    invite_at             timestamp(6) with time zone not null,
    -- the survey can be answered until then (invitation + validity), excluded
    expires_at            timestamp(6) with time zone not null,
    -- when the invitation was sent; null until then
    invited_at            timestamp(6) with time zone,
    -- two nodes inviting at once: the second is refused by the version
    version               bigint       default 0 not null
);
create index ticket_survey_invite on ticket_survey (invite_at);

-- Before the survey existed every closed ticket could be rated: each closed ticket counts as
-- surveyed, invited at its closure (no invitation is sent now) and answerable for the default
-- 30 days after it.
insert into ticket_survey (ticket_id, closed_at, invite_at, expires_at, invited_at, version)
select id, closed_at, closed_at, closed_at + interval '30' day, closed_at, 0
from ticket where status = 'CLOSED' and closed_at is not null;

-- The facts: whether the ticket, closed, is surveyed (the response rate's population).
alter table ticket_fact add column surveyed boolean default false not null;
update ticket_fact set surveyed = true where ticket_id in (select ticket_id from ticket_survey);

-- The daily figures: tickets closed on the day and surveyed, and of them those rated. Every
-- closed ticket being surveyed now, the days computed so far hold the same counts as closed/rated.
alter table kpi_day add column surveyed bigint default 0 not null;
alter table kpi_day add column surveyed_rated bigint default 0 not null;
update kpi_day set surveyed = closed, surveyed_rated = rated;

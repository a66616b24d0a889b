-- Issue 11, notification preferences (docs/MAIL.md#who-is-told-what): which events reach people
-- on which channel. event: a notifications.NotificationEvent name; channel: IN_APP or EMAIL.
-- The administrators' defaults: a row only where they differ from the built-in default.
create table notification_default (
    event       varchar(40) not null,
    channel     varchar(10) not null,
    enabled     boolean     not null,
    primary key (event, channel)
);

-- A person's own choice: a row only where it differs from the default at the time it was saved,
-- so that changing a default reaches everyone who did not choose otherwise. Read once per fan-out
-- by (event, user_id in …).
create table notification_preference (
    user_id     bigint      not null references app_user (id),
    event       varchar(40) not null,
    channel     varchar(10) not null,
    enabled     boolean     not null,
    primary key (user_id, event, channel)
);
create index ix_notification_preference_event on notification_preference (event, user_id);

-- The agents' daily digest: one row per agent and local day it was composed (mailed or, with
-- nothing to say, not), written in the transaction of the outbox row, so that a digest goes out
-- once a day across restarts and nodes (the primary key refuses a second one).
create table notification_digest (
    user_id     bigint      not null references app_user (id),
    digest_day  date        not null,
    mailed      boolean     not null,
    created_at  timestamp(6) with time zone not null,
    primary key (user_id, digest_day)
);

-- Resolving with an article (docs/ASSIST.md "Self-service resolution"): the administrator's
-- threshold and the categories where an article may be offered (none: the feature is off).
create table self_service_settings (
    id         integer          not null primary key,
    threshold  double precision not null,
    version    bigint           not null default 0,
    constraint ck_self_service_settings_one check (id = 1),
    constraint ck_self_service_settings_threshold check (threshold > 0 and threshold <= 1)
);
insert into self_service_settings (id, threshold) values (1, 0.8);

create table self_service_category (
    category_id bigint not null primary key references category (id) on delete cascade
);

-- The article offered to a ticket's requester at registration (one at most per ticket), and,
-- once they said it solved their problem, when and how (way_in: PORTAL, SIGNED_LINK, API). A
-- deleted article leaves its resolutions counted (article_id null).
create table self_service_offer (
    ticket_id   bigint                   not null primary key references ticket (id) on delete cascade,
    article_id  bigint                   references article (id) on delete set null,
    confidence  double precision         not null,
    offered_at  timestamp with time zone not null,
    resolved_at timestamp with time zone,
    way_in      varchar(16)
);
create index ix_self_service_offer_resolved on self_service_offer (resolved_at);

-- The members of the IT team who took part in a ticket (issue 8, "losing sight of one's own
-- work"): they keep read access to it wherever routing or an escalation moves it. One row per
-- ticket, person and way of taking part, written in the same transaction as the action; the
-- primary key answers "did this person take part in this ticket?" for the ticket page, the index
-- on (user_id, ticket_id) gives the lists the set of tickets a person took part in.
create table ticket_participant (
    ticket_id       bigint      not null references ticket (id),
    user_id         bigint      not null references app_user (id),
    role            varchar(12) not null,
    primary key (ticket_id, user_id, role)
);
create index ix_ticket_participant_user on ticket_participant (user_id, ticket_id);

-- Filled from what the tickets already record, for members of the IT team only (requesters keep
-- their own rule: the tickets they requested or observe).
insert into ticket_participant (ticket_id, user_id, role)
select t.id, t.registered_by_id, 'REGISTERED' from ticket t
join app_user u on u.id = t.registered_by_id and u.role <> 'REQUESTER';

insert into ticket_participant (ticket_id, user_id, role)
select a.ticket_id, a.user_id, 'ASSIGNED' from (
    select t.id as ticket_id, t.assignee_id as user_id from ticket t where t.assignee_id is not null
    union
    select h.ticket_id, u.id from ticket_history h join app_user u on u.username = h.new_value
    where h.field = 'assignee'
) a join app_user u on u.id = a.user_id and u.role <> 'REQUESTER';

insert into ticket_participant (ticket_id, user_id, role)
select distinct h.ticket_id, h.actor_id, 'TOOK' from ticket_history h
join app_user u on u.id = h.actor_id and u.role <> 'REQUESTER'
where h.field = 'status' and h.new_value = 'IN_PROGRESS' and h.old_value in ('NEW', 'ASSIGNED');

insert into ticket_participant (ticket_id, user_id, role)
select distinct h.ticket_id, h.actor_id, 'RESOLVED' from ticket_history h
join app_user u on u.id = h.actor_id and u.role <> 'REQUESTER'
where h.field = 'status' and h.new_value = 'RESOLVED';

-- Who moved a ticket to a group or a technician (not a technician taking it for themselves).
insert into ticket_participant (ticket_id, user_id, role)
select distinct h.ticket_id, h.actor_id, 'DISPATCHED' from ticket_history h
join app_user u on u.id = h.actor_id and u.role <> 'REQUESTER'
where (h.field = 'group' or (h.field = 'assignee' and (h.new_value is null or h.new_value <> u.username)));

insert into ticket_participant (ticket_id, user_id, role)
select distinct e.ticket_id, e.by_id, 'ESCALATED' from ticket_escalation e
join app_user u on u.id = e.by_id and u.role <> 'REQUESTER';

-- The supervisor a hierarchical escalation called in, the observer an SLA level added.
insert into ticket_participant (ticket_id, user_id, role)
select distinct e.ticket_id, e.to_user_id, 'CALLED_IN' from ticket_escalation e
join app_user u on u.id = e.to_user_id and u.role <> 'REQUESTER'
where e.kind <> 'FUNCTIONAL';

insert into ticket_participant (ticket_id, user_id, role)
select distinct c.ticket_id, c.author_id, 'WROTE' from ticket_comment c
join app_user u on u.id = c.author_id and u.role <> 'REQUESTER';

-- A visitor's conversation has no account until it becomes a ticket (ADR 025, amended): requester_id
-- is null for a visitor (the name and address they typed are visitor_name and visitor_email) and is
-- set to the account of the address when an agent turns the conversation into a ticket; the rows
-- written before keep the account they had. A visitor's own messages have no author (author_id
-- null), the rows written before too: they named the account, which stood for the visitor.
-- Same SQL on H2 and PostgreSQL.
alter table chat_conversation alter column requester_id drop not null;
alter table chat_conversation add constraint ck_chat_conversation_requester_or_visitor
    check (requester_id is not null or (visitor_name is not null and visitor_email is not null));
alter table chat_message alter column author_id drop not null;
-- only a visitor's message has no author: a transfer is always an agent's
alter table chat_message add constraint ck_chat_message_author check (author_id is not null or kind = 'MESSAGE');
update chat_message set author_id = null
 where kind = 'MESSAGE'
   and exists (select 1 from chat_conversation c
                where c.id = chat_message.conversation_id and c.visitor_name is not null
                  and c.requester_id = chat_message.author_id);

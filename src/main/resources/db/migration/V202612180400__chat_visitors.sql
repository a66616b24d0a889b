-- Visitors who chat without logging in (docs/CHAT.md "Visitors", ADR 025). A conversation is a
-- visitor's when visitor_name is set: the name and the address they typed (not verified), the
-- requester being the account of that address. visitor_token is the SHA-256 (hex) of the random
-- token of the visitor's cookie, the only thing that opens the conversation to them.
alter table chat_conversation add column visitor_name varchar(120);
alter table chat_conversation add column visitor_email varchar(200);
alter table chat_conversation add column visitor_token varchar(64);
create unique index ux_chat_conversation_visitor_token on chat_conversation (visitor_token);

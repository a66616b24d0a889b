-- Issue 15, live chat, second slice (docs/CHAT.md): a transfer is written in the conversation, where
-- it stays for both sides and the transcript. kind: MESSAGE (written by author_id), TRANSFER_TO_AGENT
-- or TRANSFER_TO_GROUP (author_id transferred the conversation; body: the colleague's or the group's
-- name at that moment). chat_conversation.group_id now also names the group a conversation waits for
-- once transferred to it (null: any chat group).
alter table chat_message add column kind varchar(20) default 'MESSAGE' not null;

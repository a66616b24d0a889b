-- Issue 11, mail out: a mail's bodies in a table of their own, written once with the mail and never
-- updated. H2's MVStore stores a row whole and writes it again on each lock and update: with the
-- bodies (up to 200 kB each) in mail_outbox, every claim, status change and commit of the sender
-- rewrote both, and H2 sent 15 – 36 mails/s (docs/BENCHMARKS.md). The subject stays in mail_outbox,
-- which the administrators' page lists. Deleting a mail deletes its bodies (the purge).
create table mail_outbox_body (
    mail_id    bigint          not null primary key,
    html_body  varchar(200000) not null,
    text_body  varchar(200000) not null,
    constraint fk_mail_outbox_body_mail foreign key (mail_id) references mail_outbox (id) on delete cascade
);
insert into mail_outbox_body (mail_id, html_body, text_body) select id, html_body, text_body from mail_outbox;
alter table mail_outbox drop column html_body;
alter table mail_outbox drop column text_body;

-- Issue 11, mail templates: the administrators' texts of a kind of mail in a language, in place of
-- the mail bundle's (docs/MAIL.md#mail-templates). kind is MailKind.key() (received, reply, …),
-- language fr or en; subject and body use named placeholders such as {ticket}; body is Markdown.
create table mail_template (
    kind        varchar(40)   not null,
    language    varchar(20)   not null,
    subject     varchar(400)  not null,
    body        varchar(10000) not null,
    updated_at  timestamp with time zone not null,
    updated_by  bigint,
    constraint pk_mail_template primary key (kind, language)
);

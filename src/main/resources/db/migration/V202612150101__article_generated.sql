-- Issue 13, generative help (docs/KNOWLEDGE.md, docs/ASSIST.md#generative-help): an article whose first
-- version a language model wrote from a resolved ticket, and which model; shown on its page until deleted.
-- A table of its own: the article table stays as it is, and most articles have no row here.
create table article_generated (
    article_id    bigint        not null primary key references article (id) on delete cascade,
    model         varchar(200)  not null,
    generated_at  timestamp(6) with time zone not null
);

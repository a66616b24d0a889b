-- Issue 13, similar tickets (docs/ASSIST.md): each ticket's sentence embedding, computed in the
-- background after its registration (assist.EmbeddingJob) when guichet.assist.embeddings.enabled.
-- model: the model's name (a new model computes every ticket again); vector: its floats, unit
-- length, big-endian IEEE 754, 4 bytes each; computed_at: when, for the nodes' caches to catch up.
create table ticket_embedding (
    ticket_id    bigint       not null primary key references ticket (id) on delete cascade,
    model        varchar(100) not null,
    vector       bytea        not null,
    computed_at  timestamp(6) with time zone not null
);
create index ix_ticket_embedding_computed on ticket_embedding (computed_at);

-- Issue 8 (rest): a macro may resolve the ticket, with a solution (Markdown with placeholders,
-- filled in when applied) and its kind (permanent or workaround).
alter table macro add column solution varchar(20000);
alter table macro add column solution_kind varchar(12);

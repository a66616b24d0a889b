-- Cancelling a ticket says why (issue 8, remainder): the reason is shown on the ticket to the IT
-- team and the requester, and kept in the history. Null for tickets cancelled before, and for a
-- duplicate cancelled by a merge (its link to the ticket it went into says why).
alter table ticket add column cancel_reason varchar(2000);

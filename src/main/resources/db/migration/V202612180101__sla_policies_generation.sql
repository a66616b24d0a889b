-- Issue 16, PostgreSQL at full speed: sla.OrderedPolicies follows the 'sla-policies' generation,
-- moved by every write of a policy (sla.PolicyChanges), instead of an aggregate stamp of the
-- policies read at each registration.
insert into cache_generation (name, generation) values ('sla-policies', 0);

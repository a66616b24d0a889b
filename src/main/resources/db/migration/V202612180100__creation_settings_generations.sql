-- Issue 16, PostgreSQL at full speed: settings read at every ticket registration become copies kept
-- by each node (system.SharedCache, ADR 018) instead of a read per registration. The rows exist
-- beforehand so that two nodes saving for the first time do not both insert one.
insert into cache_generation (name, generation) values ('routing-rules', 0);
insert into cache_generation (name, generation) values ('assist-settings', 0);
insert into cache_generation (name, generation) values ('self-service-settings', 0);

-- routing.CompiledRules follows the 'routing-rules' generation: the version row routing_rule_set is no
-- longer read nor written. It is kept for one release, so that nodes of the release before still start
-- during a rolling upgrade (DEPLOYMENT.md: one node at a time when migrations only add); a later
-- release drops it.

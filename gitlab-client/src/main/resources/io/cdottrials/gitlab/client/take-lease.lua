-- Takes one namespace's fill lease: the replica holding it is the one asking CDot for the
-- namespace; the others wait briefly for its answer (EligibilityFiller, FillLeases).
-- A script rather than a bare SET only so that it shares the cache's pipelined
-- single-key script path (Lettuce or any connection factory, standalone or cluster).
-- KEYS[1]: namespaces:eligible_trials_lease:<id>
-- ARGV[1]: the taker's token
-- ARGV[2]: the lease's TTL in milliseconds
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return 1
end
return 0

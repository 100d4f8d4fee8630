-- Releases one namespace's fill lease if the caller still holds it: a lease that expired
-- and was taken by another replica in the meantime is left alone. One key per call.
-- KEYS[1]: namespaces:eligible_trials_lease:<id>
-- ARGV[1]: the token the caller took it with
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0

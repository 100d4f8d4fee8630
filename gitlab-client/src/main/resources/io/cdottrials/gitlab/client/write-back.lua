-- Writes cached eligibility answers, skipping every namespace that was invalidated since
-- its answer was asked of CDot.
-- KEYS: pairs of (entry key, generation key)
-- ARGV: triples of (generation read before the CDot call, entry JSON, TTL in milliseconds)
local written = 0
for i = 1, #KEYS, 2 do
  local a = (i - 1) / 2 * 3
  local generation = redis.call('GET', KEYS[i + 1]) or '0'
  if generation == ARGV[a + 1] then
    redis.call('SET', KEYS[i], ARGV[a + 2], 'PX', ARGV[a + 3])
    written = written + 1
  end
end
return written

-- Compare-and-set of one namespace's cached answer: written only when the value Redis
-- holds now carries the generation read before CDot was asked, so an answer fetched
-- before an invalidation is never written after it. One key per call, so that it runs
-- on Redis Cluster too; the client pipelines one call per namespace.
-- Value format (CachedValueFormat): byte 1 = format version 1, bytes 7-14 = generation.
-- No value, or a value of another format, is generation 0.
-- KEYS[1]: namespaces:eligible_trials:<id>
-- ARGV[1]: the generation read, 8 bytes big-endian
-- ARGV[2]: the new value (carrying that same generation)
-- ARGV[3]: TTL in milliseconds
local current = redis.call('GET', KEYS[1])
local generation = string.rep('\0', 8)
if current and #current >= 14 and string.byte(current, 1) == 1 then
  generation = string.sub(current, 7, 14)
end
if generation ~= ARGV[1] then
  return 0
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1

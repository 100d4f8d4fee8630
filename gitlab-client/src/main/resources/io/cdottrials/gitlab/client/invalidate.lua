-- Invalidates one namespace's cached answer: replaces it by a tombstone carrying the next
-- generation, so the next read asks CDot and a fill in flight (which read the previous
-- generation) writes nothing. One key per call, so that it runs on Redis Cluster too.
-- Value format (CachedValueFormat): byte 1 = format version 1, bytes 7-14 = generation.
-- KEYS[1]: namespaces:eligible_trials:<id>
-- ARGV[1]: the tombstone's first 6 bytes (version, flags, type table)
-- ARGV[2]: the tombstone's TTL in milliseconds
local current = redis.call('GET', KEYS[1])
local generation = 0
if current and #current >= 14 and string.byte(current, 1) == 1 then
  for i = 7, 14 do
    generation = generation * 256 + string.byte(current, i)
  end
end
generation = generation + 1
local bytes = {}
for i = 8, 1, -1 do
  bytes[i] = string.char(generation % 256)
  generation = math.floor(generation / 256)
end
redis.call('SET', KEYS[1], ARGV[1] .. table.concat(bytes), 'PX', ARGV[2])
return 1

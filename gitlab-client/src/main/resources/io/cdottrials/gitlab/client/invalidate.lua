-- Invalidates cached eligibility answers: bumping the generation makes any fill in flight
-- skip its write-back; deleting the entry makes the next read ask CDot.
-- KEYS: pairs of (entry key, generation key)
-- ARGV[1]: how long the generation is remembered, in milliseconds
for i = 1, #KEYS, 2 do
  redis.call('INCR', KEYS[i + 1])
  redis.call('PEXPIRE', KEYS[i + 1], ARGV[1])
  redis.call('DEL', KEYS[i])
end
return #KEYS / 2

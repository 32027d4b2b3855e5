-- wrk script for scripts/load.sh. Run with as many threads as connections (-t C -c C): one connection per
-- thread has exactly one request in flight, so each response() belongs to the last request() and the
-- 200s can be tallied per body. Thread t sends lines t, t+T, t+2T… of the bodies file, cycling.
-- Arguments: BODIES_FILE THREADS. Env LOAD_REPORT: where done() writes the tally and the figures.

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  local file, count = args[1], tonumber(args[2])
  keys, prepared = {}, {}
  local n, line_no = 0, 0
  for line in io.lines(file) do
    if line_no % count == tid then
      local key, signature, body = line:match("^(%d+)\t([^\t]+)\t(.*)$")
      n = n + 1
      keys[n] = tonumber(key)
      prepared[n] = wrk.format("POST", "/webhooks/meta",
        { ["Content-Type"] = "application/json", ["X-Hub-Signature-256"] = signature }, body)
    end
    line_no = line_no + 1
  end
  total, pos, last = n, 0, nil
  sent, ok = {}, {}   -- key -> true: handed to wrk / answered 200 at least once
end

function request()
  pos = pos % total + 1
  last = keys[pos]
  sent[last] = true
  return prepared[pos]
end

function response(status, headers, body)
  if status == 200 and last ~= nil then
    ok[last] = true
  end
  last = nil
end

function done(summary, latency, requests)
  local out = assert(io.open(os.getenv("LOAD_REPORT"), "w"))
  for _, thread in ipairs(threads) do
    for key, _ in pairs(thread:get("sent")) do out:write("sent ", key, "\n") end
    for key, _ in pairs(thread:get("ok")) do out:write("ok ", key, "\n") end
  end
  local errors = summary.errors
  out:write(string.format("requests %d\nduration_us %d\np50_us %d\np99_us %d\nmax_us %d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max))
  out:write(string.format("errors %d\n", errors.connect + errors.read + errors.write + errors.status + errors.timeout))
  out:close()
end

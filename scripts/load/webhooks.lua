-- wrk script for scripts/load.sh. Run with as many threads as connections (-t C -c C): one connection per
-- thread has exactly one request in flight, so each response() belongs to the last request() and the
-- 200s can be tallied per body. Thread t sends the lines of BODIES_FILE.t (lines t, t+T, t+2T… of the bodies
-- file, split by load.sh), cycling.
--
-- wrk runs the threads' init() one after the other on its main thread and starts each thread as soon as its own
-- init is done, but starts its clock only after the last one: requests sent before would be counted and not timed.
-- So no thread sends before every thread is ready: the last thread's init creates GATE_FILE, and delay() holds each
-- thread's first request until that file exists.
--
-- Arguments: BODIES_FILE THREADS GATE_FILE. Env LOAD_REPORT: where done() writes the tally and the figures.

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  gate = args[3]
  keys, prepared = {}, {}
  local n = 0
  for line in io.lines(args[1] .. "." .. tid) do
    local key, signature, body = line:match("^(%d+)\t([^\t]+)\t(.*)$")
    n = n + 1
    keys[n] = tonumber(key)
    prepared[n] = wrk.format("POST", "/webhooks/meta",
      { ["Content-Type"] = "application/json", ["X-Hub-Signature-256"] = signature }, body)
  end
  total, pos, last = n, 0, nil
  sent, ok = {}, {}   -- key -> true: handed to wrk / answered 200 at least once
  open = false
  if tid == tonumber(args[2]) - 1 then
    assert(io.open(gate, "w")):close()
  end
end

function delay()
  if not open then
    local file = io.open(gate)
    if not file then
      return 5
    end
    file:close()
    open = true
  end
  return 0
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

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
-- Arguments: BODIES_FILE THREADS GATE_FILE. Env:
--   LOAD_REPORT    where done() writes the tally and the figures (required)
--   LOAD_RATE      requests per second of all threads together, each thread on a fixed schedule of its own
--                  (THREADS / LOAD_RATE seconds apart, catching up when late); 0 or unset: as fast as possible
--   LOAD_ONCE      1: each thread sends its lines once, reading them as it goes (no copy of the file in memory),
--                  then creates GATE_FILE.done.t and stops; load.sh interrupts wrk once every thread is done
--   LOAD_PROGRESS  a path prefix: each thread keeps its count of 200s in LOAD_PROGRESS.t (rewritten every 10)
--   LOAD_HOSTS     host:port,host:port…: the threads' connections go to these servers in turn (several hosts behind
--                  what a load balancer would do); unset: the URL's server

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } load_timespec;
  int clock_gettime(int clock, load_timespec *now);
]]
local clock = ffi.new("load_timespec")

local function now_ms()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

local threads = {}
local next_id = 0
local targets = nil
if os.getenv("LOAD_HOSTS") then
  targets = {}
  for host, port in string.gmatch(os.getenv("LOAD_HOSTS"), "([^,:]+):(%d+)") do
    table.insert(targets, wrk.lookup(host, port)[1])
  end
end

function setup(thread)
  if targets then
    thread.addr = targets[next_id % #targets + 1]
  end
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local function parse(line)
  local key, signature, body = line:match("^(%d+)\t([^\t]+)\t(.*)$")
  return tonumber(key), wrk.format("POST", "/webhooks/meta",
    { ["Content-Type"] = "application/json", ["X-Hub-Signature-256"] = signature }, body)
end

function init(args)
  gate, threads_total = args[3], tonumber(args[2])
  local share = args[1] .. "." .. tid
  once = os.getenv("LOAD_ONCE") == "1"
  progress = os.getenv("LOAD_PROGRESS")
  local rate = tonumber(os.getenv("LOAD_RATE") or "0") or 0
  interval = rate > 0 and 1000 * threads_total / rate or nil
  if once then
    lines = io.lines(share)
    local line = lines()
    total = line and 1 or 0
    if line then next_key, next_request = parse(line) end
  else
    keys, prepared = {}, {}
    local n = 0
    for line in io.lines(share) do
      n = n + 1
      keys[n], prepared[n] = parse(line)
    end
    total, pos = n, 0
  end
  last = nil
  sent, ok = {}, {}   -- key -> true: handed to wrk / answered 200 at least once
  acked = 0           -- 200s
  open = false
  if tid == threads_total - 1 then
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
    if interval then
      -- The threads' schedules are spread over one interval.
      due = now_ms() + interval * tid / threads_total
    end
  end
  if interval then
    local wait = due - now_ms()
    due = due + interval
    if wait > 0 then
      return math.floor(wait + 0.5)
    end
  end
  return 0
end

function request()
  if once then
    last = next_key
    sent[last] = true
    return next_request
  end
  pos = pos % total + 1
  last = keys[pos]
  sent[last] = true
  return prepared[pos]
end

local function finished()
  assert(io.open(gate .. ".done." .. tid, "w")):close()
  wrk.thread:stop()
end

function response(status, headers, body)
  if status == 200 and last ~= nil then
    ok[last] = true
    acked = acked + 1
    if progress and acked % 10 == 0 then
      local file = io.open(progress .. "." .. tid, "w")
      if file then
        file:write(acked, "\n")
        file:close()
      end
    end
  end
  last = nil
  if once then
    local line = lines()
    if line then
      next_key, next_request = parse(line)
    else
      finished()
    end
  end
end

function done(summary, latency, requests)
  local out = assert(io.open(os.getenv("LOAD_REPORT"), "w"))
  local acked = 0
  for _, thread in ipairs(threads) do
    for key, _ in pairs(thread:get("sent")) do out:write("sent ", key, "\n") end
    for key, _ in pairs(thread:get("ok")) do out:write("ok ", key, "\n") end
    acked = acked + thread:get("acked")
  end
  local errors = summary.errors
  out:write(string.format("requests %d\nacked %d\nduration_us %d\np50_us %d\np99_us %d\nmax_us %d\n",
    summary.requests, acked, summary.duration, latency:percentile(50), latency:percentile(99), latency.max))
  out:write(string.format("errors %d\n", errors.connect + errors.read + errors.write + errors.status + errors.timeout))
  out:close()
end

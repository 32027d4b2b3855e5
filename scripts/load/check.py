#!/usr/bin/env python3
"""Figures and checks for scripts/load.sh.

  check.py figures REPORT                       -> "RPS P50_MS P99_MS REQUESTS ERRORS" from a wrk report
  check.py verify BASE_URL API_KEY BODIES REPORT DRAIN_TIMEOUT_S [EARLIER_REPORT…] [--after CURSOR] [--state FILE]
      After wrk stopped: redelivers every body that was sent but never answered 200 (the requests in flight
      when wrk stopped, or refused ones; as Meta would retry them), waits until /readyz says inbox_pending 0,
      then pages GET /v1/events (after CURSOR, if given) and checks that the events are exactly the distinct
      updates sent: none missing, none extra, none twice. Events of the updates of the EARLIER_REPORTs (a warm-up
      verified before, a marker) are left out. Prints the drain and end-to-end figures; exits 1 if the check fails.
      --state FILE: writes "cursor C" (the last event's cursor) and "events N" (all events paged) to FILE.
      --stop POSTED_MS:PENDING:STORED_MS: from `marker`: the inbox held PENDING rows when the marker was posted, and
      the drain is the time until it was stored (redeliveries of bodies in flight at stop are drained untimed).
  check.py marker BASE_URL API_KEY MARKER_BODIES HOST_PID TIMEOUT_S
      Posts the one (Messenger) body of MARKER_BODIES, then polls GET /v1/events/{its event id} every 20 ms until
      the event is stored -> "STORED_AT_MS HOST_TICKS POSTED_AT_MS:INBOX_PENDING" (Unix ms; the host's user + system
      CPU ticks when the marker was stored; the rows the inbox held just before the marker was posted).
  check.py deliveries BASE_URL EVENTS LOAD_START_MS LOAD_END_MS TIMEOUT_S PORT…
      Waits until each receiver (scripts/load.sh's subscribers, GET http://127.0.0.1:PORT/stats) has got EVENTS
      distinct webhook-ids, then prints the delivery figures; exits 1 if some are missing after TIMEOUT_S.
"""
import hashlib
import http.client
import json
import re
import sys
import time

KEY_IN_ID = re.compile(r"_load(\d{12})")


def read_report(path):
    sent, ok, figures = set(), set(), {}
    with open(path) as f:
        for line in f:
            name, value = line.split()
            if name == "sent":
                sent.add(int(value))
            elif name == "ok":
                ok.add(int(value))
            else:
                figures[name] = int(value)
    return sent, ok, figures


def figures(path):
    _, _, f = read_report(path)
    rps = f["requests"] / (f["duration_us"] / 1e6)
    print(f"{rps:.0f} {f['p50_us'] / 1000:.2f} {f['p99_us'] / 1000:.2f} {f['requests']} {f['errors']}")


class Api:
    def __init__(self, base_url, api_key):
        host, port = base_url.removeprefix("http://").split(":")
        self.connection = http.client.HTTPConnection(host, int(port), timeout=30)
        self.api_key = api_key

    def call(self, method, path, body=None, headers=None):
        self.connection.request(method, path, body=body, headers=headers or {})
        response = self.connection.getresponse()
        return response.status, response.read()

    def pending(self):
        # 503 "degraded" still counts the inbox: a backlog past MaxInboxLag (a large preload) is what is being drained.
        status, body = self.call("GET", "/readyz")
        if status not in (200, 503) or b'"inbox_pending"' not in body:
            raise RuntimeError(f"/readyz answered {status}: {body[:200]!r}")
        return json.loads(body)["inbox_pending"]


def verify(base_url, api_key, bodies_path, report_path, drain_timeout, earlier_paths=(), after=None, state_path=None,
           stop=None):
    started = time.monotonic()
    api = Api(base_url, api_key)
    drained_s = None
    if stop:
        # From `marker`: the rows the inbox held when the load had stopped, and when the marker, posted then as the
        # last row, was stored (the inbox drained).
        posted_ms, pending_at_stop, stored_ms = map(int, stop.split(":"))
        drained_s = (stored_ms - posted_ms) / 1000
    else:
        pending_at_stop = api.pending()
    sent, ok, f = read_report(report_path)
    earlier = set()
    for path in earlier_paths:
        earlier |= read_report(path)[0]
    doubtful = sent - ok
    if doubtful:
        with open(bodies_path, "rb") as bodies:
            for line in bodies:
                key, signature, body = line.rstrip(b"\n").split(b"\t", 2)
                if int(key) in doubtful:
                    headers = {"Content-Type": "application/json", "X-Hub-Signature-256": signature.decode()}
                    for _ in range(3):
                        status, _ = api.call("POST", "/webhooks/meta", body, headers)
                        if status == 200:
                            break
                    else:
                        print(f"FAIL: redelivery of body {int(key)} was not accepted ({status})")
                        return 1
                    doubtful.discard(int(key))
    pending = api.pending()
    while pending > 0:
        if time.monotonic() - started > drain_timeout:
            print(f"FAIL: the inbox still holds {pending} rows after {drain_timeout}s")
            return 1
        time.sleep(0.05)
        pending = api.pending()
    drain_s = time.monotonic() - started if drained_s is None else drained_s

    seen, ids, strangers, twice, paged = set(), set(), 0, 0, 0
    cursor, last, auth = after, after, {"Authorization": f"Bearer {api_key}"}
    while True:
        status, body = api.call("GET", "/v1/events?limit=1000" + (f"&after={cursor}" if cursor else ""), headers=auth)
        if status != 200:
            print(f"FAIL: GET /v1/events answered {status}: {body[:200]!r}")
            return 1
        page = json.loads(body)
        paged += len(page["data"])
        for event in page["data"]:
            match = KEY_IN_ID.search((event.get("message") or {}).get("id") or "")
            if match is None:
                strangers += 1
                continue
            key = int(match.group(1))
            if key in earlier:
                continue
            twice += key in seen or event["id"] in ids
            seen.add(key)
            ids.add(event["id"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
        last = cursor
    if state_path:
        with open(state_path, "w") as state:
            state.write(f"cursor {last or 0}\nevents {paged}\n")

    events = len(ids) + strangers
    duration_s = f["duration_us"] / 1e6
    print(f"  accepted (200)      {len(ok)} distinct bodies during the run, "
          f"{len(sent - ok)} in flight at stop or refused, redelivered and accepted after it")
    print(f"  inbox at stop       {pending_at_stop} rows pending; drained in {drain_s:.2f} s"
          + (f" ({pending_at_stop / drain_s:.0f} rows/s with no ingest)" if pending_at_stop > 0 and drain_s > 0 else ""))
    print(f"  events              {events} (distinct updates sent: {len(sent)})")
    print(f"  end-to-end          {events / (duration_s + drain_s):.0f} events/s "
          f"(events / (load {duration_s:.1f} s + drain {drain_s:.2f} s))")
    missing, extra = sent - seen, seen - sent
    if missing or extra or twice or strangers:
        print(f"FAIL: no-loss check: {len(missing)} updates missing (e.g. {sorted(missing)[:5]}), {len(extra)} unexpected, "
              f"{twice} duplicated, {strangers} events not from this run")
        return 1
    print(f"  no-loss check       OK: every update sent has exactly one event ({events} = {len(sent)})")
    return 0


def event_id(platform, page_id, key):
    """The event id the host gives an update (Normalizer.Ids.EventIds): evt_ + 32 hex digits of SHA-256 over
    platform, page id and dedup key joined by U+001F."""
    digest = hashlib.sha256("\x1f".join((platform, page_id, key)).encode()).hexdigest()
    return "evt_" + digest[:32]


def host_ticks(pids):
    """User + system ticks of the processes (comma-separated pids: every host of the run)."""
    total = 0
    for pid in str(pids).split(","):
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total


def marker(base_url, api_key, bodies_path, pid, timeout):
    with open(bodies_path, "rb") as bodies:
        _, signature, raw = bodies.readline().rstrip(b"\n").split(b"\t", 2)
    entry = json.loads(raw)["entry"][0]
    target = "/v1/events/" + event_id("facebook", entry["id"], "message:" + entry["messaging"][0]["message"]["mid"])
    api = Api(base_url, api_key)
    posted_ms, pending = time.time_ns() // 1_000_000, api.pending()
    status, answer = api.call("POST", "/webhooks/meta", raw,
                              {"Content-Type": "application/json", "X-Hub-Signature-256": signature.decode()})
    if status != 200:
        print(f"marker: the webhook was answered {status}: {answer[:200]!r}", file=sys.stderr)
        return 1
    auth, deadline = {"Authorization": f"Bearer {api_key}"}, time.monotonic() + timeout
    while True:
        status, answer = api.call("GET", target, headers=auth)
        if status == 200:
            print(f"{time.time_ns() // 1_000_000} {host_ticks(pid)} {posted_ms}:{pending}")
            return 0
        if status != 404 or time.monotonic() > deadline:
            print(f"marker: GET {target} answered {status} ({answer[:200]!r}) after {timeout:.0f} s at most", file=sys.stderr)
            return 1
        time.sleep(0.02)


def receiver_stats(port):
    connection = http.client.HTTPConnection("127.0.0.1", int(port), timeout=10)
    try:
        connection.request("GET", "/stats")
        return json.loads(connection.getresponse().read())
    finally:
        connection.close()


def deliveries(events, load_start_ms, load_end_ms, timeout, ports):
    started = time.monotonic()
    while True:
        stats = [receiver_stats(port) for port in ports]
        if all(s["distinct"] >= events for s in stats) or time.monotonic() - started > timeout:
            break
        time.sleep(0.2)
    missing = sum(max(0, events - s["distinct"]) for s in stats)
    extra = sum(max(0, s["distinct"] - events) for s in stats)
    delivered = sum(min(events, s["distinct"]) for s in stats)
    requests = sum(s["requests"] for s in stats)
    last_ms = max(s["last_new_at_ms"] for s in stats)
    span_s = max(last_ms - load_start_ms, 1) / 1000
    print(f"  deliveries          {delivered / span_s:.0f}/s ({len(ports)} subscriber(s) x {events} events, "
          f"{delivered} distinct delivered in {span_s:.2f} s from load start to the last delivery; {requests} POSTs)")
    if missing or extra:
        print(f"FAIL: delivery check: {missing} deliveries missing after waiting {timeout:.0f} s"
              + (f", {extra} webhook-ids not among the events" if extra else "")
              + " (per subscriber: " + ", ".join(f"{s['distinct']}/{events}" for s in stats) + ")")
        return 1
    print(f"  every event delivered {(last_ms - load_end_ms) / 1000:.2f} s after the load ended")
    print(f"  delivery check      OK: every subscriber got every event ({len(ports)} x {events} distinct webhook-ids)")
    return 0


def options(args, names):
    """Takes --name VALUE pairs out of args."""
    found, rest = {}, []
    while args:
        arg = args.pop(0)
        if arg in names:
            found[arg[2:]] = args.pop(0)
        else:
            rest.append(arg)
    return found, rest


if __name__ == "__main__":
    command, argv = sys.argv[1], sys.argv[2:]
    if command == "figures":
        figures(argv[0])
    elif command == "verify":
        flags, argv = options(argv, ("--after", "--state", "--stop"))
        sys.exit(verify(argv[0], argv[1], argv[2], argv[3], float(argv[4]), argv[5:],
                        flags.get("after"), flags.get("state"), flags.get("stop")))
    elif command == "marker":
        sys.exit(marker(argv[0], argv[1], argv[2], argv[3], float(argv[4])))
    elif command == "deliveries":
        sys.exit(deliveries(int(argv[1]), int(argv[2]), int(argv[3]), float(argv[4]), argv[5:]))
    else:
        sys.exit(f"unknown command {command!r}")

#!/usr/bin/env python3
"""Figures and the no-loss check for scripts/load.sh.

  check.py figures REPORT                       -> "RPS P50_MS P99_MS REQUESTS ERRORS" from a wrk report
  check.py verify BASE_URL API_KEY BODIES REPORT DRAIN_TIMEOUT_S [EARLIER_REPORT]
      After wrk stopped: redelivers every body that was sent but never answered 200 (the requests in flight
      when wrk stopped, or refused ones; as Meta would retry them), waits until /readyz says inbox_pending 0,
      then pages GET /v1/events and checks that the events are exactly the distinct updates sent: none
      missing, none extra, none twice. Events of the updates of EARLIER_REPORT (a warm-up, verified before)
      are left out. Prints the drain and end-to-end figures; exits 1 if the check fails.
"""
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
        status, body = self.call("GET", "/readyz")
        if status != 200:
            raise RuntimeError(f"/readyz answered {status}: {body[:200]!r}")
        return json.loads(body)["inbox_pending"]


def verify(base_url, api_key, bodies_path, report_path, drain_timeout, earlier_path=None):
    started = time.monotonic()
    api = Api(base_url, api_key)
    pending_at_stop = api.pending()
    sent, ok, f = read_report(report_path)
    earlier = read_report(earlier_path)[0] if earlier_path else set()
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
    drain_s = time.monotonic() - started

    seen, ids, strangers, twice = set(), set(), 0, 0
    cursor, auth = None, {"Authorization": f"Bearer {api_key}"}
    while True:
        status, body = api.call("GET", "/v1/events?limit=1000" + (f"&after={cursor}" if cursor else ""), headers=auth)
        if status != 200:
            print(f"FAIL: GET /v1/events answered {status}: {body[:200]!r}")
            return 1
        page = json.loads(body)
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


if __name__ == "__main__":
    if sys.argv[1] == "figures":
        figures(sys.argv[2])
    else:
        sys.exit(verify(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], float(sys.argv[6]), *sys.argv[7:8]))

#!/usr/bin/env python3
"""Writes N distinct signed Meta webhook bodies (Messenger, Instagram, WhatsApp in turn), each carrying exactly
one update with a unique mid/wamid that encodes its key, plus 10% exact redeliveries of recent bodies.

One line per request: KEY <TAB> X-Hub-Signature-256 <TAB> BODY (compact JSON, one line).
Usage: gen_bodies.py N APP_SECRET OUT_FILE [FIRST_KEY]   (keys FIRST_KEY … FIRST_KEY+N-1, below 10^12)
"""
import hashlib
import hmac
import json
import random
import sys
import time


def body(key: int, now: int) -> dict:
    channel = key % 3
    user = key % 5000
    if channel == 0:
        return {"object": "page", "entry": [{"id": "104523987765432", "time": (now + key % 600) * 1000 + 123, "messaging": [{
            "sender": {"id": "77234198%08d" % user}, "recipient": {"id": "104523987765432"},
            "timestamp": (now + key % 600) * 1000 + 101,
            "message": {"mid": "m_load%012d_Qx7sT1nBv9kLrV0aZcYt2wGdEe3hJkL4mNoPqRsTuV" % key,
                        "text": "Hi! Is my order #%d shipped?" % key}}]}]}
    if channel == 1:
        return {"object": "instagram", "entry": [{"time": (now + key % 600) * 1000 + 987, "id": "17841455512345678", "messaging": [{
            "sender": {"id": "11235813%08d" % user}, "recipient": {"id": "17841455512345678"},
            "timestamp": (now + key % 600) * 1000 + 912,
            "message": {"mid": "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQx_load%012d" % key, "text": "Do you ship to Lisbon?"}}]}]}
    phone = "55119%08d" % user
    return {"object": "whatsapp_business_account", "entry": [{"id": "102290129340398", "changes": [{"value": {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "15550783881", "phone_number_id": "106540352242922"},
        "contacts": [{"profile": {"name": "Ana Souza"}, "wa_id": phone}],
        "messages": [{"from": phone, "id": "wamid.HBgNNTUxMTk4NzY1NDMyMRUCABIYFj_load%012d" % key,
                      "timestamp": str(now + key % 600), "text": {"body": "Olá, quero trocar o tamanho do pedido"}, "type": "text"}]},
        "field": "messages"}]}]}


def main() -> None:
    n, secret, out = int(sys.argv[1]), sys.argv[2].encode(), sys.argv[3]
    first = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    now = int(time.time()) - 3600
    rng = random.Random(42)
    recent = []   # the last 1000 lines written, for the redeliveries
    with open(out, "wb") as f:
        for key in range(first, first + n):
            raw = json.dumps(body(key, now), separators=(",", ":"), ensure_ascii=False).encode()
            signature = "sha256=" + hmac.new(secret, raw, hashlib.sha256).hexdigest()
            line = b"%d\t%s\t%s\n" % (key, signature.encode(), raw)
            f.write(line)
            recent.append(line)
            if key % 10 == 9:
                # An exact redelivery (same bytes, same signature) of one of the last 1000 bodies.
                del recent[:-1000]
                line = recent[rng.randrange(len(recent))]
                f.write(line)
                recent.append(line)


if __name__ == "__main__":
    main()

import base64
import hashlib
import hmac
import time


def verify_webhook(secret: str, headers, body: bytes, now: float | None = None) -> bool:
    """secret: the subscription's "whsec_..."; headers: the request's headers (a mapping with lower-case names);
    body: the request body exactly as received, as bytes (e.g. Flask's request.get_data())."""
    msg_id = headers.get("webhook-id")
    timestamp = headers.get("webhook-timestamp") or ""
    signatures = headers.get("webhook-signature") or ""
    if not msg_id or not timestamp.isascii() or not timestamp.isdigit():
        return False
    # More than 5 minutes off: a replay, or a clock to fix.
    if abs((time.time() if now is None else now) - int(timestamp)) > 300:
        return False

    key = base64.b64decode(secret.removeprefix("whsec_"))
    mac = hmac.new(key, f"{msg_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()
    expected = b"v1," + base64.b64encode(mac)
    # Several signatures during a secret rotation: one match is enough.
    return any(hmac.compare_digest(candidate.encode(), expected) for candidate in signatures.split())

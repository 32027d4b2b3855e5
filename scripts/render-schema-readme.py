#!/usr/bin/env python3
"""Renders schemas/README.md from schemas/normalized-event.schema.json and example events, and writes the same
examples to src/Host/Docs/event-examples.json for the integrator docs the host serves at /docs.

The examples are real output of `normalize` over the test fixtures (one per event name);
identity.relinked, which no webhook produces, is written by hand and validated like the rest
by tests/Normalizer.Tests (SchemaReadmeTests).

Usage: python3 scripts/render-schema-readme.py   (after `dotnet build src/Host`)
"""
import glob, json, os, subprocess, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
host = os.path.join(root, "src/Host/bin/Debug/net10.0/Normalizer.Host.dll")
schema = json.load(open(os.path.join(root, "schemas/normalized-event.schema.json")))

preferred = {  # fixture whose first event of that name reads best as an example
    "message.received": "messenger/quick-reply-reply-to", "message.delivered": "whatsapp/statuses",
    "message.read": "messenger/delivery-read", "unknown.received": "messenger/unknown",
    # WhatsApp's own wamid beside the message referred to, and a business-level change that says what changed.
    "message.reaction": "whatsapp/messages-special", "message.edited": "whatsapp/messages-special",
    "message.deleted": "whatsapp/messages-special", "account.updated": "whatsapp/account-changes",
    # A Page feed change written by a person, and a Page event that names a reason.
    "post.published": "messenger/feed", "reaction.received": "messenger/feed", "policy.enforced": "messenger/policy-enforcement",
    "handover.passed": "messenger/handovers", "handover.requested": "messenger/handovers", "comment.received": "instagram/changes",
}
events = {}
fixtures = sorted(glob.glob(os.path.join(root, "tests/Normalizer.Testing/Fixtures/*/*.json")))
fixtures.sort(key=lambda f: 0 if any(f.endswith(p + ".json") for p in preferred.values()) else 1)
for path in fixtures:
    out = subprocess.run(["dotnet", host, "normalize", path], capture_output=True, text=True).stdout
    for line in out.splitlines():
        e = json.loads(line)
        name = e["event"]
        want = preferred.get(name)
        if name not in events and (want is None or path.endswith(want + ".json")):
            events[name] = e

events["identity.relinked"] = {
    "id": "evt_6f1d2c3b4a5968778695a4b3c2d1e0f9", "platform": "facebook", "event": "identity.relinked",
    "timestamp": 1763712400, "timestamp_ms": 1763712400000, "received_at": "2026-11-22T08:06:40.000Z",
    "from": "1535748669783931", "from_type": "PSID", "to": "104523987765432", "to_type": "PAGE_ID",
    "page_id": "104523987765432", "page_id_type": "PAGE_ID", "user_id": "1535748669783931", "user_id_type": "PSID",
    "conversation_id": "conv_0c7e4f1a2b3c4d5e6f708192a3b4c5d6", "signature_verified": True, "standby": False,
    "raw": {"previous_user_id": "7723419865501234", "previous_contact_id": "0193a7c2-5d1e-7b40-9f3a-1c2d3e4f5a6b",
            "user_id": "1535748669783931", "contact_id": "0193a7c4-0b2e-7c51-8e4b-2d3e4f5a6b7c",
            "person_id": "0193a7c2-5d1e-7b40-9f3a-1c2d3e4f5a6c", "asid": "10154673853349851",
            "asid_app_id": "1000000000000001", "method": "ids_for_pages", "confidence": "confirmed"},
    # As read from the store: the customer's contact and its person.
    "contact_id": "0193a7c4-0b2e-7c51-8e4b-2d3e4f5a6b7c", "person_id": "0193a7c2-5d1e-7b40-9f3a-1c2d3e4f5a6c",
}

names = ["message.received", "message.echo", "message.delivered", "message.read", "message.reaction", "message.edited",
         "message.deleted", "message.sent", "message.failed", "message.played", "postback.received", "referral.received",
         "optin.received", "optout.received", "handover.passed", "handover.taken", "handover.requested", "comment.received",
         "mention.received", "system.received",
         "message.history", "conversation.started", "call.connected", "call.terminated", "call.status", "contact.synced",
         "error.received", "account.updated", "identity.relinked", "unknown.received",
         "handover.roles_changed", "comment.edited", "comment.deleted", "comment.hidden", "comment.unhidden", "post.published",
         "post.edited", "post.deleted", "post.hidden", "post.unhidden", "reaction.received", "reaction.removed", "feed.updated",
         "account.linked", "account.unlinked", "policy.enforced", "insights.received"]
missing = [n for n in names if n not in events]
if missing:
    sys.exit("no example for: " + ", ".join(missing))

def kind(p):
    if "enum" in p:
        return " \\| ".join("`%s`" % v for v in p["enum"] if v is not None)
    t = p.get("type", "any")
    t = [x for x in t if x != "null"] if isinstance(t, list) else [t]
    return " \\| ".join(t)

lines = ["# The normalized event", "",
         "Every Meta webhook item — Messenger, Instagram or WhatsApp — becomes one JSON object of this shape,",
         "described by [`normalized-event.schema.json`](normalized-event.schema.json) (JSON Schema 2020-12, generated",
         "from the C# types by `normalizer schemas export schemas`; a test fails when the file drifts).",
         "This page is rendered by `scripts/render-schema-readme.py`; its examples are real `normalize` output.", "",
         "Rules that hold for every event:", "",
         "- Every ID is a **string** (Meta's IDs exceed 2^53); the `*_type` beside it says what it is: "
         "`PSID`, `IGSID`, `WA_ID`, `WA_BSUID`, `ASID`, `PAGE_ID`, `IG_ACCOUNT_ID`, `PHONE_NUMBER_ID`, `WABA_ID`, `USER_REF`.",
         "- `id` is deterministic: Meta redelivering the same update yields the same `id`, and Normalizer stores it once.",
         "- `page_id` is the business side (Page, Instagram account, WhatsApp `phone_number_id`, or the WhatsApp Business "
         "Account id, `WABA_ID`, for business-level changes that name no number); `user_id` is the customer "
         "(`from` for inbound, `to` for echoes and WhatsApp statuses); `conversation_id` is derived from (platform, page_id, user_id).",
         "- Absent values are omitted, never `null`. `raw` is the original item exactly as Meta sent it.",
         "- Events read from the store (`/v1/events`, the SSE stream, subscription deliveries) name the customer's contact and "
         "person: `contact_id` (`GET /v1/contacts/{id}`) and `person_id` (`GET /v1/persons/{id}`), the person as of reading, "
         "so a later merge of two persons shows in earlier events too. `normalize` output, which is not stored, has neither.", "",
         "## Fields", "", "| field | type | required | meaning |", "|---|---|---|---|"]
required = set(schema.get("required", []))
for name, prop in schema["properties"].items():
    lines.append("| `%s` | %s | %s | %s |" % (name, kind(prop), "yes" if name in required else "", prop.get("description", "").replace("|", "\\|")))
lines += ["", "Parts (`message`, `status`, …) are objects whose fields are listed, with descriptions, in the schema file.", "",
          "## Events that concern no conversation", "",
          "Some updates are about the Page or account, or are written by the business itself: they have no `user_id` (and so no "
          "`conversation_id`). `policy.enforced` (`policy`: `action` warning, block or unblock, and `reason`) and "
          "`handover.roles_changed` (`handover.app_roles`: app id → roles) name only the Page, in `to`. A comment, post or reaction "
          "written by the Page or Instagram account has `from` = `page_id` with `from_type` `PAGE_ID` or `IG_ACCOUNT_ID`; one "
          "written by a person has `from` = `user_id`, a `PSID` on Facebook (the Pages API has given Page-scoped IDs since 2018) "
          "and an `IGSID` on Instagram. `insights.received` (Instagram `story_insights`) carries the story's metrics in `insights`.", "",
          "`account.linked` carries `account_linking.authorization_code`, the value the app's own login flow passed through "
          "Messenger to match its user to the PSID; it is a one-time credential: Normalizer never logs it, and the app should not either.", "",
          "## Facebook Page feed changes", "",
          "A `feed` change of `object: page` is named by its `item` and `verb`; the `feed` part keeps both with the post and comment "
          "ids, the text and the author's name, and comment events fill `comment` too.", "",
          "| item | verb | `event` |", "|---|---|---|",
          "| `comment` | `add` / `edited` / `remove` / `hide` / `unhide` | `comment.received` / `comment.edited` / `comment.deleted` / `comment.hidden` / `comment.unhidden` |",
          "| `status`, `post`, `photo`, `video`, `share`, `link`, `album`, `note` | `add` / `edited` / `remove` / `hide` / `unhide` | `post.published` / `post.edited` / `post.deleted` / `post.hidden` / `post.unhidden` |",
          "| `reaction`, or `like` on a post | `add` or `edit` / `remove` | `reaction.received` / `reaction.removed` |",
          "| anything else (a like of the Page, an event…) | any | `feed.updated` |", "",
          "## One example per event name", ""]
for name in names:
    lines += ["### `%s`" % name, "", "```json", json.dumps(events[name], indent=2, ensure_ascii=False), "```", ""]
open(os.path.join(root, "schemas/README.md"), "w").write("\n".join(lines))
examples = {name: events[name] for name in names}
open(os.path.join(root, "src/Host/Docs/event-examples.json"), "w").write(json.dumps(examples, indent=2, ensure_ascii=False) + "\n")
print("wrote schemas/README.md and src/Host/Docs/event-examples.json with %d examples" % len(names))

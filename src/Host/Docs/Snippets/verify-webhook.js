const crypto = require("node:crypto");

// secret: the subscription's "whsec_…"; headers: the request's headers (Node lower-cases their names);
// body: the request body exactly as received, as a Buffer (e.g. express.raw({ type: "application/json" })).
function verifyWebhook(secret, headers, body, now = Date.now()) {
  const id = headers["webhook-id"];
  const timestamp = headers["webhook-timestamp"];
  const signatures = headers["webhook-signature"];
  if (!id || !signatures || !/^[0-9]+$/.test(timestamp ?? "")) return false;
  // More than 5 minutes off: a replay, or a clock to fix.
  if (Math.abs(Math.floor(now / 1000) - Number(timestamp)) > 300) return false;

  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const mac = crypto.createHmac("sha256", key).update(`${id}.${timestamp}.`).update(body).digest("base64");
  const expected = Buffer.from(`v1,${mac}`);
  // Several signatures during a secret rotation: one match is enough.
  return signatures.split(" ").some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  });
}

module.exports = { verifyWebhook };

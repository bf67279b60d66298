import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { nextAttemptAt, RETRY_WINDOW_MS } from "./backoff";
import { endpointWants, type WebhookPayload } from "./events";
import { signWebhook, verifyWebhookSignature } from "./sign";
import { formatSlackMessage } from "./slack";

describe("webhook signature", () => {
  const body = JSON.stringify({ id: "d1", event: "test" });
  it("is the hex HMAC-SHA256 of '<t>.<raw body>' with the secret", () => {
    const expected = crypto.createHmac("sha256", "s3cret").update(`1700000000.${body}`).digest("hex");
    expect(signWebhook("s3cret", body, 1700000000)).toBe(`t=1700000000,v1=${expected}`);
  });
  it("verifies within the 5-minute window and refuses a changed body, another secret, a replay or garbage", () => {
    const h = signWebhook("s3cret", body, 1700000000);
    expect(verifyWebhookSignature("s3cret", h, body, 1700000000 + 299)).toBe(true);
    expect(verifyWebhookSignature("s3cret", h, body, 1700000000 + 301)).toBe(false);
    expect(verifyWebhookSignature("s3cret", h, `${body} `, 1700000000)).toBe(false);
    expect(verifyWebhookSignature("other", h, body, 1700000000)).toBe(false);
    for (const bad of [null, "", "t=abc,v1=00", "v1=" + "0".repeat(64), `t=1700000000,v1=${"z".repeat(64)}`]) {
      expect(verifyWebhookSignature("s3cret", bad, body, 1700000000)).toBe(false);
    }
  });
});

describe("retry backoff", () => {
  const created = new Date("2026-01-01T00:00:00Z");
  it("doubles from the base, capped at an hour, with at most 10 % jitter", () => {
    const at = (n: number, now = created) => nextAttemptAt(created, n, now, 30_000, () => 0)!.getTime() - now.getTime();
    expect([1, 2, 3, 4].map((n) => at(n))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(at(20)).toBe(3_600_000);
    expect(nextAttemptAt(created, 1, created, 30_000, () => 0.999)!.getTime() - created.getTime()).toBeLessThanOrEqual(33_000);
  });
  it("gives up after 24 hours", () => {
    const late = new Date(created.getTime() + RETRY_WINDOW_MS - 1000);
    expect(nextAttemptAt(created, 10, late, 30_000)).toBeNull();
    expect(nextAttemptAt(created, 1, new Date(created.getTime() + 1000), 30_000)).not.toBeNull();
  });
});

describe("subscriptions and Slack format", () => {
  it("an empty event list means every event; the test event reaches every endpoint", () => {
    expect(endpointWants([], "gate.changed")).toBe(true);
    expect(endpointWants(["verdict.changed"], "gate.changed")).toBe(false);
    expect(endpointWants(["verdict.changed"], "test")).toBe(true);
  });
  it("has text and blocks, escapes Slack's control characters", () => {
    const p: WebhookPayload = { id: "d1", event: "verdict.changed", project: { slug: "a", name: "A <&> B" }, at: "2026-01-01T00:00:00.000Z", data: { from: "NO_GO", to: "CONDITIONAL_GO" } };
    const m = formatSlackMessage(p, "https://lg.example.com/projects/a");
    expect(m.text).toBe("A &lt;&amp;&gt; B: Verdict changed from NO-GO to CONDITIONAL GO");
    expect(m.blocks).toHaveLength(3);
    expect(JSON.stringify(m.blocks[1])).toContain("<https://lg.example.com/projects/a|A &lt;&amp;&gt; B>");
  });
});

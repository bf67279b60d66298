import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProjectAccess } from "@/lib/server/access";
import { verifyWebhookSignature } from "@/lib/domain/webhooks/sign";
import { seedDemo } from "@/lib/server/runtime/seed-demo";
import { createTestDatabase } from "@/tests/helpers/test-db";
import { startReceiver } from "./test-receiver";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let lead: ProjectAccess;
const SECRET = "receiver-secret-0123456789";
const OPTS = { retryBaseMs: 100, timeoutMs: 2000, leaseMs: 60_000, batchSize: 10 };
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await wait(50);
  }
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, "webhooks-test");
  process.env.DATABASE_URL = t.url;
  const project = await t.db.project.findUniqueOrThrow({ where: { slug: "agent-platform" }, select: { id: true, slug: true, name: true } });
  const u = await t.db.user.findUniqueOrThrow({ where: { email: "lead@example.com" } });
  lead = { principal: { kind: "user", userId: u.id, email: u.email, name: u.name, isAdmin: false }, project, role: "LEAD", isAdmin: false };
});
afterAll(async () => {
  const { getDb } = await import("@/lib/server/db");
  await getDb().$disconnect();
  await t.drop();
});

describe("webhook deliveries", () => {
  it("a signed decision is written to the outbox in its transaction and delivered, retried after failures, signed", async () => {
    const rx = await startReceiver({ failFirst: 2 });
    const { createWebhook, deleteWebhook } = await import("./manage-webhooks");
    const { signDecision } = await import("../decisions/decisions");
    const { startWebhookWorker } = await import("./start-worker");
    const ep = await createWebhook(lead, { url: rx.url, secret: SECRET, events: ["decision.signed"], format: "json" });
    const decision = await signDecision(lead, { comment: "Not yet: blockers remain" }, "2026-01-18");
    const queued = await t.db.webhookDelivery.findMany({ where: { endpointId: ep.id } });
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ event: "decision.signed", status: "PENDING", attempts: 0 });

    const worker = startWebhookWorker(t.db, { ...OPTS, pollMs: 50, checkMs: 3_600_000 });
    const done = await until("delivery", async () => (await t.db.webhookDelivery.findUnique({ where: { id: queued[0].id } }))?.status === "DELIVERED");
    await worker.stop();
    expect(done).toBe(true);

    // Two 500s, then 200: three attempts with the same delivery id, spaced by the backoff.
    expect(rx.requests).toHaveLength(3);
    expect(new Set(rx.requests.map((r) => r.deliveryId))).toEqual(new Set([queued[0].id]));
    const row = await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: queued[0].id } });
    expect(row).toMatchObject({ attempts: 3, lastStatusCode: 200, status: "DELIVERED" });
    for (const r of rx.requests) expect(verifyWebhookSignature(SECRET, r.signature, r.body, Math.floor(Date.now() / 1000))).toBe(true);
    expect(verifyWebhookSignature("wrong-secret-0123456789", rx.requests[0].signature, rx.requests[0].body, Math.floor(Date.now() / 1000))).toBe(false);
    const body = JSON.parse(rx.requests[2].body);
    expect(Object.keys(body).sort()).toEqual(["at", "data", "event", "id", "project"]);
    expect(body).toMatchObject({ id: queued[0].id, event: "decision.signed", project: { slug: "agent-platform" }, data: { decisionId: decision.id, verdict: "NO_GO", signedBy: "Lee Lead" } });
    expect(rx.requests[0].event).toBe("decision.signed");
    await deleteWebhook(lead, ep.id);
    await rx.close();
  });

  it("an event raised while no worker runs is delivered once a worker starts again (restart)", async () => {
    const rx = await startReceiver();
    const { createWebhook, deleteWebhook } = await import("./manage-webhooks");
    const { enqueueWebhookEvent } = await import("./enqueue");
    const { startWebhookWorker } = await import("./start-worker");
    const ep = await createWebhook(lead, { url: rx.url, secret: SECRET, format: "json" });
    const first = startWebhookWorker(t.db, { ...OPTS, pollMs: 50, checkMs: 3_600_000 });
    await first.stop(); // the app stops...
    const [id] = await t.db.$transaction((tx) => enqueueWebhookEvent(tx, lead.project.id, "gate.changed", { gate: "capacity", from: "pass", to: "fail" }));
    await wait(300);
    expect(rx.requests).toHaveLength(0);
    const second = startWebhookWorker(t.db, { ...OPTS, pollMs: 50, checkMs: 3_600_000 }); // ...and comes back
    await until("delivery after restart", async () => rx.requests.length === 1);
    await wait(300);
    await second.stop();
    expect(rx.requests.map((r) => r.deliveryId)).toEqual([id]);
    await deleteWebhook(lead, ep.id);
    await rx.close();
  });

  it("a worker that dies mid-delivery leaves the row to be retried after its lease; a rolled-back change sends nothing", async () => {
    const rx = await startReceiver();
    const { createWebhook, deleteWebhook } = await import("./manage-webhooks");
    const { enqueueWebhookEvent } = await import("./enqueue");
    const { claimDueDeliveries, runDeliveryPass } = await import("./worker");
    const ep = await createWebhook(lead, { url: rx.url, secret: SECRET, events: ["risk.expired"], format: "json" });
    await expect(t.db.$transaction(async (tx) => {
      await enqueueWebhookEvent(tx, lead.project.id, "risk.expired", { subject: "rolled back" });
      throw new Error("the change failed");
    })).rejects.toThrow("the change failed");
    expect(await t.db.webhookDelivery.count({ where: { endpointId: ep.id } })).toBe(0);

    const [id] = await t.db.$transaction((tx) => enqueueWebhookEvent(tx, lead.project.id, "risk.expired", { subject: "kept" }));
    const claimed = await claimDueDeliveries(t.db, { leaseMs: 300, batchSize: 10 }); // claimed, then the process "dies"
    expect(claimed.map((c) => c.id)).toEqual([id]);
    expect(await runDeliveryPass(t.db, OPTS)).toBe(0); // leased: another worker does not take it
    await wait(400);
    expect(await runDeliveryPass(t.db, OPTS)).toBe(1);
    expect(rx.requests.map((r) => r.deliveryId)).toEqual([id]);
    expect(await t.db.webhookDelivery.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DELIVERED", attempts: 2 });
    await deleteWebhook(lead, ep.id);
    await rx.close();
  });

  it("a receiver that processes but answers too late gets the same delivery id again (at-least-once) and can dedupe", async () => {
    const rx = await startReceiver({ slowFirst: 1, slowMs: 800 });
    const { createWebhook, deleteWebhook } = await import("./manage-webhooks");
    const { enqueueWebhookEvent } = await import("./enqueue");
    const { startWebhookWorker } = await import("./start-worker");
    const ep = await createWebhook(lead, { url: rx.url, secret: SECRET, format: "slack" });
    const [id] = await t.db.$transaction((tx) => enqueueWebhookEvent(tx, lead.project.id, "verdict.changed", { from: "NO_GO", to: "CONDITIONAL_GO" }));
    const w = startWebhookWorker(t.db, { ...OPTS, timeoutMs: 300, pollMs: 50, checkMs: 3_600_000 });
    await until("delivered", async () => (await t.db.webhookDelivery.findUnique({ where: { id } }))?.status === "DELIVERED");
    await w.stop();
    expect(rx.requests.map((r) => r.deliveryId)).toEqual([id, id]);
    expect(rx.processed.size).toBe(1); // the receiver acted once
    const slack = JSON.parse(rx.requests[1].body);
    expect(slack.text).toContain("Verdict changed from NO-GO to CONDITIONAL GO");
    expect(Array.isArray(slack.blocks)).toBe(true);
    expect(verifyWebhookSignature(SECRET, rx.requests[1].signature, rx.requests[1].body, Math.floor(Date.now() / 1000))).toBe(true);
    const row = await t.db.webhookDelivery.findUniqueOrThrow({ where: { id } });
    expect(row.attempts).toBe(2);
    await deleteWebhook(lead, ep.id);
    await rx.close();
  });

  it("gives up after 24 hours of failures", async () => {
    const rx = await startReceiver({ failFirst: 100 });
    const { createWebhook, deleteWebhook } = await import("./manage-webhooks");
    const { enqueueWebhookEvent } = await import("./enqueue");
    const { runDeliveryPass } = await import("./worker");
    const ep = await createWebhook(lead, { url: rx.url, secret: SECRET, format: "json" });
    const [id] = await t.db.$transaction((tx) => enqueueWebhookEvent(tx, lead.project.id, "test", {}, { endpointId: ep.id }));
    await t.db.webhookDelivery.update({ where: { id }, data: { createdAt: new Date(Date.now() - 24 * 3_600_000 + 5_000) } });
    expect(await runDeliveryPass(t.db, { ...OPTS, retryBaseMs: 60_000 })).toBe(1);
    expect(await t.db.webhookDelivery.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "FAILED", lastStatusCode: 500, attempts: 1 });
    await deleteWebhook(lead, ep.id);
    await rx.close();
  });
});

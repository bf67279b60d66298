import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/lib/domain";
import { seedDemo } from "@/lib/server/runtime/seed-demo";
import { createTestDatabase } from "@/tests/helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let projectId: string;
const SLOT = 60_000;
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, "scheduled-check-test");
  process.env.DATABASE_URL = t.url;
  projectId = (await t.db.project.findUniqueOrThrow({ where: { slug: "agent-platform" } })).id;
  await t.db.webhookEndpoint.create({ data: { projectId, url: "http://127.0.0.1:9/none", secret: "x".repeat(16), events: [], createdByName: "test" } });
});
afterAll(async () => {
  const { getDb } = await import("@/lib/server/db");
  await getDb().$disconnect();
  await t.drop();
});

const events = async () => (await t.db.webhookDelivery.findMany({ where: { projectId }, orderBy: { createdAt: "asc" } })).map((d) => ({ event: d.event, data: (d.payload as { data: Record<string, unknown> }).data }));

describe("scheduled check", () => {
  it("runs once per slot across instances: the first look records the verdict and gates without an event", async () => {
    const { runScheduledCheck } = await import("./scheduled-check");
    const now = new Date();
    const ran = await Promise.all([runScheduledCheck(t.db, { now, slotMs: SLOT }), runScheduledCheck(t.db, { now, slotMs: SLOT })]);
    expect(ran.filter(Boolean)).toHaveLength(1);
    expect(await runScheduledCheck(t.db, { now, slotMs: SLOT })).toBe(false); // the slot is in the database: a restart does not repeat it
    const state = await t.db.webhookProjectState.findUniqueOrThrow({ where: { projectId } });
    expect(state.verdict).toBe("NO_GO");
    expect((state.gates as Record<string, { status: string }>)["capacity"].status).toBe("pass");
    expect(await events()).toEqual([]);
  });

  it("raises verdict.changed and gate.changed when the readiness moved since the last check", async () => {
    const { runScheduledCheck } = await import("./scheduled-check");
    await t.db.webhookProjectState.update({ where: { projectId }, data: { verdict: "CONDITIONAL_GO" } });
    await t.db.project.update({ where: { id: projectId }, data: { expectedProductionUsers: 100_000 } }); // capacity now fails
    expect(await runScheduledCheck(t.db, { now: new Date(Date.now() + SLOT), slotMs: SLOT })).toBe(true);
    const got = await events();
    expect(got.map((e) => e.event).sort()).toEqual(["gate.changed", "verdict.changed"]);
    expect(got.find((e) => e.event === "verdict.changed")!.data).toMatchObject({ from: "CONDITIONAL_GO", to: "NO_GO" });
    expect(got.find((e) => e.event === "gate.changed")!.data).toMatchObject({ gate: "capacity", from: "pass", to: "fail" });
    // Nothing moved: the next slot raises nothing.
    await runScheduledCheck(t.db, { now: new Date(Date.now() + 2 * SLOT), slotMs: SLOT });
    expect(await events()).toHaveLength(2);
  });

  it("raises risk.expiring 3 days ahead and risk.expired after, once each", async () => {
    const { runScheduledCheck } = await import("./scheduled-check");
    await t.db.webhookDelivery.deleteMany({ where: { projectId } });
    const day = (d: string) => new Date(`${d}T00:00:00Z`);
    await t.db.riskAcceptance.createMany({ data: [
      { projectId, gateId: "capacity", mitigation: "scale out", expiresOn: day(addDays(today(), 2)) },
      { projectId, gateId: "anomaly", mitigation: "rerun soon", expiresOn: day(addDays(today(), -1)) },
      { projectId, gateId: "stability", mitigation: "far away", expiresOn: day(addDays(today(), 10)) },
    ] });
    await runScheduledCheck(t.db, { now: new Date(Date.now() + 3 * SLOT), slotMs: SLOT });
    await runScheduledCheck(t.db, { now: new Date(Date.now() + 4 * SLOT), slotMs: SLOT });
    const got = (await events()).filter((e) => e.event.startsWith("risk."));
    expect(got.map((e) => `${e.event}:${e.data.gateId}`).sort()).toEqual(["risk.expired:anomaly", "risk.expiring:capacity"]);
    expect(got.find((e) => e.event === "risk.expiring")!.data).toMatchObject({ subject: expect.stringMatching(/capacity/i), expiresOn: addDays(today(), 2) });
  });

  it("raises evidence.expired once when a done item's evidence reaches its expiry day", async () => {
    const { runScheduledCheck } = await import("./scheduled-check");
    await t.db.webhookDelivery.deleteMany({ where: { projectId } });
    const item = await t.db.checklistItem.findFirstOrThrow({ where: { projectId, status: "DONE" }, orderBy: { title: "asc" } });
    // Confirmed 31 days ago with a 30-day validity: expired yesterday.
    await t.db.checklistItem.update({ where: { id: item.id }, data: { evidenceValidDays: 30, evidenceAt: new Date(`${addDays(today(), -31)}T09:00:00Z`) } });
    await runScheduledCheck(t.db, { now: new Date(Date.now() + 5 * SLOT), slotMs: SLOT });
    await runScheduledCheck(t.db, { now: new Date(Date.now() + 6 * SLOT), slotMs: SLOT });
    const got = (await events()).filter((e) => e.event === "evidence.expired");
    expect(got).toEqual([{ event: "evidence.expired", data: { itemId: item.id, title: item.title, expiredOn: addDays(today(), -1), asOf: today() } }]);
  });
});

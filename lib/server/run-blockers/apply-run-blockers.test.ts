import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { streamFromFile } from "@/lib/ingest";
import { createTestDatabase } from "@/tests/helpers/test-db";
import { importRun } from "../runs/import-run";

/**
 * Runs open and close blockers, end to end in lib/server on real Locust output: 4 expected users
 * × 2 headroom = 8 required. series-fail is death at 8 users (10 % errors); series-pass stays
 * yellow up to 12 users.
 */
let t: Awaited<ReturnType<typeof createTestDatabase>>;
let projectId: string;
const GENERATED = path.resolve("tests/fixtures/loadtests/generated");
const files = (run: string) => ["stats", "stats_history", "failures"].map((p) => ({ name: `${run}_${p}.csv`, stream: streamFromFile(path.join(GENERATED, `${run}_${p}.csv`)) }));
const cli = { kind: "cli" } as const;

beforeAll(async () => {
  t = await createTestDatabase();
  projectId = (await t.db.project.create({ data: { slug: "blockers", name: "Blockers", expectedProductionUsers: 4 } })).id;
  await t.db.loadTestSeries.create({ data: { projectId, slug: "checkout", name: "Checkout", environment: "staging", launchEvidence: true } });
  await t.db.webhookEndpoint.create({ data: { projectId, url: "http://127.0.0.1:9/hook", secret: "s".repeat(16), events: ["blocker.opened", "blocker.resolved"], createdByName: "test" } });
});
/** The webhook outbox rows the runs wrote, oldest first. */
const deliveries = async () => (await t.db.webhookDelivery.findMany({ where: { projectId }, orderBy: { createdAt: "asc" } }))
  .map((d) => ({ event: d.event, data: (d.payload as { data: Record<string, unknown> }).data }));
afterAll(async () => t?.drop());

describe("runs open and close blockers", () => {
  it("a failing launch-evidence run opens one P1 item in Performance, linked to the run, by Launchgate", async () => {
    const run = await importRun({ db: t.db, project: { id: projectId }, actor: cli, files: files("series-fail"), options: { series: "checkout" } });
    expect(run.series).toEqual({ slug: "checkout", name: "Checkout", launchEvidence: true });
    expect(run.blockers).toEqual([{ itemId: expect.any(String), title: "Load test: death zone at 8 users (required 8)", change: "opened" }]);
    const item = await t.db.checklistItem.findUniqueOrThrow({ where: { id: run.blockers[0].itemId }, include: { category: true } });
    expect(item).toMatchObject({ priority: "P1", status: "OPEN", estimateHours: 4, source: "load test", runId: run.id, projectId });
    expect(item.category.name).toBe("Performance");
    expect(item.description).toContain("measured 8 users at P95 1000 ms and 10% errors: the death zone");
    const events = await t.db.itemEvent.findMany({ where: { itemId: item.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.field, e.fromValue, e.toValue, e.actorName])).toEqual([
      ["created", null, "OPEN", "Launchgate"], ["loadTest", "opened", run.id, "Launchgate"],
    ]);
    const audit = await t.db.auditLog.findMany({ where: { projectId, entity: "ChecklistItem" } });
    expect(audit.map((a) => [a.action, a.actorName, (a.after as { runId: string }).runId])).toEqual([["item.create", "Launchgate", run.id]]);
    // blocker.opened went into the outbox in the run's transaction.
    expect(await deliveries()).toEqual([{ event: "blocker.opened", data: expect.objectContaining({ itemId: item.id, title: item.title, runId: run.id, run: `/projects/blockers/runs/${run.id}` }) }]);
  });

  it("the same rule failing again in the series adds an event to the open item instead of a duplicate", async () => {
    const first = await t.db.testRun.findFirstOrThrow({ where: { projectId }, select: { id: true, runDate: true } });
    // stepped-b is red at 8 users (1.5 % errors): the same rule, the same series, on the same run date.
    const again = await importRun({ db: t.db, project: { id: projectId }, actor: cli, files: files("stepped-b"), options: { series: "checkout", runDate: first.runDate.toISOString().slice(0, 10) } });
    expect(again.blockers.map((b) => [b.change, b.title])).toEqual([["failed-again", "Load test: death zone at 8 users (required 8)"]]);
    expect(await t.db.checklistItem.count({ where: { projectId } })).toBe(1);
    const events = await t.db.itemEvent.findMany({ where: { itemId: again.blockers[0].itemId, field: "loadTest" }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.fromValue, e.toValue])).toEqual([["opened", first.id], ["failed-again", again.id]]);
    expect((events[1].snapshot as { summary: string }).summary).toMatch(/^8 users: red, P95 \d+ ms and 1\.5\d*% errors$/);
    expect((await deliveries()).map((d) => d.event)).toEqual(["blocker.opened"]); // failing again raises nothing new
  });

  it("a failing run of a series that is not launch evidence opens nothing", async () => {
    const other = (await t.db.project.create({ data: { slug: "blockers-other", name: "Other", expectedProductionUsers: 4 } })).id;
    const run = await importRun({ db: t.db, project: { id: other }, actor: cli, files: files("series-fail"), options: { series: "smoke-local" } });
    expect(run.series).toEqual({ slug: "smoke-local", name: "smoke-local", launchEvidence: false });
    expect(run.blockers).toEqual([]);
    expect(await t.db.checklistItem.count({ where: { projectId: other } })).toBe(0);
  });

  it("a later passing run of the same series resolves the item with itself as evidence", async () => {
    const pass = await importRun({ db: t.db, project: { id: projectId }, actor: cli, files: files("series-pass"), options: { series: "checkout" } });
    expect(pass.blockers.map((b) => b.change)).toEqual(["resolved"]);
    const item = await t.db.checklistItem.findUniqueOrThrow({ where: { id: pass.blockers[0].itemId } });
    expect(item.status).toBe("DONE");
    expect(item.evidence).toContain(`(id ${pass.id}) stays yellow or better up to 8 users`);
    expect(item.evidence).toContain(`/projects/blockers/runs/${pass.id}`);
    const events = await t.db.itemEvent.findMany({ where: { itemId: item.id, field: { in: ["status", "loadTest"] } }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.field, e.fromValue, e.toValue])).toEqual([
      ["loadTest", "opened", expect.any(String)], ["loadTest", "failed-again", expect.any(String)], ["status", "OPEN", "DONE"], ["loadTest", "resolved", pass.id],
    ]);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { projectId, entity: "ChecklistItem", action: "item.update" } });
    expect(audit).toMatchObject({ actorName: "Launchgate", before: { status: "OPEN" }, after: { status: "DONE", runId: pass.id } });
    expect((await deliveries())[1]).toEqual({ event: "blocker.resolved", data: expect.objectContaining({ itemId: item.id, runId: pass.id, summary: expect.stringContaining("stays yellow or better") }) });
  });

  it("switched off, a failing run opens nothing", async () => {
    // 5 × 2 = 10 required: stepped-a's 9-user level (red, 2.6 % errors) would open an item if it were on.
    await t.db.project.update({ where: { id: projectId }, data: { runBlockersEnabled: false, expectedProductionUsers: 5 } });
    await t.db.loadTestSeries.create({ data: { projectId, slug: "payments", name: "Payments", environment: "staging", launchEvidence: true } });
    const run = await importRun({ db: t.db, project: { id: projectId }, actor: cli, files: files("stepped-a"), options: { series: "payments" } });
    expect(run.blockers).toEqual([]);
    expect(await t.db.checklistItem.count({ where: { projectId, status: "OPEN" } })).toBe(0);
  });
});

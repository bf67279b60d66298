import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRunFiles, streamFromBuffer, streamFromFile, type NormalizedRun } from "@/lib/ingest";
import { createTestDatabase } from "@/tests/helpers/test-db";
import { ConflictError, InvalidInputError } from "../errors";
import type { Principal } from "../principal";
import { importRun, parseUpload } from "./import-run";
import { BUNDLED_FIXTURES, SHARED_FIXTURES, fixtureRuns, runTableCounts } from "@/tests/helpers/import-fixtures";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let projectId: string;
let user: Principal;

beforeAll(async () => {
  t = await createTestDatabase();
  projectId = (await t.db.project.create({ data: { slug: "imports", name: "Imports" } })).id;
  const u = await t.db.user.create({ data: { email: "eng@example.com", name: "Eng", passwordHash: "x" } });
  user = { kind: "user", userId: u.id, email: u.email, name: u.name, isAdmin: false };
});
afterAll(async () => t?.drop());

const diskFiles = (root: string, rel: string[]) => rel.map((r) => ({ name: path.basename(r), stream: streamFromFile(path.join(root, r)) }));
const reference = (root: string, rel: string[]) => parseRunFiles(diskFiles(root, rel));

async function expectStoredAsParsed(id: string, ref: NormalizedRun, projectId: string) {
  const row = await t.db.testRun.findUniqueOrThrow({
    where: { id },
    include: { _count: { select: { endpoints: true, errors: true, steps: true, samples: true } }, steps: { orderBy: { position: "asc" } } },
  });
  expect(row).toMatchObject({
    projectId, tool: ref.tool, format: ref.format, requests: ref.requests, failures: ref.failures,
    p50Ms: ref.p50Ms, p95Ms: ref.p95Ms, p99Ms: ref.p99Ms, maxMs: ref.maxMs, throughputRps: ref.throughputRps,
    durationSeconds: ref.durationSeconds, users: ref.users, kind: ref.steps.length >= 2 ? "STRESS" : "LOAD",
  });
  expect(row._count).toEqual({ endpoints: ref.endpoints.length, errors: ref.errors.length, steps: ref.steps.length, samples: ref.samples.length });
  expect(row.steps.map((s) => [s.users, s.requests, s.failures, s.p95Ms])).toEqual(ref.steps.map((s) => [s.users, s.requests, s.failures, s.p95Ms]));
  expect(row.warnings.slice(0, ref.warnings.length)).toEqual(ref.warnings.slice(0, 200));
  const samples = await t.db.runSample.findMany({ where: { runId: id }, orderBy: { id: "asc" } });
  expect(samples.map((x) => [x.t.toISOString(), x.users, x.requests, x.failures, x.rps, x.failuresPerSec, x.responseMs, x.p50Ms, x.p95Ms])).toEqual(
    // users is an integer column: Artillery's arrival rates (60.3 users/s) are rounded.
    ref.samples.map((x) => [new Date(x.t).toISOString(), x.users === null ? null : Math.round(x.users), x.requests, x.failures, x.rps, x.failuresPerSec, x.responseMs, x.p50Ms, x.p95Ms]),
  );
  expect(row.runDate.toISOString().slice(0, 10)).toBe(ref.startedAt ? new Date(ref.startedAt).toISOString().slice(0, 10) : new Date().toISOString().slice(0, 10));
}

function describeFixtures(title: string, root: string) {
  const runs = fixtureRuns(root);
  describe.skipIf(runs.length === 0)(runs.length ? title : `${title}: absent (${root}), skipped`, () => {
    // A project of its own: the bundled files are copies of shared ones (same bytes → 409).
    let projectId: string;
    beforeAll(async () => {
      projectId = (await t.db.project.create({ data: { slug: `fixtures-${root.length}-${Date.now()}`, name: title } })).id;
    });
    it.each(runs.map((r) => [r.join(" + "), r]))("%s imports as the parser reads it", async (_label, rel) => {
      const ref = await reference(root, rel as string[]);
      const res = await importRun({ db: t.db, project: { id: projectId }, actor: user, files: diskFiles(root, rel as string[]) });
      expect(res).toMatchObject({ requests: ref.requests, failures: ref.failures, steps: expect.any(Array), fileNames: (rel as string[]).map((r) => path.basename(r)) });
      expect(res.fileSha256).toMatch(/^[0-9a-f]{64}$/);
      await expectStoredAsParsed(res.id, ref, projectId);
      const audit = await t.db.auditLog.findFirstOrThrow({ where: { entityId: res.id, action: "run.import" } });
      expect(audit).toMatchObject({ actorId: user.kind === "user" ? user.userId : null, projectId, entity: "TestRun" });
    });
  });
}

describeFixtures("shared real-tool fixtures (../shared/fixtures/loadtests)", SHARED_FIXTURES);
describeFixtures("bundled fixtures (tests/fixtures/loadtests)", BUNDLED_FIXTURES);

describe("several files, one run", () => {
  const odoo = ["stats", "stats_history", "failures", "exceptions"].map((p) => `locust/odoo-locust__results_${p}.csv`);
  it.skipIf(fixtureRuns(SHARED_FIXTURES).length === 0)("the Locust odoo stats + history + failures + exceptions are one run, in any order, as parseRunFiles reads them", async () => {
    const ref = await reference(SHARED_FIXTURES, odoo);
    const { run } = await parseUpload(diskFiles(SHARED_FIXTURES, [...odoo].reverse()), { maxBytes: 1e9 });
    expect(run).toEqual({ ...ref, warnings: expect.any(Array) });
    expect(new Set(run.warnings)).toEqual(new Set(ref.warnings));
    expect(run.errors.length).toBeGreaterThan(0);
    expect(run.samples.length).toBeGreaterThan(0);
  });

  it("the digest does not depend on the order of the files, and the same bytes again are refused", async () => {
    const a = "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%\nGET,/a,10,1,20,21,5,40,100,2,0.2,20,21,22,23,30,35,38,39,40,40,40\n,Aggregated,10,1,20,21,5,40,100,2,0.2,20,21,22,23,30,35,38,39,40,40,40\n";
    const b = "Method,Name,Error,Occurrences\nGET,/a,HTTPError('500 Server Error'),1\n";
    const files = (order: [string, string][]) => order.map(([name, text]) => ({ name, stream: streamFromBuffer(text, 7) }));
    const first = await importRun({ db: t.db, project: { id: projectId }, actor: { kind: "cli" }, files: files([["x_stats.csv", a], ["x_failures.csv", b]]) });
    expect(first).toMatchObject({ requests: 10, failures: 1, name: "x", kind: "LOAD", errors: [{ kind: "HTTP 500", count: 1 }] });
    const before = await runTableCounts(t.db);
    const again = importRun({ db: t.db, project: { id: projectId }, actor: user, files: files([["y_failures.csv", b], ["y_stats.csv", a]]) });
    await expect(again).rejects.toBeInstanceOf(ConflictError);
    await expect(importRun({ db: t.db, project: { id: projectId }, actor: user, files: files([["x_stats.csv", a], ["x_failures.csv", b]]) }))
      .rejects.toMatchObject({ status: 409, message: expect.stringContaining(`run "x"`), details: { runId: first.id } });
    expect(await runTableCounts(t.db)).toEqual(before);
    // A dry run of the same bytes says so, and stores nothing either.
    const preview = await importRun({ db: t.db, project: { id: projectId }, actor: user, files: files([["x_stats.csv", a], ["x_failures.csv", b]]), dryRun: true });
    expect(preview).toMatchObject({ id: null, dryRun: true, requests: 10, duplicateOf: { id: first.id, name: "x" } });
    expect(await runTableCounts(t.db)).toEqual(before);
  });

  it("options override name, kind, users and run date; a dry run of new bytes stores nothing", async () => {
    const csv = "timeStamp,elapsed,label,responseCode,responseMessage,threadName,success,bytes,grpThreads,allThreads,Latency\n1700000000000,120,home,200,OK,t 1-1,true,10,3,3,100\n1700000001000,80,home,500,ERR,t 1-2,false,10,3,3,70\n";
    const before = await runTableCounts(t.db);
    const preview = await importRun({ db: t.db, project: { id: projectId }, actor: user, files: [{ name: "r.jtl", stream: streamFromBuffer(csv) }], dryRun: true });
    expect(preview).toMatchObject({ tool: "jmeter", requests: 2, failures: 1, users: 3, runDate: "2023-11-14", duplicateOf: null, kind: "LOAD", name: "r" });
    expect(await runTableCounts(t.db)).toEqual(before);
    const res = await importRun({
      db: t.db, project: { id: projectId }, actor: user, files: [{ name: "r.jtl", stream: streamFromBuffer(csv) }],
      options: { name: "Peak rerun", kind: "PEAK", users: 250, runDate: "2026-01-20" },
    });
    expect(res).toMatchObject({ name: "Peak rerun", kind: "PEAK", users: 250, runDate: "2026-01-20", errorRatePercent: 50 });
    expect(await t.db.testRun.findUniqueOrThrow({ where: { id: res.id } })).toMatchObject({ importedById: user.kind === "user" ? user.userId : "", fileBytes: BigInt(csv.length) });
  });

  it("a format override applies to one file; with several it is refused", async () => {
    const csv = "timeStamp,elapsed,label,responseCode,success,allThreads\n1700000000000,120,home,200,true,1\n";
    await expect(parseUpload([{ name: "a.txt", stream: streamFromBuffer(csv) }], { format: "jmeter-csv", maxBytes: 1e6 })).resolves.toMatchObject({ run: { requests: 1 } });
    await expect(parseUpload([{ name: "a.txt", stream: streamFromBuffer(csv) }, { name: "b.txt", stream: streamFromBuffer(csv) }], { format: "jmeter-csv", maxBytes: 1e6 }))
      .rejects.toBeInstanceOf(InvalidInputError);
  });
});

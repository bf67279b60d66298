import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseRunFiles } from "./parse-run-files";
import { streamFromFile } from "./stream-from-file";
import { ingestError, listFixtures, near, parseFixture, parseText } from "./ingest-test-utils";

const SHARED = path.resolve(__dirname, "../../../shared/fixtures/loadtests");
const hasShared = fs.existsSync(SHARED);
const sharedDescribe = hasShared ? describe : describe.skip;
const sharedTitle = hasShared
  ? "Gatling: shared real-tool fixtures"
  : "Gatling: shared fixtures absent (../shared/fixtures/loadtests), skipped; a user's clone has none";

const EXPECTED: Record<string, { format: string; requests: number; failures: number; endpoints: number; p95: number; users: number | null }> = {
  "orangehrm-gatling-test__simulation.log": { format: "gatling-simulation-log", requests: 2387, failures: 480, endpoints: 152, p95: 3521, users: 10 },
  "orangehrm-gatling-test__stats.json": { format: "gatling-stats-json", requests: 2387, failures: 480, endpoints: 152, p95: 3524, users: null },
  "pix__simulation.log": { format: "gatling-simulation-log", requests: 7986, failures: 2909, endpoints: 80, p95: 48332.8, users: 100 },
  "pix__stats.json": { format: "gatling-stats-json", requests: 7986, failures: 2909, endpoints: 80, p95: 48321, users: null },
};

sharedDescribe(sharedTitle, () => {
  it("has an expectation for every Gatling fixture", () => {
    expect(listFixtures(SHARED, "gatling")).toEqual(Object.keys(EXPECTED).sort());
  });
  for (const [name, exp] of Object.entries(EXPECTED)) {
    it(`parses ${name}`, async () => {
      const run = await parseFixture(SHARED, "gatling", name);
      expect([run.format, run.requests, run.failures, run.endpoints.length, run.p95Ms, run.users]).toEqual([
        exp.format,
        exp.requests,
        exp.failures,
        exp.endpoints,
        exp.p95,
        exp.users,
      ]);
      expect(run.steps).toEqual([]);
    });
  }

  for (const sim of ["pix", "orangehrm-gatling-test"]) {
    it(`${sim}: simulation.log figures match Gatling's own stats.json`, async () => {
      const log = await parseFixture(SHARED, "gatling", `${sim}__simulation.log`);
      const stats = await parseFixture(SHARED, "gatling", `${sim}__stats.json`);
      expect([log.requests, log.failures, log.maxMs]).toEqual([stats.requests, stats.failures, stats.maxMs]);
      // Gatling rounds to whole ms and uses its own percentile estimator: within 1%.
      for (const k of ["p50Ms", "p95Ms", "p99Ms", "meanMs"] as const) expect(near(log[k], stats[k] ?? NaN, 0.01, 1)).toBe(true);
      expect(near(log.throughputRps, stats.throughputRps ?? NaN, 0.02)).toBe(true);
      const byName = new Map(stats.endpoints.map((e) => [e.name, e]));
      for (const e of log.endpoints) {
        expect(byName.get(e.name)).toMatchObject({ requests: e.requests, failures: e.failures, maxMs: e.maxMs });
      }
      expect(log.samples.reduce((n, s) => n + (s.requests ?? 0), 0)).toBe(log.requests);
    });
  }

  it("pix: KO messages become HTTP status and exception kinds", async () => {
    const log = await parseFixture(SHARED, "gatling", "pix__simulation.log");
    const kinds = new Map<string, number>();
    for (const e of log.errors) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + e.count);
    expect(Object.fromEntries(kinds)).toEqual({
      "HTTP 500": 1563,
      "HTTP 502": 1239,
      "j.u.c.TimeoutException": 107,
    });
    expect(log.name).toBe("recordedsimulation");
    expect(log.startedAt).toBe("2016-11-09T16:38:33.495Z");
  });

  it("merges stats.json with its simulation.log", async () => {
    const run = await parseRunFiles(
      ["pix__stats.json", "pix__simulation.log"].map((name) => ({ name, stream: streamFromFile(path.join(SHARED, "gatling", name)) })),
    );
    expect([run.format, run.requests, run.failures, run.p95Ms, run.users]).toEqual(["gatling-stats-json", 7986, 2909, 48321, 100]);
    expect(run.samples.length).toBeGreaterThan(100);
    expect(run.errors[0].kind).toBe("HTTP 500");
  });
});

function log3x(levels: number[]): string {
  const lines = ["RUN\tcom.example.StepSim\tstepsim\t1700000000000\t \t3.9.5"];
  let active = 0;
  levels.forEach((users, sec) => {
    const base = 1700000000000 + sec * 1000;
    while (active < users) {
      lines.push(`USER\tScn\tSTART\t${base}`);
      active++;
    }
    while (active > users) {
      lines.push(`USER\tScn\tEND\t${base}`);
      active--;
    }
    for (let i = 0; i < users; i++) {
      const ko = users === 8 && i === 0;
      lines.push(`REQUEST\t\treq_${i % 3}\t${base + i}\t${base + i + users * 10}\t${ko ? "KO" : "OK"}\t${ko ? "status.find.in(200,304), found 503" : " "}`);
    }
  });
  lines.push("ERROR\tjava.lang.IllegalStateException: crashed\t1700000099000");
  return lines.join("\n") + "\n";
}

describe("Gatling: synthetic files", () => {
  it("3.x log: USER records give the user levels → steps", async () => {
    const run = await parseText(log3x([...Array(30).fill(4), 6, ...Array(30).fill(8)]), "simulation.log");
    expect([run.format, run.name, run.users, run.requests, run.failures]).toEqual(["gatling-simulation-log", "stepsim", 8, 30 * 4 + 6 + 30 * 8, 30]);
    expect(run.testName).toBe("com.example.StepSim");
    expect(run.steps.map((s) => [s.users, s.requests, s.failures, s.p95Ms !== null])).toEqual([
      [4, 120, 0, true],
      [8, 240, 30, true],
    ]);
    expect(run.errors).toContainEqual({ kind: "HTTP 503", count: 30, endpoint: "req_0", message: "status.find.in(200,304), found 503" });
    expect(run.errors).toContainEqual({ kind: "java.lang.IllegalStateException", count: 1, endpoint: null, message: "java.lang.IllegalStateException: crashed" });
  });

  it("2.0/2.1 log with four timestamps per REQUEST", async () => {
    const text = [
      "RUN\tSim\t\tsim\t1400000000000\t \t2.0",
      "USER\tScn\t1\tSTART\t1400000000000\t1400000000000",
      "REQUEST\tScn\t1\t\thome\t1400000000100\t1400000000110\t1400000000300\t1400000000350\tOK\t ",
      "REQUEST\tScn\t1\t\thome\t1400000000400\t1400000000410\t1400000000500\t1400000000900\tKO\tj.n.ConnectException: Connection refused",
      "USER\tScn\t1\tEND\t1400000000000\t1400000001000",
    ].join("\n");
    const run = await parseText(text, "simulation.log");
    expect([run.requests, run.failures, run.maxMs, run.p50Ms, run.users]).toEqual([2, 1, 500, 375, 1]);
    expect(run.errors[0]).toMatchObject({ kind: "j.n.ConnectException", count: 1 });
  });

  it("refuses a binary (Gatling 3.10+) simulation.log", async () => {
    const bytes = new Uint8Array([0, 1, 2, 3, 0, 0, 0, 9, 65, 66, 0, 0, 12, 200, 100, 0]);
    const err = await ingestError(parseText(bytes, "simulation.log"));
    expect(err.line).toBe(1);
    expect(err.reason).toMatch(/binary simulation\.log \(Gatling 3\.10 and later\) is not supported/);
  });

  it("an unknown record type is an IngestError with its line", async () => {
    const err = await ingestError(parseText("RUN\tA\ta\t1700000000000\t \t3.9.5\nBOGUS\tx\n", "simulation.log"));
    expect([err.line, err.reason]).toEqual([2, 'unknown record type "BOGUS" in simulation.log']);
  });
});

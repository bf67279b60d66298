import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/tests/helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "launchgate-import-"));
const LOCUST = path.resolve("tests/fixtures/loadtests/locust");

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ["bin/launchgate.mjs", "import", ...args], { env: { ...process.env, DATABASE_URL: t.url }, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.project.create({ data: { slug: "cli-import", name: "CLI import" } });
});
afterAll(async () => {
  await t.drop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("npx launchgate import", () => {
  it("imports several files as one run and prints its summary; the same files again exit 1", () => {
    const files = [path.join(LOCUST, "PressureTest__result_requests.csv"), path.join(LOCUST, "PressureTest__result_distribution.csv")];
    const dry = cli("cli-import", "--dry-run", ...files);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain("Dry run (nothing stored)");
    expect(dry.out).toContain("series default (\"Default\"), launch evidence (would be created)");
    const r = cli("cli-import", ...files, "--name", "Pressure", "--kind", "stress", "--users", "40", "--series", "pressure-staging");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Imported run "Pressure" \(id \w+\) into cli-import/);
    expect(r.out).toMatch(/locust locust-requests-csv, STRESS, run date \d{4}-\d{2}-\d{2}, 40 users/);
    expect(r.out).toContain('series pressure-staging ("pressure-staging"), not launch evidence');
    const again = cli("cli-import", ...files);
    expect(again.code).toBe(1);
    expect(again.err).toContain('already imported as run "Pressure"');
  });

  it("a bad file exits 1 with file:line: reason; an unknown project exits 3; bad flags are a usage error", () => {
    const bad = path.join(tmp, "bad.jtl");
    fs.writeFileSync(bad, "timeStamp,elapsed,label,success\n1700000000000,5,a,true\n1700000000001,5\n");
    const r = cli("cli-import", bad);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:3: wrong number of fields`));
    expect(cli("no-such-project", bad).code).toBe(3);
    expect(cli("cli-import", path.join(tmp, "missing.csv")).code).toBe(1);
    expect(cli("cli-import", bad, "--kind", "HUGE").code).toBe(64);
    expect(cli("cli-import", bad, "--series", "Not a slug!").code).toBe(64);
  });
});

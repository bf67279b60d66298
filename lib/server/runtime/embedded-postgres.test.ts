import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded-postgres";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "launchgate-pgtest-"));
fs.chmodSync(dir, 0o755);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function query(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

describe("embedded PostgreSQL", () => {
  it("initialises, keeps data across restarts, and recovers from a postmaster orphaned by a crash", async () => {
    const first = await startEmbeddedPostgres({ dataDir: dir, log: () => {}, quiet: true });
    await query(first.url, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
    // Simulate `kill -9` of Node: the postmaster lives on and its pid file stays.
    const pid = Number(fs.readFileSync(path.join(dir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
    expect(pid).toBeGreaterThan(0);
    const lines: string[] = [];
    const second = await startEmbeddedPostgres({ dataDir: dir, log: (l) => lines.push(l), quiet: true });
    expect(lines.join("\n")).toMatch(/stopping our own postmaster/);
    expect(await query(second.url, "SELECT v FROM kept")).toEqual([{ v: 42 }]);
    await second.stop();
    await first.stop().catch(() => {});
    // A pid file whose process is gone is removed, and the next start works.
    fs.writeFileSync(path.join(dir, "pg", "postmaster.pid"), "999999\n" + path.join(dir, "pg") + "\n");
    const third = await startEmbeddedPostgres({ dataDir: dir, log: () => {}, quiet: true });
    expect(await query(third.url, "SELECT count(*)::int AS n FROM kept")).toEqual([{ n: 1 }]);
    await third.stop();
    expect(spawnSync("kill", ["-0", String(pid)]).status).not.toBe(0);
  });
});

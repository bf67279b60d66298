/**
 * Supervisors' signals: SIGTERM to the pid `npm start` launched (npm itself, as a container
 * runtime or `kill $!` does), SIGKILL to it (its children must notice), and SIGTERM to the
 * launcher. Each time the web server and then the embedded database stop within 10 s: the port is
 * free, the postmaster gone and its pid file removed (a clean shutdown).
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { freePort, isAlive, killGroup, npmStart, portIsFree, tempDir, waitHealthy, waitUntil } from "./helpers";

// One data dir for the three starts (one after the other): the cluster is initialised once.
const dataDir = tempDir("lifecycle");
const groups: number[] = [];
afterEach(() => {
  for (const g of groups.splice(0)) killGroup(g);
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function started() {
  const port = await freePort();
  const run = npmStart({ LAUNCHGATE_DATA_DIR: dataDir, PORT: String(port), LAUNCHGATE_DEMO: "0" });
  groups.push(run.proc.pid!);
  await waitHealthy(`http://127.0.0.1:${port}`, run.proc, run.output);
  const pidFile = path.join(dataDir, "pg", "postmaster.pid");
  const postmaster = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  const launcher = (JSON.parse(fs.readFileSync(path.join(dataDir, "postgres-owner.json"), "utf8")) as { ownerPid: number }).ownerPid;
  expect(isAlive(postmaster) && isAlive(launcher)).toBe(true);
  return { ...run, port, pidFile, postmaster, launcher };
}

async function expectAllStopped(s: Awaited<ReturnType<typeof started>>, sentAt: number) {
  const took = await waitUntil("the port to be free and the postmaster gone", async () => (await portIsFree(s.port)) && !isAlive(s.postmaster) && !isAlive(s.launcher), 15_000, 100);
  const seconds = (Date.now() - sentAt) / 1000;
  console.log(`stopped in ${seconds.toFixed(1)} s (waited ${took} ms)`);
  expect(seconds).toBeLessThanOrEqual(10);
  expect(fs.existsSync(s.pidFile), "postmaster.pid removed: PostgreSQL shut down cleanly").toBe(false);
  expect(s.output()).toContain("stopping the embedded PostgreSQL");
}

describe("npm start under a supervisor's signals", () => {
  it("SIGTERM to the npm pid only stops the web server and then the database within 10 s", async () => {
    const s = await started();
    const at = Date.now();
    process.kill(s.proc.pid!, "SIGTERM");
    await expectAllStopped(s, at);
  });

  it("SIGKILL to the npm pid (it cannot pass anything on): the launcher notices its parent is gone and stops everything", async () => {
    const s = await started();
    const at = Date.now();
    process.kill(s.proc.pid!, "SIGKILL");
    await expectAllStopped(s, at);
    expect(s.output()).toMatch(/is gone: stopping/);
  });

  it("kill -TERM to the launcher itself stops everything too", async () => {
    const s = await started();
    const at = Date.now();
    process.kill(s.launcher, "SIGTERM");
    await expectAllStopped(s, at);
  });
});

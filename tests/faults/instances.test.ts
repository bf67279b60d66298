/**
 * Your own PostgreSQL (DATABASE_URL), two instances on it behind a round-robin proxy:
 * - the first start on an empty database loads no demo and says how to create the first administrator;
 * - without NEXTAUTH_SECRET both instances use the session secret kept in the database, so a
 *   session made through one is valid on the other (the proxy alternates at every request);
 * - failed logins and invalid API tokens are counted in the database: the limits hold for both
 *   instances together, not once per instance.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, freePort, killGroup, npmStart, query, sessionEmail, signIn, startFaultDb, stopFaultDb, tempDir, waitHealthy, type FaultDb } from "./helpers";

let db: FaultDb;
let url: string;
const dirs: string[] = [];
const instances: ReturnType<typeof npmStart>[] = [];
const bases: string[] = [];
let proxy: http.Server;
let proxyUrl: string;
const hits = [0, 0];

/** A tiny round-robin HTTP proxy that appends the client to X-Forwarded-For, as nginx does. */
function startProxy(targets: string[]): Promise<http.Server> {
  let next = 0;
  const server = http.createServer((req, res) => {
    const i = next++ % targets.length;
    hits[i]++;
    const target = new URL(targets[i]);
    const peer = (req.socket as net.Socket).remoteAddress ?? "";
    const forwarded = req.headers["x-forwarded-for"] ? `${req.headers["x-forwarded-for"]}, ${peer}` : peer;
    const up = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, "x-forwarded-for": forwarded } }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on("error", () => res.writeHead(502).end());
    req.pipe(up);
  });
  return new Promise((r) => server.listen(0, "127.0.0.1", () => r(server)));
}

beforeAll(async () => {
  const dir = tempDir("instances-db");
  dirs.push(dir);
  db = await startFaultDb(dir, await freePort());
  const u = new URL(db.url);
  await query(db.url, "CREATE DATABASE own_empty");
  u.pathname = "/own_empty";
  url = u.toString();
  // Started one after the other, as a rolling deployment does (the second finds the schema ready).
  for (let i = 0; i < 2; i++) {
    const dataDir = tempDir(`instance-${i}`);
    dirs.push(dataDir);
    const port = await freePort();
    const run = npmStart({ DATABASE_URL: url, LAUNCHGATE_DATA_DIR: dataDir, PORT: String(port), LAUNCHGATE_TRUSTED_PROXIES: "1" });
    instances.push(run);
    bases.push(`http://127.0.0.1:${port}`);
    await waitHealthy(bases[i], run.proc, run.output);
  }
  proxy = await startProxy(bases);
  proxyUrl = `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
}, 240_000);

afterAll(async () => {
  proxy?.close();
  await Promise.all(instances.map((run) => new Promise<void>((resolve) => {
    if (run.proc.exitCode !== null) return resolve();
    run.proc.once("exit", () => resolve());
    process.kill(run.proc.pid!, "SIGTERM");
    setTimeout(() => {
      killGroup(run.proc.pid);
      resolve();
    }, 12_000);
  })));
  if (db) await stopFaultDb(db);
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
}, 60_000);

describe("DATABASE_URL with two instances behind a proxy", () => {
  it("an empty database gets no demo; the log says how to create the first administrator", async () => {
    expect(await query(url, `SELECT count(*)::int AS n FROM "User"`)).toEqual([{ n: 0 }]);
    expect(await query(url, `SELECT count(*)::int AS n FROM "Project"`)).toEqual([{ n: 0 }]);
    const log = instances[0].output();
    expect(log).toContain("npx launchgate user create --email");
    expect(log).toContain("--role ADMIN");
    expect(log).not.toMatch(/loading the demo|Demo logins/);
    expect(log).toMatch(/session secret kept in the database/);
    // Following the instructions works.
    const r = spawnSync(process.execPath, ["bin/launchgate.mjs", "user", "create", "--email", "ops@company.test", "--role", "ADMIN", "--name", "Ops", "--password", "first-admin-pass"], {
      cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, encoding: "utf8",
    });
    expect(r.status, r.stderr).toBe(0);
  });

  it("a session made through one instance is valid on the other", async () => {
    const before = [...hits];
    // The CSRF token comes from one instance and the sign-in goes to the other: one secret.
    const { cookie, error } = await signIn(proxyUrl, "ops@company.test", "first-admin-pass");
    expect(error).toBeNull();
    for (const base of [...bases, proxyUrl, proxyUrl]) expect(await sessionEmail(base, cookie), base).toBe("ops@company.test");
    expect(hits[0] - before[0]).toBeGreaterThan(1);
    expect(hits[1] - before[1]).toBeGreaterThan(1);
  });

  it("failed logins are counted for both instances together: the 11th attempt on an email is refused", async () => {
    for (let i = 0; i < 10; i++) expect((await signIn(proxyUrl, "ops@company.test", `wrong-${i}`)).error).toBe("CredentialsSignin");
    expect((await signIn(proxyUrl, "ops@company.test", "wrong-again")).error).toBe("Throttled");
    // Even with the right password, on either instance directly.
    for (const base of bases) expect((await signIn(base, "ops@company.test", "first-admin-pass")).error).toBe("Throttled");
  });

  it("invalid API tokens are counted for both instances together, per client address behind the proxy", async () => {
    const guess = (n: number, forwardedFor?: string) =>
      fetch(`${proxyUrl}/api/v1/projects/none/readiness`, { headers: { authorization: `Bearer lg_guess_${n}`, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) } }).then((r) => r.status);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push(await guess(i));
    expect(statuses.every((s) => s === 401), statuses.join(",")).toBe(true);
    expect(await guess(21)).toBe(429);
    // One trusted hop: a forged first X-Forwarded-For entry does not make a new client.
    expect(await guess(22, "198.51.100.77")).toBe(429);
  });
});

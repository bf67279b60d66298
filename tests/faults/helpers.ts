/**
 * What the fault suite drives: a real embedded PostgreSQL (scripts/fault-db.ts) whose processes it
 * can stop, continue and kill; Launchgate's own server (scripts/serve.mjs) or the whole `npm start`;
 * and signed-in HTTP clients. Loopback only.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { isAlive } from "../../scripts/lib/process-tree";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const DEMO_PASSWORD = "fault-demo-password";
export const SLUG = "agent-platform";
const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `launchgate-${prefix}-`));
  fs.chmodSync(dir, 0o755);
  return dir;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once("error", () => resolve(false));
    s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
  });
}

export { isAlive };

export async function waitUntil(what: string, ok: () => Promise<boolean> | boolean, timeoutMs = 60_000, everyMs = 200): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await ok()) return Date.now() - started;
    await sleep(everyMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** An embedded PostgreSQL with the demo, on `dir` and `port`, in its own process (scripts/fault-db.ts). */
export interface FaultDb {
  proc: ChildProcess;
  url: string;
  dir: string;
  port: number;
}

export function startFaultDb(dir: string, port: number): Promise<FaultDb> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [TSX, "--conditions=react-server", "scripts/fault-db.ts", dir, String(port)], {
      cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LAUNCHGATE_DEMO_PASSWORD: DEMO_PASSWORD },
    });
    let err = "";
    proc.stderr!.on("data", (d) => (err += d));
    proc.stdout!.on("data", (d: Buffer) => {
      const m = /READY (\S+)/.exec(d.toString());
      if (m) resolve({ proc, url: m[1], dir, port });
    });
    proc.once("exit", (code) => reject(new Error(`fault-db exited ${code}: ${err}`)));
  });
}

export function stopFaultDb(db: FaultDb): Promise<void> {
  return new Promise((resolve) => {
    if (db.proc.exitCode !== null || db.proc.signalCode !== null) return resolve();
    db.proc.once("exit", () => resolve());
    db.proc.kill("SIGTERM");
  });
}

/** The postmaster of a data dir and its children (backends, checkpointer, …). */
export function postgresPids(dir: string): number[] {
  const pidFile = path.join(dir, "pg", "postmaster.pid");
  if (!fs.existsSync(pidFile)) return [];
  const pm = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  const children = fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p)).map(Number).filter((pid) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pm;
    } catch {
      return false;
    }
  });
  return isAlive(pm) ? [pm, ...children] : children;
}

export function signalPostgres(dir: string, signal: NodeJS.Signals): number[] {
  const pids = postgresPids(dir);
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      /* gone already */
    }
  }
  return pids;
}

/** One Launchgate web server (scripts/serve.mjs, what `npm start` runs) on a database. */
export async function startServer(port: number, databaseUrl: string, env: Record<string, string> = {}): Promise<{ url: string; proc: ChildProcess; log: () => string; stop: () => Promise<void> }> {
  const proc = spawn(process.execPath, ["scripts/serve.mjs"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: "fault-suite-session-secret-0123456789", NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", LAUNCHGATE_LOG_LEVEL: "error", ...env,
    },
  });
  let stderr = "";
  // Its error log (unexpected errors carry their request id and stack): kept for a failure's message.
  const logs: string[] = [];
  proc.stderr!.on("data", (d) => {
    stderr = (stderr + d).slice(-4000);
    logs.push(String(d));
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(`the server on ${port} (${stderr})`, async () => {
    if (proc.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    return fetch(`${url}/api/live`).then((r) => r.ok, () => false);
  }, 90_000, 300);
  return {
    url,
    proc,
    log: () => logs.join(""),
    stop: async () => {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise((r) => proc.once("exit", r));
      proc.kill("SIGTERM");
      await exited;
    },
  };
}

export async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

/** A project token straight in the database. */
export async function createToken(url: string, role: "VIEWER" | "ENGINEER" | "LEAD", slug = SLUG): Promise<string> {
  const crypto = await import("node:crypto");
  const token = `lg_${crypto.randomBytes(24).toString("base64url")}`;
  await query(url, `INSERT INTO "ApiToken" (id, "projectId", name, role, "tokenHash", prefix) SELECT $1, id, $2, $3::"Role", $4, $5 FROM "Project" WHERE slug = $6`, [
    crypto.randomUUID(), `fault ${role}`, role, crypto.createHash("sha256").update(token).digest("hex"), token.slice(0, 10), slug,
  ]);
  return token;
}

/** Signs in through next-auth's credentials callback; returns the Cookie header (or the error the login page would get). */
export async function signIn(base: string, email: string, password = DEMO_PASSWORD, headers: Record<string, string> = {}): Promise<{ cookie: string; error: string | null }> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [kv] = c.split(";");
      const i = kv.indexOf("=");
      jar.set(kv.slice(0, i), kv.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  let r = await fetch(`${base}/api/auth/csrf`, { headers });
  keep(r);
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  r = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST", redirect: "manual",
    headers: { ...headers, cookie: cookie(), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(r);
  // With json=true next-auth answers { url } (…?error=CredentialsSignin on a failure) instead of redirecting.
  let location = r.headers.get("location") ?? "";
  if (!location) location = ((await r.json().catch(() => ({}))) as { url?: string }).url ?? "";
  const error = new URL(location || "/", base).searchParams.get("error");
  return { cookie: cookie(), error };
}

export async function sessionEmail(base: string, cookie: string): Promise<string | null> {
  const r = await fetch(`${base}/api/auth/session`, { headers: { cookie } });
  const body = (await r.json()) as { user?: { email?: string } };
  return body?.user?.email ?? null;
}

/** `npm start` in its own process group (as a supervisor starts it), its output kept. */
export function npmStart(env: Record<string, string>): { proc: ChildProcess; output: () => string } {
  const clean = { ...process.env };
  for (const k of ["DATABASE_URL", "NEXTAUTH_SECRET", "NEXTAUTH_URL", "LAUNCHGATE_DATA_DIR", "PORT"]) delete clean[k];
  const proc = spawn("npm", ["start"], { cwd: ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...clean, HOST: "127.0.0.1", LAUNCHGATE_LOG_LEVEL: "warn", ...env } });
  let out = "";
  proc.stdout!.on("data", (d) => (out += d));
  proc.stderr!.on("data", (d) => (out += d));
  return { proc, output: () => out };
}

export async function waitHealthy(base: string, proc: ChildProcess, output: () => string, timeoutMs = 120_000): Promise<void> {
  await waitUntil(`${base} to be healthy`, async () => {
    if (proc.exitCode !== null) throw new Error(`npm start exited ${proc.exitCode}:\n${output()}`);
    return fetch(`${base}/api/health`).then((r) => r.ok, () => false);
  }, timeoutMs, 300);
}

/** Kills what is left of a process group (cleanup after a failed test). */
export function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    /* gone */
  }
}

import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/** The e2e server's data dir (see scripts/e2e-server.ts). */
export const E2E_DATA_DIR = path.resolve(process.env.E2E_DATA_DIR || ".launchgate-e2e");

/** The URL of the database the e2e server uses (its embedded PostgreSQL, or E2E_DATABASE_URL). */
export function e2eDatabaseUrl(): string {
  if (process.env.E2E_DATABASE_URL) return process.env.E2E_DATABASE_URL;
  const owner = JSON.parse(fs.readFileSync(path.join(E2E_DATA_DIR, "postgres-owner.json"), "utf8")) as { port: number };
  const password = fs.readFileSync(path.join(E2E_DATA_DIR, "pg-password"), "utf8").trim();
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${owner.port}/launchgate`;
}

export async function query<T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = [], url = e2eDatabaseUrl()): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

/**
 * Starts another instance of the already-built app (scripts/serve.mjs) on `port`, against `databaseUrl`, with the
 * e2e server's session secret (so sessions work across instances). Resolves once it answers.
 */
export async function startAppInstance(port: number, databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<{ url: string; stop: () => Promise<void>; proc: ChildProcess }> {
  const secret = fs.readFileSync(path.join(E2E_DATA_DIR, "nextauth-secret"), "utf8").trim();
  const env: NodeJS.ProcessEnv = {
    ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXT_TELEMETRY_DISABLED: "1", LAUNCHGATE_LOG_LEVEL: "error",
    // As the suite's own server (scripts/e2e-server.ts): the bad-token counter is shared through the
    // database, and the suite's earlier bad tokens must not throttle this instance's valid ones.
    LAUNCHGATE_BAD_TOKEN_LIMIT: "100000", ...extraEnv,
  };
  if (process.env.E2E_DIST_DIR) env.NEXT_DIST_DIR = process.env.E2E_DIST_DIR;
  // Launchgate's own server (what `npm start` runs), not a bare `next start`.
  const proc = spawn(process.execPath, ["scripts/serve.mjs"], { env: { ...env, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production" }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  proc.stderr?.on("data", (d) => (stderr += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (proc.exitCode !== null) throw new Error(`app instance exited: ${stderr}`);
    try {
      const r = await fetch(`${url}/login`);
      if (r.status === 200) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    proc,
    stop: async () => {
      if (proc.exitCode !== null) return;
      proc.kill("SIGTERM");
      await new Promise((r) => proc.once("exit", r));
    },
  };
}

/** A project API token inserted straight into the database (for load and fault tests). */
export async function createTokenInDb(slug: string, role: "VIEWER" | "ENGINEER" | "LEAD", url = e2eDatabaseUrl()): Promise<string> {
  const crypto = await import("node:crypto");
  const token = `lg_${crypto.randomBytes(24).toString("base64url")}`;
  const hash = crypto.createHash("sha256").update(token).digest("hex");
  await query(
    `INSERT INTO "ApiToken" (id, "projectId", name, role, "tokenHash", prefix) SELECT $1, id, $2, $3::"Role", $4, $5 FROM "Project" WHERE slug = $6`,
    [crypto.randomUUID(), `test ${role}`, role, hash, token.slice(0, 10), slug],
    url,
  );
  return token;
}

/**
 * A second project with the demo users as members in the same roles (idempotent): specs that
 * import runs or otherwise change the data work there, so agent-platform keeps its scenario figures
 * for the other specs.
 */
export async function ensureScratchProject(slug: string, name = slug): Promise<void> {
  await query(`INSERT INTO "Project" (id, slug, name, "workingDays", "updatedAt") VALUES ($1, $2, $3, ARRAY['Mon','Tue','Wed','Thu','Fri','Sat','Sun'], now()) ON CONFLICT (slug) DO NOTHING`, [
    (await import("node:crypto")).randomUUID(), slug, name,
  ]);
  await query(
    `INSERT INTO "Membership" (id, "userId", "projectId", role)
     SELECT md5(random()::text || m.id), m."userId", p.id, m.role FROM "Membership" m
     JOIN "Project" demo ON demo.id = m."projectId" AND demo.slug = 'agent-platform'
     JOIN "Project" p ON p.slug = $1
     ON CONFLICT ("projectId", "userId") DO NOTHING`,
    [slug],
  );
  await query(`INSERT INTO "Category" (id, "projectId", name) SELECT md5(random()::text), id, 'Performance' FROM "Project" WHERE slug = $1 ON CONFLICT DO NOTHING`, [slug]);
}

/**
 * Starts scripts/fault-db.ts (an embedded PostgreSQL with the demo on a given dir and port) and
 * resolves once it is ready. Run with node + tsx directly (not npx), so SIGTERM reaches the script.
 */
export function startFaultDb(dir: string, port: number): Promise<{ proc: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/fault-db.ts", dir, String(port)], { stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    proc.stderr!.on("data", (d) => (err += d));
    proc.stdout!.on("data", (d: Buffer) => {
      const m = /READY (\S+)/.exec(d.toString());
      if (m) resolve({ proc, url: m[1] });
    });
    proc.once("exit", (code) => reject(new Error(`fault-db exited ${code}: ${err}`)));
  });
}

/** Stops a database started by startFaultDb (it shuts PostgreSQL down cleanly). */
export function stopFaultDb(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null) return resolve();
    proc.once("exit", () => resolve());
    proc.kill("SIGTERM");
  });
}

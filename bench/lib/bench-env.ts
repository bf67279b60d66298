/**
 * Shared by the benchmarks: a throwaway embedded PostgreSQL with the demo loaded, the built app
 * served against it, and tokens — everything on loopback.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient, type Db } from "@/lib/server/db";
import { findFreePort, startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/server/runtime/embedded-postgres";
import { migrate } from "@/lib/server/runtime/migrate";
import { seedDemo } from "@/lib/server/runtime/seed-demo";
import { insertToken } from "@/lib/server/tokens/manage-tokens";
import { isBuildCurrent, writeBuildStamp } from "@/scripts/lib/build-stamp";

export interface BenchEnv {
  db: Db;
  pg: EmbeddedDatabase;
  dir: string;
  close: () => Promise<void>;
}

export async function startBenchDatabase(): Promise<BenchEnv> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "launchgate-bench-"));
  fs.chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: dir, log: () => {}, quiet: true });
  await migrate(pg.url);
  const db = createPrismaClient(pg.url, { max: 8 });
  await seedDemo(db, "bench-password");
  return {
    db, pg, dir,
    close: async () => {
      await db.$disconnect();
      await pg.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function ensureBuild(): void {
  if (isBuildCurrent()) return;
  console.error("building the app (next build)…");
  const r = spawnSync("npx", ["next", "build"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) throw new Error("next build failed");
  writeBuildStamp();
}

/** Whether `taskset` can pin processes to cores here (Linux with util-linux, ≥ 2 cores). */
export function canPin(): boolean {
  return os.availableParallelism() >= 2 && spawnSync("taskset", ["-c", "0", "true"]).status === 0;
}

/**
 * The built app as `npm start` serves it (scripts/serve.mjs under node) on a free port; `extraEnv`
 * is added to its environment, `opts.cpus` (e.g. "0") pins it to those cores with taskset.
 */
export async function startServer(databaseUrl: string, extraEnv: Record<string, string> = {}, opts: { cpus?: string } = {}): Promise<{ url: string; proc: ChildProcess; stop: () => Promise<void> }> {
  const port = await findFreePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: crypto.randomBytes(24).toString("hex"), NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    PORT: String(port), HOST: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1", LAUNCHGATE_LOG_LEVEL: "error", NODE_ENV: "production", ...extraEnv,
  };
  const cmd = [process.execPath, "scripts/serve.mjs"];
  if (opts.cpus) cmd.unshift("taskset", "-c", opts.cpus);
  const proc = spawn(cmd[0], cmd.slice(1), { env, stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (proc.exitCode !== null) throw new Error(`the server exited with ${proc.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).status === 200) break;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url, proc,
    stop: async () => {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise((r) => proc.once("exit", r));
      proc.kill("SIGTERM");
      await exited;
    },
  };
}

export async function createToken(db: Db, slug: string, role: "VIEWER" | "ENGINEER" | "LEAD"): Promise<string> {
  const p = await db.project.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  return (await insertToken(db, p.id, { name: `bench ${role}`, role }, null)).token;
}

export function machine(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

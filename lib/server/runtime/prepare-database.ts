import "server-only";
import fs from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../db";
import { getDataDir, ensureWritableDir, getOrCreateSecret } from "./data-dir";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";
import { migrate } from "./migrate";
import { DEMO_USERS, generateDemoPassword, isDatabaseEmpty, seedDemo } from "./seed-demo";

export interface PreparedDatabase {
  url: string;
  embedded: EmbeddedDatabase | null;
  dataDir: string;
}

type Log = (line: string) => void;

/** DATABASE_URL when set, else the embedded PostgreSQL in the data dir (started now). */
export async function openDatabase(log: Log, opts: { quiet?: boolean } = {}): Promise<PreparedDatabase> {
  const dataDir = getDataDir();
  if (process.env.DATABASE_URL) {
    log(`using the database at DATABASE_URL (${redactUrl(process.env.DATABASE_URL)})`);
    return { url: process.env.DATABASE_URL, embedded: null, dataDir };
  }
  ensureWritableDir(dataDir);
  log(`starting the embedded PostgreSQL (data in ${dataDir}/pg)`);
  const embedded = await startEmbeddedPostgres({ dataDir, log: (l) => log(`postgres: ${l}`), quiet: opts.quiet });
  log(`embedded PostgreSQL is up on 127.0.0.1:${embedded.port}`);
  return { url: embedded.url, embedded, dataDir };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}

/** Applies migrations, then loads the demo data into an empty database. */
export async function prepareSchemaAndDemo(url: string, dataDir: string, log: Log): Promise<{ demoPassword: string | null }> {
  const applied = await migrate(url, { log });
  log(applied.length ? `applied ${applied.length} migration(s)` : "database schema is up to date");
  const db = createPrismaClient(url, { max: 2 });
  try {
    if (!(await isDatabaseEmpty(db))) return { demoPassword: null };
    const given = process.env.LAUNCHGATE_DEMO_PASSWORD;
    const password = given || generateDemoPassword();
    log("the database is empty: loading the demo project 'agent-platform' and the demo users");
    await seedDemo(db, password);
    if (!given) {
      ensureWritableDir(dataDir);
      fs.writeFileSync(path.join(dataDir, "demo-password.txt"), password + "\n", { mode: 0o600 });
    }
    return { demoPassword: password };
  } finally {
    await db.$disconnect();
  }
}

export function describeDemoLogins(dataDir: string, fresh: string | null): string[] {
  const lines = DEMO_USERS.map((u) => `  ${u.email.padEnd(22)} ${u.isAdmin ? "admin + LEAD" : u.role}`);
  if (fresh) lines.push(`  password: ${fresh}${process.env.LAUNCHGATE_DEMO_PASSWORD ? " (LAUNCHGATE_DEMO_PASSWORD)" : " (generated now; also saved in " + path.join(dataDir, "demo-password.txt") + ")"}`);
  else if (process.env.LAUNCHGATE_DEMO_PASSWORD) lines.push("  password: LAUNCHGATE_DEMO_PASSWORD");
  else if (fs.existsSync(path.join(dataDir, "demo-password.txt")))
    lines.push(`  password: in ${path.join(dataDir, "demo-password.txt")}`);
  return lines;
}

export function ensureAuthSecret(dataDir: string, log: Log): void {
  if (process.env.NEXTAUTH_SECRET) return;
  ensureWritableDir(dataDir);
  process.env.NEXTAUTH_SECRET = getOrCreateSecret(dataDir, "nextauth-secret");
  log(`using the session secret persisted in ${path.join(dataDir, "nextauth-secret")}`);
}

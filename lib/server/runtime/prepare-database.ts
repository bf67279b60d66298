import "server-only";
import fs from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../db";
import { getDataDir, ensureWritableDir, getOrCreateSecret } from "./data-dir";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";
import { migrate } from "./migrate";
import { getOrCreateSharedSecret } from "./shared-secret";
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

/**
 * Whether an empty database gets the demo: the embedded database does (a first try on a laptop);
 * your own (DATABASE_URL) does not, unless LAUNCHGATE_DEMO=1. LAUNCHGATE_DEMO=0 turns it off.
 */
export function wantsDemo(embedded: boolean, env: Record<string, string | undefined> = process.env): boolean {
  const flag = env.LAUNCHGATE_DEMO?.trim();
  if (flag === "1" || flag === "true") return true;
  if (flag === "0" || flag === "false") return false;
  return embedded;
}

/** What to tell the operator of a database without any user: how to make the first administrator. */
export function firstAdminInstructions(): string[] {
  return [
    "the database has no users yet. Create the first administrator (it may then create projects and add people):",
    "  npx launchgate user create --email you@example.com --name 'Your Name' --role ADMIN",
    "  (run it where the server runs, with the same DATABASE_URL; it prints a generated password unless you pass --password)",
    "or load the demo project and its users instead: npx launchgate seed-demo (or start with LAUNCHGATE_DEMO=1)",
  ];
}

/** Applies migrations, then loads the demo data into an empty database when `demo` (see wantsDemo). */
export async function prepareSchemaAndDemo(url: string, dataDir: string, log: Log, opts: { demo?: boolean } = {}): Promise<{ demoPassword: string | null }> {
  const applied = await migrate(url, { log });
  log(applied.length ? `applied ${applied.length} migration(s)` : "database schema is up to date");
  const db = createPrismaClient(url, { max: 2 });
  try {
    if (!(await isDatabaseEmpty(db))) {
      if ((await db.user.count()) === 0) for (const line of firstAdminInstructions()) log(line);
      return { demoPassword: null };
    }
    if (opts.demo === false) {
      for (const line of firstAdminInstructions()) log(line);
      return { demoPassword: null };
    }
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

/**
 * NEXTAUTH_SECRET when set; else, on the embedded database, the one kept in the data dir; on your
 * own database (DATABASE_URL), the one kept in the database itself, so that every instance on
 * that database signs and accepts the same sessions (seeded from the data dir's secret, if an
 * earlier version left one there).
 */
export async function ensureAuthSecret(db: PreparedDatabase, log: Log): Promise<void> {
  if (process.env.NEXTAUTH_SECRET) return;
  const file = path.join(db.dataDir, "nextauth-secret");
  if (db.embedded) {
    ensureWritableDir(db.dataDir);
    process.env.NEXTAUTH_SECRET = getOrCreateSecret(db.dataDir, "nextauth-secret");
    log(`using the session secret persisted in ${file}`);
    return;
  }
  const earlier = fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : null;
  process.env.NEXTAUTH_SECRET = await getOrCreateSharedSecret(db.url, "nextauth-secret", earlier);
  log("using the session secret kept in the database (shared by every instance on it; set NEXTAUTH_SECRET to choose one)");
}

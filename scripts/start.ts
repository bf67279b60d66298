/**
 * `npm start` / `npm run dev`: database (embedded unless DATABASE_URL), migrations, demo data,
 * session secret, build when needed, then the Next.js server. Every step says what it does.
 */
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import net from "node:net";
import {
  describeDemoLogins,
  ensureAuthSecret,
  openDatabase,
  prepareSchemaAndDemo,
} from "@/lib/server/runtime/prepare-database";
import { isBuildCurrent, writeBuildStamp } from "./lib/build-stamp";

const dev = process.argv.includes("--dev");
const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");
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
  const db = await openDatabase(log);
  let child: ReturnType<typeof spawn> | null = null;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child!.once("exit", r));
    }
    if (db.embedded) {
      log("stopping the embedded PostgreSQL");
      await db.embedded.stop();
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  try {
    process.env.DATABASE_URL = db.url;
    const { demoPassword } = await prepareSchemaAndDemo(db.url, db.dataDir, log);
    ensureAuthSecret(db.dataDir, log);
    process.env.NEXTAUTH_URL ||= `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`;
    if (!dev && !isBuildCurrent()) {
      log("building the app (first start or changed sources; takes a minute or two)");
      const r = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: process.env });
      if (r.status !== 0) throw new Error("next build failed (see above)");
      writeBuildStamp();
    }
    log(`starting the web server (${dev ? "next dev" : "next start"})`);
    // Node runs Next directly (not through npx), so our SIGTERM reaches the server itself.
    child = spawn(process.execPath, [NEXT_BIN, dev ? "dev" : "start", "-p", String(port), "-H", host], {
      stdio: ["ignore", "inherit", "inherit"],
      env: process.env,
    });
    child.once("spawn", () => {
      const url = `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`;
      console.log(`\n  Launchgate: ${url}\n  Demo logins (project agent-platform):`);
      for (const l of describeDemoLogins(db.dataDir, demoPassword)) console.log(l);
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

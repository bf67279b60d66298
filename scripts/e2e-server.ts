/**
 * The server Playwright tests run against: the real `npm start` path on a fresh embedded database
 * in .launchgate-e2e (wiped first), with a known demo password. Never a non-local database.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const dataDir = path.resolve(process.env.E2E_DATA_DIR || ".launchgate-e2e");
if (process.env.E2E_DATABASE_URL && !/@(127\.0\.0\.1|localhost)[:/]/.test(process.env.E2E_DATABASE_URL)) {
  console.error("Refusing to run the e2e tests against a non-local database.");
  process.exit(1);
}
fs.rmSync(dataDir, { recursive: true, force: true });
const env: NodeJS.ProcessEnv = {
  ...process.env,
  LAUNCHGATE_DATA_DIR: dataDir,
  PORT: process.env.E2E_PORT || "3210",
  HOST: "127.0.0.1",
  // The suite runs on the demo, also on an E2E_DATABASE_URL (which gets no demo by default).
  LAUNCHGATE_DEMO: "1",
  LAUNCHGATE_DEMO_PASSWORD: process.env.LAUNCHGATE_DEMO_PASSWORD || "e2e-demo-password",
  NEXT_TELEMETRY_DISABLED: "1",
  CHECKPOINT_DISABLE: "1",
  LAUNCHGATE_LOG_LEVEL: "warn",
  // The suite sends many bad tokens on purpose (authorization matrix); the throttle itself is
  // tested in tests/integration/token-throttle.test.ts.
  LAUNCHGATE_BAD_TOKEN_LIMIT: "100000",
};
if (process.env.E2E_DIST_DIR) env.NEXT_DIST_DIR = process.env.E2E_DIST_DIR;
delete env.DATABASE_URL;
delete env.NEXTAUTH_SECRET;
delete env.NEXTAUTH_URL;
if (process.env.E2E_DATABASE_URL) env.DATABASE_URL = process.env.E2E_DATABASE_URL;
const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/start.ts"], { stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));

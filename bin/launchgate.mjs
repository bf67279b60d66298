#!/usr/bin/env node
// `npx launchgate <command>`: runs the TypeScript CLI with tsx (server code needs the react-server condition).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const tsxCli = require.resolve("tsx/cli");
const r = spawnSync(process.execPath, [tsxCli, "--conditions=react-server", path.join(root, "scripts", "cli.ts"), ...process.argv.slice(2)], {
  stdio: "inherit",
  cwd: process.env.LAUNCHGATE_CWD || root,
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" },
});
process.exit(r.status ?? 1);

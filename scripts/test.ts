/**
 * `npm test`: type check, lint, unit + integration tests (Vitest, real PostgreSQL), then the
 * Playwright api and ui projects against the real server. Stops at the first failing stage.
 * `npm test -- --skip-e2e` runs everything but the browser tests.
 */
import { spawnSync } from "node:child_process";

const skipE2e = process.argv.includes("--skip-e2e");
const stages: [string, string[]][] = [
  ["type check", ["tsc", "--noEmit"]],
  ["lint", ["eslint", "--max-warnings=0", "."]],
  ["unit and integration tests", ["vitest", "run"]],
];
if (!skipE2e) stages.push(["end-to-end tests (Playwright)", ["playwright", "test"]]);

for (const [name, cmd] of stages) {
  console.log(`\n=== ${name}: npx ${cmd.join(" ")}`);
  const started = Date.now();
  const r = spawnSync("npx", cmd, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" } });
  if (r.status !== 0) {
    console.error(`\n✗ ${name} failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status || 1);
  }
  console.log(`✓ ${name} (${Math.round((Date.now() - started) / 1000)} s)`);
}
console.log("\nAll tests passed.");

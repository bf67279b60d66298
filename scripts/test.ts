/**
 * `npm test`: type check, lint, unit + integration tests (Vitest, real PostgreSQL), then the
 * Playwright api and ui projects against the real server. Stops at the first failing stage.
 * `npm test -- --skip-e2e` runs everything but the browser tests.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { playwrightFileTimes, printSlowest, vitestFileTimes } from "./lib/slowest-suites";

const skipE2e = process.argv.includes("--skip-e2e");
const VITEST_JSON = "test-results-vitest.json";
const PLAYWRIGHT_JSON = "test-results-playwright.json";
for (const f of [VITEST_JSON, PLAYWRIGHT_JSON]) fs.rmSync(f, { force: true });

function summarize(): void {
  printSlowest("Vitest files", vitestFileTimes(VITEST_JSON));
  printSlowest("Playwright spec files", playwrightFileTimes(PLAYWRIGHT_JSON));
}
const stages: [string, string[]][] = [
  ["type check", ["tsc", "--noEmit"]],
  ["lint", ["eslint", "--max-warnings=0", "."]],
  ["unit and integration tests", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_JSON}`]],
];
if (!skipE2e) stages.push(["end-to-end tests (Playwright)", ["playwright", "test", "--reporter=list,json"]]);

for (const [name, cmd] of stages) {
  console.log(`\n=== ${name}: npx ${cmd.join(" ")}`);
  const started = Date.now();
  const r = spawnSync("npx", cmd, {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1", PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_JSON },
  });
  if (r.status !== 0) {
    summarize();
    console.error(`\n✗ ${name} failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status || 1);
  }
  console.log(`✓ ${name} (${Math.round((Date.now() - started) / 1000)} s)`);
}
summarize();
console.log("\nAll tests passed.");

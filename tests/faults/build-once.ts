/** The fault suite runs the built app: build it first when the sources changed (as `npm start` does). */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { isBuildCurrent, writeBuildStamp } from "../../scripts/lib/build-stamp";

export default function setup() {
  if (isBuildCurrent()) return;
  console.log("[faults] building the app first (next build)");
  const next = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const r = spawnSync(process.execPath, [next, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) throw new Error("next build failed");
  writeBuildStamp();
}

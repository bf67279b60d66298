import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const ROOTS = ["app", "components", "lib", "public", "generated", "prisma/schema.prisma", "next.config.ts", "package-lock.json", "proxy.ts", "postcss.config.mjs", "tsconfig.json"];
const distDir = () => process.env.NEXT_DIST_DIR || ".next";
const stampFile = () => path.join(distDir(), "launchgate-build-stamp");

function walk(p: string, out: string[]): void {
  if (!fs.existsSync(p)) return;
  const st = fs.statSync(p);
  if (st.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) if (name !== "node_modules") walk(path.join(p, name), out);
  } else if (!/\.test\.tsx?$/.test(p)) out.push(`${p}:${st.size}:${Math.floor(st.mtimeMs)}`);
}

/** A fingerprint of everything that goes into the build: when it changes, `npm start` rebuilds. */
export function sourceFingerprint(): string {
  const entries: string[] = [];
  for (const r of ROOTS) walk(r, entries);
  return crypto.createHash("sha256").update(entries.join("\n")).digest("hex");
}

export function isBuildCurrent(): boolean {
  if (!fs.existsSync(path.join(distDir(), "BUILD_ID")) || !fs.existsSync(stampFile())) return false;
  return fs.readFileSync(stampFile(), "utf8").trim() === sourceFingerprint();
}

export function writeBuildStamp(): void {
  fs.writeFileSync(stampFile(), sourceFingerprint() + "\n");
}

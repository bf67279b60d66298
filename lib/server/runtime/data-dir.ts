import "server-only";
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";

/** Where the embedded database, the generated secret and other local state live. */
export function getDataDir(): string {
  return path.resolve(process.env.LAUNCHGATE_DATA_DIR || path.join(process.cwd(), ".launchgate"));
}

export function ensureWritableDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (err) {
    throw new Error(
      `The data directory ${dir} is not writable (${(err as Error).message}). ` +
        `Point LAUNCHGATE_DATA_DIR at a directory you can write, or fix its permissions.`,
    );
  }
}

/** Reads a secret persisted in the data dir, creating it (mode 600) the first time. */
export function getOrCreateSecret(dataDir: string, name: string, bytes = 32): string {
  const file = path.join(dataDir, name);
  if (fs.existsSync(file)) {
    const value = fs.readFileSync(file, "utf8").trim();
    if (value) return value;
  }
  const value = crypto.randomBytes(bytes).toString("base64url");
  fs.writeFileSync(file, value + "\n", { mode: 0o600 });
  return value;
}

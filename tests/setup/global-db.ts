/**
 * Vitest global setup: one real PostgreSQL for the whole run — DATABASE_URL when
 * TEST_DATABASE_URL is given, else an embedded one on a throwaway data dir and a free port.
 * Each test file makes its own database from it (tests/helpers/test-db.ts).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../../lib/server/runtime/embedded-postgres";

export default async function setup({ provide }: { provide: (key: string, value: string) => void }) {
  if (process.env.TEST_DATABASE_URL) {
    provide("adminDatabaseUrl", process.env.TEST_DATABASE_URL);
    return;
  }
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "launchgate-test-"));
  fs.chmodSync(base, 0o755);
  const db = await startEmbeddedPostgres({ dataDir: base, log: () => {}, quiet: true });
  provide("adminDatabaseUrl", db.url.replace(/\/launchgate$/, "/postgres"));
  return async () => {
    await db.stop();
    fs.rmSync(base, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

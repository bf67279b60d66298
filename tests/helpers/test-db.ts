import crypto from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createPrismaClient } from "../../lib/server/db";
import { migrate } from "../../lib/server/runtime/migrate";

/** A fresh, migrated database of its own for one test file; dropped by `drop()`. */
export async function createTestDatabase(opts: { migrate?: boolean } = {}) {
  const admin = inject("adminDatabaseUrl");
  if (!/127\.0\.0\.1|localhost/.test(admin)) throw new Error("Refusing to run tests against a non-local database");
  const name = `t_${crypto.randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  const url = u.toString();
  if (opts.migrate !== false) await migrate(url);
  const db = createPrismaClient(url, { max: 10 });
  return {
    url,
    name,
    db,
    drop: async () => {
      await db.$disconnect();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

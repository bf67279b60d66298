import "server-only";
import crypto from "node:crypto";
import pg from "pg";

/**
 * A secret kept in the database (table InstanceSecret), created once by whichever instance comes
 * first (INSERT … ON CONFLICT DO NOTHING, then read back: two instances starting together agree).
 * `initial` seeds it the first time, e.g. the secret an instance kept in its data dir until now,
 * so that upgrading keeps its sessions valid.
 */
export async function getOrCreateSharedSecret(url: string, name: string, initial?: string | null): Promise<string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const value = initial || crypto.randomBytes(32).toString("base64url");
    await client.query(`INSERT INTO "InstanceSecret" (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [name, value]);
    const r = await client.query<{ value: string }>(`SELECT value FROM "InstanceSecret" WHERE name = $1`, [name]);
    return r.rows[0].value;
  } finally {
    await client.end();
  }
}
